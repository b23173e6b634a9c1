/**
 * One tab leads the run queue at a time: the one holding a Web Lock. The others wait in line for
 * it, so when the leading tab closes the next one takes over. Without Web Locks, every tab leads.
 */
import { STORAGE_KEYS } from '../lib/storage-keys';

export const QUEUE_LOCK = STORAGE_KEYS.queueLock;

/** Calls `lead` once this tab holds the lock; the returned function gives it up. */
export function awaitLeadership(lead: () => void, lockName = QUEUE_LOCK): () => void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    lead();
    return () => undefined;
  }
  const controller = new AbortController();
  let release: (() => void) | undefined;
  locks
    .request(lockName, { signal: controller.signal }, () => {
      lead();
      return new Promise<void>((resolve) => (release = resolve));
    })
    .catch(() => undefined);
  return () => {
    controller.abort();
    release?.();
  };
}
