/** Reads and writes of gallery records, each one IndexedDB transaction. */
import type { GalleryDb } from './gallery-db';
import type { GalleryItem } from './gallery-item';

/** An item with its Blobs, as removed: enough to put it back exactly. */
export interface RemovedItem {
  item: GalleryItem;
  media?: Blob;
  thumb?: Blob;
}

export async function readAllItems(db: GalleryDb): Promise<GalleryItem[]> {
  const items = await db.getAllFromIndex('items', 'createdAt');
  return items.reverse();
}

/** The newest `count` items, read first so the gallery can paint before the rest arrive. */
export async function readNewestItems(db: GalleryDb, count: number): Promise<GalleryItem[]> {
  const items: GalleryItem[] = [];
  let cursor = await db.transaction('items').store.index('createdAt').openCursor(null, 'prev');
  while (cursor && items.length < count) {
    items.push(cursor.value);
    cursor = await cursor.continue();
  }
  return items;
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
  const tx = db.transaction(['items', 'media', 'thumbs'], 'readwrite');
  const removed: RemovedItem[] = [];
  for (const id of ids) {
    const [item, media, thumb] = await Promise.all([
      tx.objectStore('items').get(id),
      tx.objectStore('media').get(id),
      tx.objectStore('thumbs').get(id),
    ]);
    if (!item) continue;
    removed.push({ item, media, thumb });
    await Promise.all([tx.objectStore('items').delete(id), tx.objectStore('media').delete(id), tx.objectStore('thumbs').delete(id)]);
  }
  await tx.done;
  return removed;
}

export async function restoreItems(db: GalleryDb, removed: RemovedItem[]): Promise<void> {
  const tx = db.transaction(['items', 'media', 'thumbs'], 'readwrite');
  await Promise.all([
    ...removed.flatMap(({ item, media, thumb }) => [
      tx.objectStore('items').put(item),
      media ? tx.objectStore('media').put(media, item.id) : undefined,
      thumb ? tx.objectStore('thumbs').put(thumb, item.id) : undefined,
    ]),
    tx.done,
  ]);
}

export async function readItems(db: GalleryDb, ids: string[]): Promise<Array<GalleryItem | undefined>> {
  const tx = db.transaction('items');
  const items = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return items;
}

export async function readThumbs(db: GalleryDb, ids: string[]): Promise<Map<string, Blob>> {
  const tx = db.transaction('thumbs');
  const blobs = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return new Map(ids.flatMap((id, i) => (blobs[i] ? [[id, blobs[i]] as const] : [])));
}

export const readMedia = (db: GalleryDb, id: string): Promise<Blob | undefined> => db.get('media', id);
