import '../test/fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GALLERY_DB_NAME, type LegacyItemV1, openGalleryDb } from './gallery-db';
import type { GalleryItem } from './gallery-item';
import { readMedia } from './gallery-records';
import { INTERRUPTED, STORAGE_FULL } from './gallery-messages';
import { createGalleryStore } from './gallery-store';

let counter = 0;
const stores: Array<ReturnType<typeof createGalleryStore>> = [];
/** A store with its own database and channel, so every test owns its data. */
function freshNames() {
  counter += 1;
  return { dbName: `gallery-test-${counter}-${Date.now()}`, channelName: `gallery-test-${counter}`, markerKey: `marker-${counter}`, flushDelayMs: 1 };
}
function storeFor(names: ReturnType<typeof freshNames>) {
  const store = createGalleryStore(names);
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.getState().flush();
});

function image(id: string, createdAt: number, extra: Partial<GalleryItem> = {}): GalleryItem {
  return {
    id,
    kind: 'image',
    status: 'ready',
    backend: '',
    seed: 7,
    remoteUrl: `http://engine.test/images/${id}.png`,
    createdAt,
    favourite: false,
    mediaStored: false,
    request: { video_description: `prompt ${id}`, negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: 7 },
    ...extra,
  } as GalleryItem;
}

