/**
 * Each Create or Transform run is one query keyed by its own id: it fires once, retries only
 * transient failures, keeps its result for the session, and never refetches by itself.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiKeys } from './query-keys';
import { retryDelay, shouldRetry } from './retry-policy';

export const runQueryOptions = <T,>(runId: string, send: (signal: AbortSignal) => Promise<T>) =>
  queryOptions({
    queryKey: apiKeys.run(runId),
    queryFn: ({ signal }) => send(signal),
    retry: shouldRetry,
    retryDelay,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
  });
