/**
 * The one owner of saved results and runs: zustand holds every item's metadata for the views,
 * with the actions that change it. Saving is the persistence client's job (gallery-persistence):
 * each action names the items it changed, and the client writes them. Blobs (media, thumbnails,
 * the pictures runs send) go straight to their IndexedDB stores, never into state.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { STORAGE_FULL } from './gallery-messages';
import type { GalleryItem } from './gallery-item';
import { createGalleryPersistence, type GalleryPersistence, type PersistedState, type PersistenceOptions } from './gallery-persistence';
import { readMedia, readSource, readThumbs, type RemovedItem, removeItems, restoreItems, writeItems, writeMedia, writeRuns, writeSource } from './gallery-records';
import { placed } from './placed';

export interface GalleryState extends PersistedState {
  /** The last item whose media could not be stored, and why. */
  storageProblem?: { id: string; message: string };
  /** What the last delete removed, until undone or replaced. */
  lastRemoved?: RemovedItem[];
  load(): Promise<void>;
  /** Adds an item, or replaces the one with its id. */
  upsert(item: GalleryItem): void;
  patch(id: string, patch: Partial<GalleryItem>): void;
  /**
   * Adds new runs for the queue, each with the picture it sends: written to IndexedDB first, so a
   * run is never sent that a reload could lose.
   */
  enqueue(runs: Array<{ item: GalleryItem; source?: Blob }>): Promise<void>;
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
  /** The picture an item was made from or sends, if it is kept with it. */
  source(id: string): Promise<Blob | undefined>;
}

export type GalleryStoreOptions = PersistenceOptions;

const isQuotaError = (error: unknown) =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/** A gallery store with its persistence client; `dispose` stops the client. */
export function createGalleryStore(options: GalleryStoreOptions = {}): StoreApi<GalleryState> & { dispose(): void } {
  const store: StoreApi<GalleryState> = createStore<GalleryState>()((set, get) => {
    const find = (id: string) => get().items.find((existing) => existing.id === id);
    /** Sets one item, changed or not, in state; `urgent` writes it at once. */
    const put = (item: GalleryItem, change?: { urgent: boolean }) =>
      set({ items: placed(get().items, item), ...(change ? { change: { ids: [item.id], urgent: change.urgent } } : {}) });

    return {
      status: 'idle',
      items: [],
      load: () => persistence.load(),

      upsert(item) {
        const before = find(item.id);
        put(item, { urgent: !before || before.status !== item.status || before.remoteUrl !== item.remoteUrl });
      },

      patch(id, patch) {
        const item = find(id);
        if (item) get().upsert({ ...item, ...patch } as GalleryItem);
      },

      async enqueue(runs) {
        const db = await persistence.ready();
        await writeRuns(db, runs);
        let items = get().items;
        for (const { item } of runs) items = placed(items, item);
        set({ items });
        persistence.announce({ type: 'changed', ids: runs.map(({ item }) => item.id) });
      },

      async storeMedia(id, media, thumb) {
        const db = await persistence.ready();
        const item = find(id);
        if (!item) return;
        // The state says "stored" before the write starts, so a batched write in between cannot
        // put back the older version; the media transaction writes the item too.
        const stored = { ...item, mediaStored: true, bytes: media.size, mediaType: media.type || item.mediaType, problem: undefined } as GalleryItem;
        persistence.forget([id]);
        put(stored);
        try {
          await writeMedia(db, find(id) ?? stored, media, thumb);
          persistence.announce({ type: 'changed', ids: [id] });
        } catch (error) {
          const current = find(id) ?? item;
          if (!isQuotaError(error)) {
            put({ ...current, mediaStored: false } as GalleryItem, { urgent: false });
            throw error;
          }
          // Keep the item and its remote URL; say what was not stored.
          const kept = { ...current, mediaStored: false, problem: STORAGE_FULL } as GalleryItem;
          put(kept);
          set({ storageProblem: { id, message: STORAGE_FULL } });
          await writeItems(db, [kept]);
          persistence.announce({ type: 'changed', ids: [id] });
        }
      },

      async storeSource(id, source) {
        const db = await persistence.ready();
        const item = find(id);
        if (!item) return;
        put({ ...item, sourceStored: true });
        persistence.forget([id]);
        try {
          await writeSource(db, find(id) ?? { ...item, sourceStored: true }, source);
          persistence.announce({ type: 'changed', ids: [id] });
        } catch {
          // The result itself is unaffected; it only cannot show or reuse its source.
          get().patch(id, { sourceStored: false });
        }
      },

      toggleFavourite(id) {
        const item = find(id);
        if (item) get().patch(id, { favourite: !item.favourite });
      },

      async remove(ids) {
        const db = await persistence.ready();
        await persistence.flush().catch(() => undefined);
        const gone = new Set(ids);
        persistence.forget(ids);
        set({ items: get().items.filter((item) => !gone.has(item.id)) });
        const removed = await removeItems(db, ids);
        set({ lastRemoved: removed });
        persistence.announce({ type: 'removed', ids });
      },

      async undoRemove() {
        const removed = get().lastRemoved;
        if (!removed?.length) return;
        const db = await persistence.ready();
        await restoreItems(db, removed);
        let items = get().items;
        for (const { item } of removed) items = placed(items, item);
        set({ items, lastRemoved: undefined });
        persistence.announce({ type: 'changed', ids: removed.map(({ item }) => item.id) });
      },

      flush: () => persistence.flush(),

      async thumbnails(ids) {
        const missing = ids.filter((id) => !persistence.firstThumb(id));
        const db = get().status === 'ready' ? await persistence.ready() : undefined;
        const read = db && missing.length ? await readThumbs(db, missing) : new Map<string, Blob>();
        return new Map(
          ids.flatMap((id) => {
            const blob = persistence.firstThumb(id) ?? read.get(id);
            return blob ? [[id, blob] as const] : [];
          }),
        );
      },
      media: async (id) => readMedia(await persistence.ready(), id),
      source: async (id) => readSource(await persistence.ready(), id),
    };
  });
  // Actions above use it; none runs before this line.
  const persistence: GalleryPersistence = createGalleryPersistence(store, options);
  return Object.assign(store, { dispose: persistence.dispose });
}
