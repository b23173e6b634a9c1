/**
 * What a failed attempt means for its run: wait for the backend (rate limit, offline, down), try
 * the run again after a backoff, or give up with the reason. Pure, so the rules are tested alone.
 */
import { ApiError } from '../api/api-error';

/** A run is given up after this many attempts that failed on the server's side. */
export const MAX_ATTEMPTS = 5;
/** When a 429 names no Retry-After. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 15_000;
/** Resume a little after Retry-After, so the first request lands in the new window. */
export const RATE_LIMIT_MARGIN_MS = 250;
/** A backend busy with another video (409) is asked again after this long. */
export const BUSY_WAIT_MS = 10_000;

export type AttemptOutcome =
  | { type: 'cancelled' }
  /** The backend's whole queue waits; the run keeps its place and its attempt is not counted. */
  | { type: 'rate-limited'; waitMs: number }
  | { type: 'offline' }
  /** The backend did not answer although the browser is online: the backend waits, the attempt counts. */
  | { type: 'unreachable'; message: string }
  | { type: 'busy'; message: string }
  /** The server failed this time: the run backs off, the attempt counts. */
  | { type: 'retry'; message: string }
  | { type: 'failed'; message: string };

export function attemptOutcome(error: unknown, online: boolean, aborted: boolean): AttemptOutcome {
  if (aborted) return { type: 'cancelled' };
  if (!(error instanceof ApiError)) return { type: 'failed', message: error instanceof Error ? error.message : 'Something went wrong while sending this run.' };
  if (error.kind === 'aborted') return { type: 'cancelled' };
  if (error.kind === 'network') return online ? { type: 'unreachable', message: error.message } : { type: 'offline' };
  if (error.status === 429) return { type: 'rate-limited', waitMs: (error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS) + RATE_LIMIT_MARGIN_MS };
  if (error.status === 409) return { type: 'busy', message: error.message };
  return error.isTransient ? { type: 'retry', message: error.message } : { type: 'failed', message: error.message };
}

/** Exponential backoff with jitter: about 1, 2, 4, 8 s after the first four attempts, at most 30 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function gaveUp(attempts: number, message: string): string {
  return `Gave up after ${attempts} attempts. The last one failed: ${message}`;
}
