/**
 * Keeps the gallery store and IndexedDB in step, apart from the store itself: the first load,
 * then every change the store reports, written in batches (at once for a new run or a changed
 * status, so a closing page keeps it) and retried after a failed write without forgetting what
 * was dirty. Other tabs hear of each write over a BroadcastChannel; their messages that arrive
 * during the load are held and applied after it. Pending writes are flushed when the tab hides.
 */
import type { StoreApi } from 'zustand/vanilla';
import { STORAGE_KEYS } from '../lib/storage-keys';
import { type GalleryDb, openGalleryDb } from './gallery-db';
import type { GalleryItem } from './gallery-item';
import { readAllItems, readItems, readNewestItems, writeItems } from './gallery-records';
import { placed } from './placed';

export type GalleryMessage = { type: 'changed'; ids: string[] } | { type: 'removed'; ids: string[] };

/** What the persistence client needs of the store: its items and where they stand. */
export interface PersistedState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  items: GalleryItem[];
  loadError?: string;
  wipedCount?: number;
  /** The ids the last action changed, and whether they must be written at once. */
  change?: { ids: string[]; urgent: boolean };
}

export interface PersistenceOptions {
  dbName?: string;
  channelName?: string;
  /** localStorage key that remembers how many items the gallery held. */
  markerKey?: string;
  flushDelayMs?: number;
  /** How many of the newest items are read before the rest, to paint the first screen early. */
  firstPaintItems?: number;
}

export interface GalleryPersistence {
  load(): Promise<void>;
  /** The database, once the first load is done. */
  ready(): Promise<GalleryDb>;
  /** Writes what is dirty now; a failed write stays dirty and is retried. */
  flush(): Promise<void>;
  /** Tells other tabs, and remembers the count for wipe detection. */
  announce(message: GalleryMessage): void;
  /** Drops the pending writes and first-screen thumbnails of items just written or removed another way. */
  forget(ids: string[]): void;
  /** A thumbnail read with the first screen, if it was one of those. */
  firstThumb(id: string): Blob | undefined;
  dispose(): void;
}

const FIRST_PAINT_ITEMS = 120;
const MAX_RETRY_MS = 30_000;

/** Resolves when the page is idle (its first screen drawn), or after a short wait at most. */
const idle = () =>
  new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 300 }) : setTimeout(resolve, 0)));

export function createGalleryPersistence<S extends PersistedState>(store: StoreApi<S>, options: PersistenceOptions = {}): GalleryPersistence {
  const {
    dbName,
    channelName = STORAGE_KEYS.galleryChannel,
    markerKey = STORAGE_KEYS.galleryCount,
    flushDelayMs = 250,
    firstPaintItems = FIRST_PAINT_ITEMS,
  } = options;
  let db: GalleryDb | undefined;
  let firstThumbs = new Map<string, Blob>();
  /** Dirty ids and how often each changed, so a write only clears the versions it wrote. */
  const dirty = new Map<string, number>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let failedWrites = 0;
  const heldMessages: GalleryMessage[] = [];
  const waiting: Array<(db: GalleryDb) => void> = [];
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : undefined;

  const remember = () => {
    try {
      localStorage.setItem(markerKey, String(store.getState().items.length));
    } catch {
      // A full or blocked localStorage only costs the wipe detection.
    }
  };

  function scheduleFlush(delayMs: number) {
    if (!db) return;
    clearTimeout(flushTimer);
    flushTimer = setTimeout(() => void flush().catch(() => undefined), delayMs);
  }

  async function flush(): Promise<void> {
    clearTimeout(flushTimer);
    if (!db || dirty.size === 0) return;
    const written = new Map(dirty);
    const byId = new Map(store.getState().items.map((item) => [item.id, item]));
    const items = [...written.keys()].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    try {
      await writeItems(db, items);
    } catch (error) {
      failedWrites++;
      scheduleFlush(Math.min(MAX_RETRY_MS, 500 * 2 ** failedWrites));
      throw error;
    }
    failedWrites = 0;
    for (const [id, version] of written) if (dirty.get(id) === version) dirty.delete(id);
    announce({ type: 'changed', ids: [...written.keys()] });
  }

  function announce(message: GalleryMessage) {
    remember();
    channel?.postMessage(message);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (!state.change || state.change === previous.change) return;
    for (const id of state.change.ids) dirty.set(id, (dirty.get(id) ?? 0) + 1);
    scheduleFlush(state.change.urgent ? 0 : flushDelayMs);
  });

  function applyMessage(message: GalleryMessage) {
    if (!db) return;
    if (message.type === 'removed') {
      const gone = new Set(message.ids);
      store.setState({ items: store.getState().items.filter((item) => !gone.has(item.id)) } as Partial<S>);
      return;
    }
    // This tab's own unwritten changes win over what another tab wrote before them.
    const ids = message.ids.filter((id) => !dirty.has(id));
    void readItems(db, ids).then((fresh) => {
      let items = store.getState().items;
      fresh.forEach((item, i) => {
        if (dirty.has(ids[i])) return;
        items = item ? placed(items, item) : items.filter((existing) => existing.id !== ids[i]);
      });
      store.setState({ items } as Partial<S>);
    });
  }

  const onMessage = (event: MessageEvent<GalleryMessage>) => {
    if (store.getState().status === 'ready') applyMessage(event.data);
    else heldMessages.push(event.data);
  };
  channel?.addEventListener('message', onMessage);

  const flushNow = () => void flush().catch(() => undefined);
  const onVisibility = () => document.visibilityState === 'hidden' && flushNow();
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushNow);
  }

  return {
    async load() {
      if (store.getState().status !== 'idle') return;
      store.setState({ status: 'loading' } as Partial<S>);
      try {
        const opened = await openGalleryDb(dbName);
        const { items: newest, thumbs } = await readNewestItems(opened, firstPaintItems);
        firstThumbs = thumbs;
        let preview = newest;
        for (const item of store.getState().items) preview = placed(preview, item);
        store.setState({ items: preview } as Partial<S>);
        if (newest.length === firstPaintItems) await idle();
        const stored = newest.length < firstPaintItems ? newest : await readAllItems(opened);
        const remembered = Number(localStorage.getItem(markerKey) ?? 0);
        // Items added by this page before the load finished are kept, and win over stored ones.
        const early = store.getState().items.filter((item) => !newest.includes(item));
        let items = stored;
        for (const item of early) items = placed(items, item);
        db = opened;
        store.setState({ status: 'ready', items, wipedCount: stored.length === 0 && remembered > 0 ? remembered : undefined } as Partial<S>);
        remember();
        for (const resolve of waiting.splice(0)) resolve(opened);
        for (const message of heldMessages.splice(0)) applyMessage(message);
        if (dirty.size) scheduleFlush(0);
      } catch (error) {
        store.setState({ status: 'failed', loadError: error instanceof Error ? error.message : String(error) } as Partial<S>);
      }
    },
    ready: () => (db ? Promise.resolve(db) : new Promise((resolve) => waiting.push(resolve))),
    flush,
    announce,
    forget(ids) {
      for (const id of ids) {
        dirty.delete(id);
        firstThumbs.delete(id);
      }
    },
    firstThumb: (id) => firstThumbs.get(id),
    dispose() {
      unsubscribe();
      clearTimeout(flushTimer);
      channel?.removeEventListener('message', onMessage);
      channel?.close();
      if (typeof document !== 'undefined') {
        document.removeEventListener('visibilitychange', onVisibility);
        window.removeEventListener('pagehide', flushNow);
      }
      db?.close();
    },
  };
}
