/**
 * Keeps every finished run's media, right after its answer: a failed download is tried again with
 * backoff and at once when the browser comes back online; only a file the backend no longer has
 * ends as a problem on the item.
 */
import { backoffMs } from './run-outcome';

export interface MediaKeeperOptions {
  /** Downloads and stores one item's media; rejects when it could not. */
  keep(id: string): Promise<void>;
  /** True for a failure that trying again cannot fix. */
  isFinal(error: unknown): boolean;
  giveUp(id: string, error: unknown): void;
  random?: () => number;
}

export interface MediaKeeper {
  keep(id: string): void;
  /** Tries every waiting download now (back online). */
  retryNow(): void;
  dispose(): void;
}

export function createMediaKeeper(options: MediaKeeperOptions): MediaKeeper {
  const busy = new Set<string>();
  const waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; failures: number }>();
  let disposed = false;

  async function attempt(id: string, failures: number) {
    if (busy.has(id) || disposed) return;
    busy.add(id);
    try {
      await options.keep(id);
      waiting.delete(id);
    } catch (error) {
      if (disposed) return;
      if (options.isFinal(error)) {
        waiting.delete(id);
        options.giveUp(id, error);
        return;
      }
      const next = failures + 1;
      const timer = setTimeout(() => void attempt(id, next), Math.max(1000, backoffMs(Math.min(next, 6), options.random)));
      waiting.set(id, { timer, failures: next });
    } finally {
      busy.delete(id);
    }
  }

  return {
    keep(id) {
      if (!waiting.has(id)) void attempt(id, 0);
    },
    retryNow() {
      for (const [id, { timer, failures }] of waiting) {
        clearTimeout(timer);
        void attempt(id, failures);
      }
    },
    dispose() {
      disposed = true;
      for (const { timer } of waiting.values()) clearTimeout(timer);
      waiting.clear();
    },
  };
}
