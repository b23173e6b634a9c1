/**
 * The one owner of saved results. Zustand holds every item's metadata for the views; IndexedDB
 * keeps metadata, media and thumbnails. Nothing is written before the first load has finished,
 * metadata writes are batched and flushed when the tab is hidden, and other tabs hear of every
 * change over a BroadcastChannel.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type GalleryDb, openGalleryDb } from './gallery-db';
import type { GalleryItem } from './gallery-item';
import {
  readAllItems,
  readItems,
  readNewestItems,
  readMedia,
  readSource,
  readThumbs,
  type RemovedItem,
  removeItems,
  restoreItems,
  writeItems,
  writeMedia,
  writeSource,
} from './gallery-records';

/** How many of the newest items are read before the rest, to paint the first screen early. */
const FIRST_PAINT_ITEMS = 120;

export const INTERRUPTED = 'Interrupted: the page was closed before this result arrived.';
export const STORAGE_FULL =
  'Not kept in this browser: its storage is full. The picture stays available from the service for a while; delete items you no longer need to make room.';

export interface GalleryState {
  /** While 'loading', `items` may already hold the newest items, for a first paint. */
  status: 'idle' | 'loading' | 'ready' | 'failed';
  /** Newest first. */
  items: GalleryItem[];
  loadError?: string;
  /** Items this browser had saved before it cleared the gallery's storage. */
  wipedCount?: number;
  /** The last item whose media could not be stored, and why. */
  storageProblem?: { id: string; message: string };
  /** What the last delete removed, until undone or replaced. */
  lastRemoved?: RemovedItem[];
  load(): Promise<void>;
  /** Adds an item, or replaces the one with its id. */
  upsert(item: GalleryItem): void;
  patch(id: string, patch: Partial<GalleryItem>): void;
  storeMedia(id: string, media: Blob, thumb?: Blob): Promise<void>;
  /** Keeps the picture (a file, not a gallery item) that the item was made from. */
  storeSource(id: string, source: Blob): Promise<void>;
  toggleFavourite(id: string): void;
  remove(ids: string[]): Promise<void>;
  undoRemove(): Promise<void>;
  /** Writes batched metadata now. */
  flush(): Promise<void>;
  /** Thumbnails of the given items, read in one transaction. */
  thumbnails(ids: string[]): Promise<Map<string, Blob>>;
  /** The full-size media of one item, if this browser keeps it. */
  media(id: string): Promise<Blob | undefined>;
  /** The picture an item was made from, if it is kept with it. */
  source(id: string): Promise<Blob | undefined>;
}

export interface GalleryStoreOptions {
  dbName?: string;
  channelName?: string;
  /** localStorage key that remembers how many items the gallery held. */
  markerKey?: string;
  flushDelayMs?: number;
}

type Message = { type: 'changed'; ids: string[] } | { type: 'removed'; ids: string[] };

/** Inserts or replaces `item` keeping newest-first order. */
function placed(items: GalleryItem[], item: GalleryItem): GalleryItem[] {
  const rest = items.filter((existing) => existing.id !== item.id);
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rest[mid].createdAt > item.createdAt) low = mid + 1;
    else high = mid;
  }
  return [...rest.slice(0, low), item, ...rest.slice(low)];
}

/** Resolves when the page is idle (its first screen drawn), or after a short wait at most. */
const idle = () =>
  new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 300 }) : setTimeout(resolve, 0)));

const isQuotaError = (error: unknown) =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

