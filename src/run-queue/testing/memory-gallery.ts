/** Test doubles for the run queue: an in-memory gallery, queued runs and a queue status store. */
import { create } from 'zustand';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { placed } from '../../gallery-store/placed';
import type { QueueStatus } from '../queue-status';

/** An in-memory gallery the queue can drive, as the real store does. */
export function memoryGallery(initial: GalleryItem[] = []) {
  let items = initial;
  const listeners = new Set<() => void>();
  const sources = new Map<string, Blob>();
  return {
    get: (id: string) => items.find((item) => item.id === id)!,
    all: () => items,
    add(item: GalleryItem, source?: Blob) {
      items = placed(items, item);
      if (source) sources.set(item.id, source);
      listeners.forEach((listener) => listener());
    },
    port: {
      items: () => items,
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      patch(id: string, patch: Partial<GalleryItem>) {
        items = items.map((item) => (item.id === id ? ({ ...item, ...patch } as GalleryItem) : item));
        listeners.forEach((listener) => listener());
      },
      source: async (id: string) => sources.get(id),
    },
  };
}

/** A queued text-to-image run created at `createdAt`. */
export const queuedRun = (id: string, createdAt: number, extra: Partial<GalleryItem> = {}): GalleryItem =>
  ({
    id,
    kind: 'image',
    status: 'queued',
    backend: '',
    seed: createdAt,
    createdAt,
    favourite: false,
    mediaStored: false,
    request: { video_description: id, negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: createdAt },
    ...extra,
  }) as GalleryItem;

export const statusStore = () =>
  create<QueueStatus>()((set) => ({
    leading: false,
    offline: false,
    pauses: {},
    durations: {},
    recordDuration: (backend, ms) => set((s) => ({ durations: { ...s.durations, [backend]: [...(s.durations[backend] ?? []), ms] } })),
  }));