describe('gallery store', () => {
  it('writes nothing before the first load, then keeps what was added', async () => {
    const names = freshNames();
    const store = storeFor(names);
    store.getState().upsert(image('a', 1));
    expect(store.getState().items.map((i) => i.id)).toEqual(['a']);
    const db = await openGalleryDb(names.dbName);
    expect(await db.count('items')).toBe(0);
    db.close();
    await store.getState().load();
    await store.getState().flush();
    const reopened = storeFor(names);
    await reopened.getState().load();
    expect(reopened.getState().items.map((i) => i.id)).toEqual(['a']);
  });

  it('keeps items newest first, and media and thumbnails byte for byte', async () => {
    const names = freshNames();
    const store = storeFor(names);
    await store.getState().load();
    store.getState().upsert(image('old', 10));
    store.getState().upsert(image('new', 30));
    store.getState().upsert(image('mid', 20));
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    await store.getState().storeMedia('mid', new Blob([bytes], { type: 'image/png' }), new Blob([new Uint8Array([9])], { type: 'image/webp' }));
    await store.getState().flush();
    expect(store.getState().items.map((i) => i.id)).toEqual(['new', 'mid', 'old']);
    const mid = store.getState().items[1];
    expect(mid).toMatchObject({ mediaStored: true, bytes: 7, mediaType: 'image/png' });
    const db = await openGalleryDb(names.dbName);
    const stored = await readMedia(db, 'mid');
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bytes);
    db.close();
  });

  it('deletes, and undo puts back the item with its media', async () => {
    const names = freshNames();
    const store = storeFor(names);
    await store.getState().load();
    store.getState().upsert(image('a', 1));
    store.getState().upsert(image('b', 2));
    await store.getState().storeMedia('a', new Blob([new Uint8Array([1, 2, 3])]));
    await store.getState().remove(['a', 'b']);
    expect(store.getState().items).toEqual([]);
    const db = await openGalleryDb(names.dbName);
    expect(await db.count('items')).toBe(0);
    expect(await db.count('media')).toBe(0);
    await store.getState().undoRemove();
    expect(store.getState().items.map((i) => i.id)).toEqual(['b', 'a']);
    expect(await db.count('items')).toBe(2);
    expect((await readMedia(db, 'a'))?.size).toBe(3);
    db.close();
  });

  it('keeps the item and its remote URL when storage is full, and says so', async () => {
    const names = freshNames();
    const store = storeFor(names);
    await store.getState().load();
    store.getState().upsert(image('big', 1));
    await store.getState().flush();
    const originalPut = IDBObjectStore.prototype.put;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (args[0] instanceof Blob) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originalPut.apply(this, args);
    });
    await store.getState().storeMedia('big', new Blob([new Uint8Array(10)]));
    put.mockRestore();
    const kept = store.getState().items[0];
    expect(kept).toMatchObject({ id: 'big', mediaStored: false, problem: STORAGE_FULL, remoteUrl: 'http://engine.test/images/big.png' });
    expect(store.getState().storageProblem).toEqual({ id: 'big', message: STORAGE_FULL });
    const reopened = storeFor(names);
    await reopened.getState().load();
    expect(reopened.getState().items[0]).toMatchObject({ id: 'big', problem: STORAGE_FULL });
  });

  it('turns what an older studio left pending into runs the queue resumes, or failures it cannot resend', async () => {
    const names = freshNames();
    const db = await openGalleryDb(names.dbName);
    const video = { seed: 0, cfg_scale: 1.5, motion_bucket_id: 127 };
    await db.put('items', { ...image('lost-image', 1), status: 'pending' } as unknown as GalleryItem);
    await db.put('items', { ...image('job', 2), kind: 'video', status: 'pending', jobId: 'abc', request: video } as unknown as GalleryItem);
    await db.put('items', { ...image('unsent-video', 3), kind: 'video', status: 'pending', request: video } as unknown as GalleryItem);
    const transform = { prompt: 'p', negative_prompt: '', strength: 0.5, aspect_ratio: '1:1', output_format: 'png', seed: 1 };
    await db.put('items', { ...image('kept-transform', 4), kind: 'transform', status: 'pending', sourceStored: true, request: transform } as unknown as GalleryItem);
    db.close();
    const store = storeFor(names);
    await store.getState().load();
    const byId = Object.fromEntries(store.getState().items.map((i) => [i.id, i]));
    expect(byId['lost-image']).toMatchObject({ status: 'queued', resent: true });
    expect(byId.job).toMatchObject({ status: 'running', jobId: 'abc' });
    expect(byId['unsent-video']).toMatchObject({ status: 'failed', problem: INTERRUPTED });
    expect(byId['kept-transform']).toMatchObject({ status: 'queued', resent: true });
  });

  it('drops stored records that are not gallery items, and rebuilds the rest', async () => {
    const names = freshNames();
    const db = await openGalleryDb(names.dbName);
    await db.put('items', image('good', 1));
    await db.put('items', { id: 'no-kind', createdAt: 2 } as unknown as GalleryItem);
    await db.put('items', { ...image('bad-request', 3), request: { video_description: 5 } } as unknown as GalleryItem);
    await db.put('items', { ...image('odd-status', 4), status: '<script>' } as unknown as GalleryItem);
    await db.put('items', { ...image('extra', 5), extra: 'dropped', problem: 'x'.repeat(50_000) } as unknown as GalleryItem);
    db.close();
    const store = storeFor(names);
    await store.getState().load();
    expect(store.getState().items.map((i) => i.id)).toEqual(['extra', 'good']);
    expect(store.getState().items[0]).not.toHaveProperty('extra');
    expect(store.getState().items[0].problem).toHaveLength(2000);
  });

  it('keeps the template a picture was expanded from across a reload, and drops one that is not text', async () => {
    const names = freshNames();
    const store = storeFor(names);
    await store.getState().load();
    store.getState().upsert(image('templated', 1, { template: '{red|blue} car', request: { video_description: 'red car', negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: 7 } }));
    await store.getState().flush();
    const db = await openGalleryDb(names.dbName);
    await db.put('items', { ...image('odd-template', 2), template: { toString: 'x' } } as unknown as GalleryItem);
    await db.put('items', { ...image('long-template', 3), template: 'y'.repeat(20_000) } as unknown as GalleryItem);
    db.close();
    const reopened = storeFor(names);
    await reopened.getState().load();
    const byId = Object.fromEntries(reopened.getState().items.map((item) => [item.id, item]));
    expect(byId.templated).toMatchObject({ template: '{red|blue} car', request: { video_description: 'red car' } });
    expect(byId['odd-template']).not.toHaveProperty('template');
    expect(byId['long-template']).toMatchObject({ template: 'y'.repeat(10_000) });
  });

  it('keeps a change dirty when its write fails, and writes it on the next try', async () => {
    const names = freshNames();
    const store = storeFor(names);
    await store.getState().load();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The disk is busy.', 'UnknownError');
    });
    store.getState().upsert(image('retried', 1));
    await expect(store.getState().flush()).rejects.toThrow('The disk is busy.');
    put.mockRestore();
    await store.getState().flush();
    const reopened = storeFor(names);
    await reopened.getState().load();
    expect(reopened.getState().items.map((i) => i.id)).toEqual(['retried']);
  });

  it('holds what another tab says during the load and applies it after', async () => {
    const names = freshNames();
    const writer = storeFor(names);
    await writer.getState().load();
    const reader = storeFor(names);
    const loading = reader.getState().load();
    writer.getState().upsert(image('while-loading', 1));
    await writer.getState().flush();
    await loading;
    await vi.waitFor(() => expect(reader.getState().items.map((i) => i.id)).toEqual(['while-loading']));
  });

  it('notices when the browser has wiped the gallery it remembered', async () => {
    const names = freshNames();
    localStorage.setItem(names.markerKey, '12');
    const store = storeFor(names);
    await store.getState().load();
    expect(store.getState().wipedCount).toBe(12);
  });

  it('upgrades a version-1 database in place', async () => {
    const names = freshNames();
    const v1 = await openDB(names.dbName, 1, {
      upgrade(db) {
        db.createObjectStore('items', { keyPath: 'id' });
        db.createObjectStore('media');
      },
    });
    const legacy: LegacyItemV1[] = [
      { id: 'l1', prompt: 'old fox', imageUrl: 'http://x.test/images/1.png', seed: 5, createdAt: 100, style: 'anime', aspectRatio: '1:1', format: 'jpg' },
      { id: 'l2', prompt: 'old owl', imageUrl: 'http://x.test/images/2.png', seed: 6, createdAt: 200, style: 'bogus', aspectRatio: '7:1' },
    ];
    for (const item of legacy) await v1.put('items', item);
    await v1.put('media', new Blob([new Uint8Array([1])]), 'l1');
    v1.close();
    const store = storeFor(names);
    await store.getState().load();
    expect(store.getState().items).toEqual([
      expect.objectContaining({ id: 'l2', kind: 'image', status: 'ready', mediaStored: false, request: expect.objectContaining({ video_description: 'old owl', style_preset: undefined, aspect_ratio: '16:9', output_format: 'png' }) }),
      expect.objectContaining({ id: 'l1', mediaStored: true, request: expect.objectContaining({ style_preset: 'anime', aspect_ratio: '1:1', output_format: 'jpg' }) }),
    ]);
    expect(GALLERY_DB_NAME).toBe('aiart-studio');
  });

  it('keeps the picture a result was made from, across a restart, a delete and its undo', async () => {
    const names = freshNames();
    const store = storeFor(names);
    await store.getState().load();
    store.getState().upsert(image('made', 1));
    const source = new Uint8Array([137, 80, 78, 71, 4, 5]);
    await store.getState().storeSource('made', new Blob([source], { type: 'image/png' }));
    expect(store.getState().items[0].sourceStored).toBe(true);

    const restarted = storeFor(names);
    await restarted.getState().load();
    expect(restarted.getState().items[0].sourceStored).toBe(true);
    const kept = await restarted.getState().source('made');
    expect(new Uint8Array(await kept!.arrayBuffer())).toEqual(source);

    await restarted.getState().remove(['made']);
    expect(await restarted.getState().source('made')).toBeUndefined();
    await restarted.getState().undoRemove();
    expect((await restarted.getState().source('made'))?.size).toBe(source.length);
  });

  it('upgrades a version-2 database, keeping its items, adding the store for source pictures and dropping the unused meta store', async () => {
    const names = freshNames();
    const v2 = await openDB(names.dbName, 2, {
      upgrade(db) {
        db.createObjectStore('items', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
        for (const name of ['media', 'thumbs', 'meta']) db.createObjectStore(name);
      },
    });
    await v2.put('items', image('kept', 5));
    v2.close();
    const store = storeFor(names);
    await store.getState().load();
    expect(store.getState().items.map((i) => i.id)).toEqual(['kept']);
    const db = await openGalleryDb(names.dbName);
    expect([...db.objectStoreNames].sort()).toEqual(['items', 'media', 'sources', 'thumbs']);
    db.close();
  });

  it('tells other tabs: a second store sees additions, favourites and deletions', async () => {
    const names = freshNames();
    const tabA = storeFor(names);
    const tabB = storeFor(names);
    await tabA.getState().load();
    await tabB.getState().load();
    tabA.getState().upsert(image('shared', 1));
    await tabA.getState().flush();
    await expect.poll(() => tabB.getState().items.map((i) => i.id)).toEqual(['shared']);
    tabB.getState().toggleFavourite('shared');
    await tabB.getState().flush();
    await expect.poll(() => tabA.getState().items[0]?.favourite).toBe(true);
    await tabA.getState().remove(['shared']);
    await expect.poll(() => tabB.getState().items).toEqual([]);
  });
});
