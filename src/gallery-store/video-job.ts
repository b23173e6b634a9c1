/**
 * A video job lives in the gallery from the moment it starts: a pending item holding its job id.
 * Its polling resumes wherever the studio is open, after a reload or a browser restart, and its
 * outcome is written back to the item: the finished MP4 kept in IndexedDB, or why it failed.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, errorMessage } from '../api/api-error';
import { useBackendStore } from '../api/backend';
import { videoResultQueryOptions } from '../api/video-result';
import type { GalleryItem } from './gallery-item';
import { keepMedia } from './save-result';
import { galleryStore } from './use-gallery';

export type VideoItem = Extract<GalleryItem, { kind: 'video' }>;

export const STOPPED_WAITING = 'You stopped waiting for this video. Its job may still finish on the server: check again to look.';
export const CONTENT_FILTERED = 'The service filtered this video for its content.';
const JOB_UNKNOWN = 'The backend no longer knows this job: it was lost in a restart or has expired.';
const JOB_FAILED = 'The service could not make this video.';

export const isWaiting = (item: VideoItem) => item.status === 'pending' && Boolean(item.jobId);

/** The job's progress from the API layer's poll; every view of one job shares the one query. */
export function useVideoJobQuery(item: VideoItem) {
  const pollSeconds = useBackendStore((s) => s.pollSeconds);
  return useQuery({ ...videoResultQueryOptions(item.backend, item.jobId ?? '', pollSeconds * 1000), enabled: isWaiting(item) });
}

/** Writes the job's outcome into its gallery item. Mounted once per waiting job, by the app. */
export function useRecordVideoJob(item: VideoItem): void {
  const { data, error } = useVideoJobQuery(item);
  const waiting = isWaiting(item);
  useEffect(() => {
    if (!waiting) return;
    const { patch } = galleryStore.getState();
    if (data?.status === 'complete') {
      if (data.finishReason === 'ERROR') {
        patch(item.id, { status: 'failed', finishReason: data.finishReason, problem: JOB_FAILED });
        return;
      }
      patch(item.id, {
        status: 'ready',
        remoteUrl: data.videoUrl,
        seed: data.seed || item.seed,
        finishReason: data.finishReason,
        problem: data.finishReason === 'CONTENT_FILTERED' ? CONTENT_FILTERED : undefined,
      });
      void keepMedia(item.id);
    } else if (error && !(error instanceof ApiError && error.isTransient)) {
      const unknown = error instanceof ApiError && error.status === 404;
      patch(item.id, { status: 'failed', problem: unknown ? JOB_UNKNOWN : errorMessage(error, JOB_FAILED) });
    }
  }, [waiting, data, error, item.id, item.seed]);
}

export function stopWaiting(id: string): void {
  galleryStore.getState().patch(id, { status: 'failed', problem: STOPPED_WAITING });
}

export function checkAgain(id: string): void {
  galleryStore.getState().patch(id, { status: 'pending', problem: undefined });
}
