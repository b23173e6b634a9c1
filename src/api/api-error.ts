/** The one error type the API layer throws: what went wrong, in words a creator can act on. */

export type ApiErrorKind =
  /** The server answered with an error status. */
  | 'http'
  /** The request never got an answer: offline, refused, blocked. */
  | 'network'
  | 'timeout'
  | 'aborted'
  /** The server answered, but not with what the contract promises. */
  | 'malformed'
  /** The hosted service's stock image in place of a result: a failed generation. */
  | 'placeholder';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** From a Retry-After header, when the server sent one. */
    readonly retryAfterMs?: number,
    /** The answer's `error_type`, such as `access_token` or `backend_credentials`. */
    readonly type?: string,
  ) {
    super(message);
  }

  /** Worth trying again by itself: the server was busy or briefly broken, not the request. */
  get isTransient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout' || this.kind === 'placeholder') return true;
    return this.kind === 'http' && (this.status === 429 || (this.status ?? 0) >= 500);
  }
}

/** Reads Retry-After as seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
