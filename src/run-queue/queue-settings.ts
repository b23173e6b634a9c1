/**
 * How the run queue paces each backend, set in Settings: how many runs it sends at once to this
 * server and to the hosted service, and whether a finished run in a hidden tab notifies.
 */
import { create } from 'zustand';
import { STORAGE_KEYS } from '../lib/storage-keys';
import { persist } from 'zustand/middleware';

export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 8;
/** The local engine draws several pictures at once; the hosted service allows a few a minute. */
export const DEFAULT_LOCAL_CONCURRENCY = 3;
export const DEFAULT_HOSTED_CONCURRENCY = 1;

interface QueueSettings {
  localConcurrency: number;
  hostedConcurrency: number;
  notify: boolean;
  update(patch: Partial<Pick<QueueSettings, 'localConcurrency' | 'hostedConcurrency' | 'notify'>>): void;
}

const validConcurrency = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= MIN_CONCURRENCY && value <= MAX_CONCURRENCY ? value : fallback;

export const useQueueSettings = create<QueueSettings>()(
  persist(
    (set) => ({
      localConcurrency: DEFAULT_LOCAL_CONCURRENCY,
      hostedConcurrency: DEFAULT_HOSTED_CONCURRENCY,
      notify: false,
      update: (patch) =>
        set((state) => ({
          localConcurrency: validConcurrency(patch.localConcurrency, state.localConcurrency),
          hostedConcurrency: validConcurrency(patch.hostedConcurrency, state.hostedConcurrency),
          notify: typeof patch.notify === 'boolean' ? patch.notify : state.notify,
        })),
    }),
    {
      name: STORAGE_KEYS.queueSettings,
      version: 1,
      partialize: ({ localConcurrency, hostedConcurrency, notify }) => ({ localConcurrency, hostedConcurrency, notify }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<QueueSettings>;
        return {
          ...current,
          localConcurrency: validConcurrency(saved.localConcurrency, DEFAULT_LOCAL_CONCURRENCY),
          hostedConcurrency: validConcurrency(saved.hostedConcurrency, DEFAULT_HOSTED_CONCURRENCY),
          notify: saved.notify === true,
        };
      },
    },
  ),
);
