/**
 * Image to video, step two: GET /api/img2video/result/:id, polled until the job is complete.
 * `status: "retry"` and transient failures (5xx, 429, network loss, even past the retries) keep
 * polling; a 4xx or a finished job stops it.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { videoResultResponseSchema } from './contract';
import { ApiError } from './api-error';
import { callBackend } from './call-backend';
import { apiKeys } from './query-keys';
import { retryDelay, shouldRetry } from './retry-policy';

export const DEFAULT_POLL_INTERVAL_MS = 5000;

export type VideoProgress =
  | { status: 'running' }
  | { status: 'complete'; videoUrl: string; finishReason: string; seed: number };

/** The result's video_url is relative to the backend; only http(s) addresses are accepted. */
export function resolveVideoUrl(baseUrl: string, videoUrl: string, origin = globalThis.location?.origin): string {
  const url = new URL(videoUrl, baseUrl || origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiError('malformed', "The server's video address is not an http(s) URL.");
  }
  return url.href;
}

export async function fetchVideoResult(baseUrl: string, id: string, signal?: AbortSignal): Promise<VideoProgress> {
  const { data } = await callBackend({
    baseUrl,
    path: `/api/img2video/result/${encodeURIComponent(id)}`,
    schema: videoResultResponseSchema,
    signal,
  });
  if (data.status !== 'complete') return { status: 'running' };
  const seed = Number(data.seed);
  return {
    status: 'complete',
    videoUrl: resolveVideoUrl(baseUrl, data.video_url),
    finishReason: data.finish_reason,
    seed: Number.isFinite(seed) ? seed : 0,
  };
}

export const videoResultQueryOptions = (baseUrl: string, id: string, intervalMs = DEFAULT_POLL_INTERVAL_MS) =>
  queryOptions({
    queryKey: apiKeys.videoResult(baseUrl, id),
    queryFn: ({ signal }) => fetchVideoResult(baseUrl, id, signal),
    refetchInterval: (query) => {
      if (query.state.data?.status === 'complete') return false;
      const { error } = query.state;
      return error && !(error instanceof ApiError && error.isTransient) ? false : intervalMs;
    },
    refetchIntervalInBackground: true,
    retry: shouldRetry,
    retryDelay,
    staleTime: 0,
  });

export const useVideoResult = (baseUrl: string, id: string, intervalMs?: number) =>
  useQuery(videoResultQueryOptions(baseUrl, id, intervalMs));
