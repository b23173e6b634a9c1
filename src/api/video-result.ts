/**
 * Image to video, step two: GET /api/img2video/result/:id, asked by the run queue until the job
 * is complete. `status: "retry"` and a 202 both mean the job is still running.
 */
import { videoResultResponseSchema } from './contract';
import { ApiError } from './api-error';
import { callBackend } from './call-backend';

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
