/**
 * An engine's access token (its AIART_ACCESS_TOKEN), per backend address: asked for once when
 * the engine needs one, however many calls are waiting; kept in localStorage; sent as a bearer
 * token with that backend's API calls only. It is never logged or shown.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { STORAGE_KEYS } from '../lib/storage-keys';

/** The token the engine checks is one line of printable characters; longer is not a token. */
const MAX_TOKEN_LENGTH = 4096;
export const isTokenShaped = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_TOKEN_LENGTH && /^[\x21-\x7e]+$/.test(value);

interface AccessTokenState {
  /** By backend address ('' = this server). */
  tokens: Record<string, string>;
  /** The backend the studio is asking a token for, and whether the last one was refused. */
  asking?: { baseUrl: string; wrong: boolean };
}

export const useAccessTokens = create<AccessTokenState>()(
  persist(() => ({ tokens: {} }) as AccessTokenState, {
    name: STORAGE_KEYS.accessTokens,
    version: 1,
    partialize: ({ tokens }) => ({ tokens }),
    merge: (saved, current) => {
      const tokens = ((saved ?? {}) as { tokens?: unknown }).tokens;
      const kept = Object.entries(tokens && typeof tokens === 'object' ? tokens : {}).filter(([address, token]) => address.length <= 2048 && isTokenShaped(token));
      return { ...current, tokens: Object.fromEntries(kept) };
    },
  }),
);

export const accessTokenFor = (baseUrl: string): string | undefined => useAccessTokens.getState().tokens[baseUrl];

/** The one open question: every call waiting for a token waits on it. */
let waiting: { baseUrl: string; promise: Promise<void>; resolve(): void; reject(reason: Error): void } | undefined;

function forget(baseUrl: string): void {
  const { [baseUrl]: _forgotten, ...tokens } = useAccessTokens.getState().tokens;
  useAccessTokens.setState({ tokens });
}

/**
 * Asks for `baseUrl`'s token, forgetting a refused one; resolves once a token is given, and
 * rejects when the person declines.
 */
export function askForAccessToken(baseUrl: string, wrong: boolean): Promise<void> {
  if (wrong) forget(baseUrl);
  const { asking } = useAccessTokens.getState();
  if (waiting && asking?.baseUrl === baseUrl) {
    if (wrong && !asking.wrong) useAccessTokens.setState({ asking: { baseUrl, wrong } });
    return waiting.promise;
  }
  let settle!: Pick<NonNullable<typeof waiting>, 'resolve' | 'reject'>;
  const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // A question for another backend still open is answered "no": one dialog at a time.
  waiting?.reject(new Error('The studio asked for another backend\u2019s token instead.'));
  waiting = { baseUrl, promise, ...settle };
  useAccessTokens.setState({ asking: { baseUrl, wrong } });
  return promise;
}

/** Keeps the token for the backend being asked about, and lets the waiting calls go on. */
export function giveAccessToken(token: string): void {
  const { asking, tokens } = useAccessTokens.getState();
  if (!asking || !isTokenShaped(token)) return;
  useAccessTokens.setState({ tokens: { ...tokens, [asking.baseUrl]: token }, asking: undefined });
  waiting?.resolve();
  waiting = undefined;
}

export function declineAccessToken(): void {
  useAccessTokens.setState({ asking: undefined });
  waiting?.reject(new Error('No access token was given.'));
  waiting = undefined;
}
