/**
 * What the run queue tells the views, in whichever tab drives it: whether this tab drives it,
 * whether the browser is offline, which backends are paused and until when, and how long recent
 * runs took on each backend (for estimates). Durations are remembered across reloads.
 */
import { create } from 'zustand';
import { STORAGE_KEYS } from '../lib/storage-keys';
import { persist } from 'zustand/middleware';

export type PauseReason = 'rate-limited' | 'unreachable';

export interface BackendPause {
  until: number;
  reason: PauseReason;
}

/** How many recent run durations each backend keeps for its estimate. */
const KEPT_DURATIONS = 20;

export interface QueueStatus {
  /** True in the tab that sends runs; other tabs follow it. */
  leading: boolean;
  offline: boolean;
  /** Paused backends, by base URL ('' = this server). */
  pauses: Record<string, BackendPause>;
  /** Recent run times in ms, newest last, by base URL. */
  durations: Record<string, number[]>;
  recordDuration(backend: string, ms: number): void;
}

export const useQueueStatus = create<QueueStatus>()(
  persist(
    (set) => ({
      leading: false,
      offline: false,
      pauses: {},
      durations: {},
      recordDuration: (backend, ms) =>
        set((state) => ({ durations: { ...state.durations, [backend]: [...(state.durations[backend] ?? []), Math.round(ms)].slice(-KEPT_DURATIONS) } })),
    }),
    {
      name: STORAGE_KEYS.queueTimes,
      version: 1,
      partialize: ({ durations }) => ({ durations }),
      merge: (persisted, current) => ({ ...current, durations: validDurations((persisted as { durations?: unknown } | undefined)?.durations) }),
    },
  ),
);

function validDurations(value: unknown): Record<string, number[]> {
  if (!value || typeof value !== 'object') return {};
  const entries = Object.entries(value as Record<string, unknown>).flatMap(([backend, times]) =>
    Array.isArray(times) && backend.length < 300
      ? [[backend, times.filter((time): time is number => typeof time === 'number' && Number.isFinite(time) && time >= 0).slice(-KEPT_DURATIONS)] as const]
      : [],
  );
  return Object.fromEntries(entries.slice(0, 20));
}

/** The median of a backend's recent run times, or undefined before its first run. */
export function medianDuration(durations: readonly number[] | undefined): number | undefined {
  if (!durations?.length) return undefined;
  const sorted = [...durations].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
