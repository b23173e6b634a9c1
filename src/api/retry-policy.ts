/**
 * When to try a failed request again: only transient failures (429, 5xx, network, timeout),
 * never a 4xx the user must fix; 429 waits as long as Retry-After says, within a cap.
 */
import { ApiError } from './api-error';

export const MAX_RETRIES = 3;
export const MAX_RETRY_AFTER_MS = 60_000;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.isTransient) return false;
  if (error.retryAfterMs !== undefined && error.retryAfterMs > MAX_RETRY_AFTER_MS) return false;
  return failureCount < MAX_RETRIES;
}

/** Exponential backoff with full jitter, or the server's Retry-After when it gave one. */
export function retryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  if (error instanceof ApiError && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(30_000, 1000 * 2 ** failureCount);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
