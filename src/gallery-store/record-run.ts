/** Mirrors a Create or Transform run into its gallery item: pending, then ready with its URL, or failed. */
import { useEffect } from 'react';
import { errorMessage } from '../api/api-error';
import type { GeneratedImage } from '../api/image-result';
import { galleryStore } from './use-gallery';

export const RUN_FAILED = 'Something went wrong while generating.';

interface RunProgress {
  data?: GeneratedImage;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
}

export function useRecordRun(id: string, { data, isError, isFetching, error }: RunProgress): void {
  useEffect(() => {
    const { patch } = galleryStore.getState();
    if (data) patch(id, { status: 'ready', remoteUrl: data.imageUrl, seed: data.seed, problem: undefined });
    else if (isError && !isFetching) patch(id, { status: 'failed', problem: errorMessage(error, RUN_FAILED) });
    else if (isFetching) patch(id, { status: 'pending', problem: undefined });
  }, [id, data, isError, isFetching, error]);
}
