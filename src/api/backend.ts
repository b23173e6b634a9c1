/**
 * Which AiArt backend the studio talks to: this server (the local engine, or its proxy), the
 * hosted service directly, or a custom URL. The choice persists; which backends have answered
 * this session does not, and decides whether a slow first request means "waking the server".
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { STORAGE_KEYS } from '../lib/storage-keys';

export const HOSTED_URL = 'https://aiart-zroo.onrender.com';

export type BackendChoice = 'here' | 'hosted' | 'custom';

/** How often a running video job is checked, in seconds. */
export const DEFAULT_POLL_SECONDS = 5;
export const MIN_POLL_SECONDS = 1;
export const MAX_POLL_SECONDS = 60;

interface BackendState {
  choice: BackendChoice;
  customUrl: string;
  pollSeconds: number;
  /** Base URLs that have answered at least once since the page loaded. */
  awake: Record<string, true>;
  choose(choice: BackendChoice, customUrl?: string): void;
  markAwake(baseUrl: string): void;
  setPollSeconds(seconds: number): void;
}

const validPollSeconds = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= MIN_POLL_SECONDS && value <= MAX_POLL_SECONDS;

export const useBackendStore = create<BackendState>()(
  persist(
    (set) => ({
      choice: 'here',
      customUrl: '',
      pollSeconds: DEFAULT_POLL_SECONDS,
      awake: {},
      choose: (choice, customUrl) => set((state) => ({ choice, customUrl: customUrl ?? state.customUrl })),
      setPollSeconds: (seconds) => set((state) => (validPollSeconds(seconds) ? { pollSeconds: seconds } : state)),
      markAwake: (baseUrl) => set((state) => (state.awake[baseUrl] ? state : { awake: { ...state.awake, [baseUrl]: true } })),
    }),
    {
      name: STORAGE_KEYS.backend,
      version: 1,
      partialize: ({ choice, customUrl, pollSeconds }) => ({ choice, customUrl, pollSeconds }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<BackendState>;
        const choice = saved.choice === 'hosted' || saved.choice === 'custom' ? saved.choice : 'here';
        const customUrl = typeof saved.customUrl === 'string' && isHttpUrl(saved.customUrl) ? saved.customUrl : '';
        const pollSeconds = validPollSeconds(saved.pollSeconds) ? saved.pollSeconds : DEFAULT_POLL_SECONDS;
        return { ...current, choice: choice === 'custom' && !customUrl ? 'here' : choice, customUrl, pollSeconds };
      },
    },
  ),
);

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** '' means this origin: requests then use relative paths. */
export function baseUrlOf(state: Pick<BackendState, 'choice' | 'customUrl'>): string {
  if (state.choice === 'hosted') return HOSTED_URL;
  if (state.choice === 'custom' && isHttpUrl(state.customUrl)) return new URL(state.customUrl).origin;
  return '';
}

export const useBaseUrl = (): string => useBackendStore(baseUrlOf);

/** A cold hosted backend can take a minute to wake; later requests get a shorter limit. */
export const FIRST_REQUEST_TIMEOUT_MS = 120_000;
export const REQUEST_TIMEOUT_MS = 90_000;

export function timeoutFor(baseUrl: string): number {
  return useBackendStore.getState().awake[baseUrl] ? REQUEST_TIMEOUT_MS : FIRST_REQUEST_TIMEOUT_MS;
}
