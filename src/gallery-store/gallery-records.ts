/** Reads and writes of gallery records, each one IndexedDB transaction. */
import { unwrap, wrap } from 'idb';
import type { GalleryDb } from './gallery-db';
import type { GalleryItem } from './gallery-item';
import { restoreItem } from './restore-item';

const restoreAll = (raw: unknown[]): GalleryItem[] => raw.flatMap((value) => restoreItem(value) ?? []);

/** IDBIndex.getAllRecords, in browsers that have it: records in either direction in one request. */
type IndexWithRecords = IDBIndex & {
  getAllRecords?(options: { count?: number; direction?: IDBCursorDirection }): IDBRequest<Array<{ value: GalleryItem }>>;
};

/** An item with its Blobs, as removed: enough to put it back exactly. */
export interface RemovedItem {
  item: GalleryItem;
  media?: Blob;
  thumb?: Blob;
  source?: Blob;
}

const PAGE_ITEMS = 2000;

/**
 * Every item, newest first, read a page per transaction so other reads (the thumbnails on
 * screen) and the page itself get turns in between.
 */
export async function readAllItems(db: GalleryDb): Promise<GalleryItem[]> {
  const items: GalleryItem[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await db.getAll('items', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), PAGE_ITEMS);
    for (const item of restoreAll(page)) items.push(item);
    if (page.length < PAGE_ITEMS) break;
    after = page[page.length - 1].id;
  }
  return items.sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * The newest `count` items and their thumbnails, read first in one transaction so the gallery
 * can paint its first screen before the rest arrive.
 */
export async function readNewestItems(db: GalleryDb, count: number): Promise<{ items: GalleryItem[]; thumbs: Map<string, Blob> }> {
  const tx = db.transaction(['items', 'thumbs']);
  const index = tx.objectStore('items').index('createdAt');
  const raw = unwrap(index) as IndexWithRecords;
  let items: GalleryItem[] = [];
  if (typeof raw.getAllRecords === 'function') {
    // One request where the browser can read newest first; a cursor step per item elsewhere.
    const records = await wrap(raw.getAllRecords({ count, direction: 'prev' }));
    items = restoreAll(records.map((record) => record.value));
  } else {
    let cursor = await index.openCursor(null, 'prev');
    while (cursor && items.length < count) {
      const item = restoreItem(cursor.value);
      if (item) items.push(item);
      cursor = await cursor.continue();
    }
  }
  const blobs = await Promise.all(items.map((item) => tx.objectStore('thumbs').get(item.id)));
  await tx.done;
  return { items, thumbs: new Map(items.flatMap((item, i) => (blobs[i] ? [[item.id, blobs[i]] as const] : []))) };
}

export async function writeItems(db: GalleryDb, items: GalleryItem[]): Promise<void> {
  const tx = db.transaction('items', 'readwrite');
  await Promise.all([...items.map((item) => tx.store.put(item)), tx.done]);
}

/** Stores the media and its thumbnail together with the item that now says so. */
export async function writeMedia(db: GalleryDb, item: GalleryItem, media: Blob, thumb?: Blob): Promise<void> {
  const tx = db.transaction(['items', 'media', 'thumbs'], 'readwrite');
  await Promise.all([
    tx.objectStore('media').put(media, item.id),
    thumb ? tx.objectStore('thumbs').put(thumb, item.id) : undefined,
    tx.objectStore('items').put(item),
    tx.done,
  ]);
}

export async function removeItems(db: GalleryDb, ids: string[]): Promise<RemovedItem[]> {
  const tx = db.transaction(['items', 'media', 'thumbs', 'sources'], 'readwrite');
  const stores = [tx.objectStore('media'), tx.objectStore('thumbs'), tx.objectStore('sources')] as const;
  const removed: RemovedItem[] = [];
  for (const id of ids) {
    const [item, media, thumb, source] = await Promise.all([tx.objectStore('items').get(id), ...stores.map((store) => store.get(id))]);
    if (!item) continue;
    removed.push({ item, media, thumb, source });
    await Promise.all([tx.objectStore('items').delete(id), ...stores.map((store) => store.delete(id))]);
  }
  await tx.done;
  return removed;
}

export async function restoreItems(db: GalleryDb, removed: RemovedItem[]): Promise<void> {
  const tx = db.transaction(['items', 'media', 'thumbs', 'sources'], 'readwrite');
  await Promise.all([
    ...removed.flatMap(({ item, media, thumb, source }) => [
      tx.objectStore('items').put(item),
      media ? tx.objectStore('media').put(media, item.id) : undefined,
      thumb ? tx.objectStore('thumbs').put(thumb, item.id) : undefined,
      source ? tx.objectStore('sources').put(source, item.id) : undefined,
    ]),
    tx.done,
  ]);
}

export async function readItems(db: GalleryDb, ids: string[]): Promise<Array<GalleryItem | undefined>> {
  const tx = db.transaction('items');
  const items = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return items.map((item) => (item === undefined ? undefined : restoreItem(item)));
}

export async function readThumbs(db: GalleryDb, ids: string[]): Promise<Map<string, Blob>> {
  const tx = db.transaction('thumbs');
  const blobs = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return new Map(ids.flatMap((id, i) => (blobs[i] ? [[id, blobs[i]] as const] : [])));
}

export const readMedia = (db: GalleryDb, id: string): Promise<Blob | undefined> => db.get('media', id);

/** Queues new runs: each item with the picture it sends (transforms and videos), in one transaction. */
export async function writeRuns(db: GalleryDb, runs: Array<{ item: GalleryItem; source?: Blob }>): Promise<void> {
  const tx = db.transaction(['items', 'sources'], 'readwrite');
  await Promise.all([
    ...runs.flatMap(({ item, source }) => [tx.objectStore('items').put(item), source ? tx.objectStore('sources').put(source, item.id) : undefined]),
    tx.done,
  ]);
}

/** Keeps the picture a result was made from, with the item that now says so. */
export async function writeSource(db: GalleryDb, item: GalleryItem, source: Blob): Promise<void> {
  const tx = db.transaction(['items', 'sources'], 'readwrite');
  await Promise.all([tx.objectStore('sources').put(source, item.id), tx.objectStore('items').put(item), tx.done]);
}

export const readSource = (db: GalleryDb, id: string): Promise<Blob | undefined> => db.get('sources', id);