export function createGalleryStore(options: GalleryStoreOptions = {}): StoreApi<GalleryState> {
  const { dbName, channelName = 'aiart-gallery', markerKey = 'aiart.gallery.count', flushDelayMs = 250 } = options;
  let db: GalleryDb | undefined;
  /** The thumbnails of the first screen, read with its items. */
  let firstThumbs = new Map<string, Blob>();
  const beforeReady: Array<() => void> = [];
  const dirty = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : undefined;

  const store = createStore<GalleryState>()((set, get) => {
    /** Runs `write` once the gallery has loaded: never before, so nothing is overwritten. */
    const whenReady = (write: () => void) => (get().status === 'ready' ? write() : beforeReady.push(write));

    const remember = () => {
      try {
        localStorage.setItem(markerKey, String(get().items.length));
      } catch {
        // A full or blocked localStorage only costs the wipe detection.
      }
    };

    const announce = (message: Message) => {
      remember();
      channel?.postMessage(message);
    };

    /** Batches writes; a new item or a changed status is written at once, so a closing page keeps it. */
    const markDirty = (id: string, urgent: boolean) =>
      whenReady(() => {
        dirty.add(id);
        clearTimeout(flushTimer);
        flushTimer = setTimeout(() => void get().flush(), urgent ? 0 : flushDelayMs);
      });

    return {
      status: 'idle',
      items: [],

      async load() {
        if (get().status !== 'idle') return;
        set({ status: 'loading' });
        try {
          db = await openGalleryDb(dbName);
          const { items: newest, thumbs } = await readNewestItems(db, FIRST_PAINT_ITEMS);
          firstThumbs = thumbs;
          let preview = newest;
          for (const item of get().items) preview = placed(preview, item);
          set({ items: preview });
          if (newest.length === FIRST_PAINT_ITEMS) await idle();
          const stored = newest.length < FIRST_PAINT_ITEMS ? newest : await readAllItems(db);
          const interrupted = stored
            .filter((item) => item.status === 'pending' && !(item.kind === 'video' && item.jobId))
            .map((item) => ({ ...item, status: 'failed' as const, problem: INTERRUPTED }));
          if (interrupted.length) await writeItems(db, interrupted);
          const fixed = new Map(interrupted.map((item) => [item.id, item]));
          const loaded = stored.map((item) => fixed.get(item.id) ?? item);
          const remembered = Number(localStorage.getItem(markerKey) ?? 0);
          // Items added by this page before the load finished are kept, and win over stored ones.
          const early = get().items.filter((item) => !newest.includes(item));
          let items = loaded;
          for (const item of early) items = placed(items, item);
          set({ status: 'ready', items, wipedCount: loaded.length === 0 && remembered > 0 ? remembered : undefined });
          remember();
          for (const write of beforeReady.splice(0)) write();
        } catch (error) {
          set({ status: 'failed', loadError: error instanceof Error ? error.message : String(error) });
        }
      },

      upsert(item) {
        const before = get().items.find((existing) => existing.id === item.id);
        set({ items: placed(get().items, item) });
        markDirty(item.id, !before || before.status !== item.status || before.remoteUrl !== item.remoteUrl);
      },

      patch(id, patch) {
        const item = get().items.find((existing) => existing.id === id);
        if (!item) return;
        get().upsert({ ...item, ...patch } as GalleryItem);
      },

      async storeMedia(id, media, thumb) {
        await new Promise<void>((resolve) => whenReady(resolve));
        const item = get().items.find((existing) => existing.id === id);
        if (!item || !db) return;
        firstThumbs.delete(id);
        const stored = { mediaStored: true, bytes: media.size, mediaType: media.type || item.mediaType, problem: undefined };
        // The state says "stored" before the write starts, so a batched write of this item in
        // between cannot put back the older version; the media transaction writes the item too.
        dirty.delete(id);
        set({ items: placed(get().items, { ...item, ...stored } as GalleryItem) });
        try {
          await writeMedia(db, get().items.find((existing) => existing.id === id) ?? ({ ...item, ...stored } as GalleryItem), media, thumb);
          announce({ type: 'changed', ids: [id] });
        } catch (error) {
          const current = get().items.find((existing) => existing.id === id) ?? item;
          if (!isQuotaError(error)) {
            set({ items: placed(get().items, { ...current, mediaStored: false } as GalleryItem) });
            throw error;
          }
          // Keep the item and its remote URL; say what was not stored.
          const kept = { ...current, mediaStored: false, problem: STORAGE_FULL } as GalleryItem;
          set({ items: placed(get().items, kept), storageProblem: { id, message: STORAGE_FULL } });
          await writeItems(db, [kept]);
          announce({ type: 'changed', ids: [id] });
        }
      },

      async storeSource(id, source) {
        await new Promise<void>((resolve) => whenReady(resolve));
        const item = get().items.find((existing) => existing.id === id);
        if (!item || !db) return;
        set({ items: placed(get().items, { ...item, sourceStored: true }) });
        try {
          await writeSource(db, get().items.find((existing) => existing.id === id) ?? { ...item, sourceStored: true }, source);
          announce({ type: 'changed', ids: [id] });
        } catch {
          // The result itself is unaffected; it only cannot show or reuse its source.
          get().patch(id, { sourceStored: false });
        }
      },

      toggleFavourite(id) {
        const item = get().items.find((existing) => existing.id === id);
        if (item) get().patch(id, { favourite: !item.favourite });
      },

      async remove(ids) {
        await new Promise<void>((resolve) => whenReady(resolve));
        if (!db) return;
        await get().flush();
        const gone = new Set(ids);
        for (const id of ids) firstThumbs.delete(id);
        set({ items: get().items.filter((item) => !gone.has(item.id)) });
        const removed = await removeItems(db, ids);
        set({ lastRemoved: removed });
        announce({ type: 'removed', ids });
      },

      async undoRemove() {
        const removed = get().lastRemoved;
        if (!removed?.length || !db) return;
        await restoreItems(db, removed);
        let items = get().items;
        for (const { item } of removed) items = placed(items, item);
        set({ items, lastRemoved: undefined });
        announce({ type: 'changed', ids: removed.map(({ item }) => item.id) });
      },

      async flush() {
        clearTimeout(flushTimer);
        if (!db || dirty.size === 0) return;
        const ids = [...dirty];
        dirty.clear();
        const byId = new Map(get().items.map((item) => [item.id, item]));
        const items = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
        await writeItems(db, items);
        announce({ type: 'changed', ids });
      },

      async thumbnails(ids) {
        const missing = ids.filter((id) => !firstThumbs.has(id));
        const read = db && missing.length ? await readThumbs(db, missing) : new Map<string, Blob>();
        return new Map(ids.flatMap((id) => {
          const blob = firstThumbs.get(id) ?? read.get(id);
          return blob ? [[id, blob] as const] : [];
        }));
      },
      media: async (id) => (db ? readMedia(db, id) : undefined),
      source: async (id) => (db ? readSource(db, id) : undefined),
    };
  });

  channel?.addEventListener('message', (event: MessageEvent<Message>) => {
    const message = event.data;
    if (!db || store.getState().status !== 'ready') return;
    if (message.type === 'removed') {
      const gone = new Set(message.ids);
      store.setState({ items: store.getState().items.filter((item) => !gone.has(item.id)) });
      return;
    }
    void readItems(db, message.ids).then((fresh) => {
      let items = store.getState().items;
      fresh.forEach((item, i) => {
        if (item) items = placed(items, item);
        else items = items.filter((existing) => existing.id !== message.ids[i]);
      });
      store.setState({ items });
    });
  });

  if (typeof document !== 'undefined') {
    const flushNow = () => void store.getState().flush();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushNow();
    });
    window.addEventListener('pagehide', flushNow);
  }
  return store;
}
