/**
 * Keeping a result's media in this browser: its file is fetched from the backend that made it
 * (checked by fetchBackendMedia: that backend only, pictures and videos by their bytes, a capped
 * size), given a thumbnail and stored with the item.
 */
import { fetchBackendMedia, MediaFetchError } from './fetch-backend-media';
import { STORAGE_FULL } from './gallery-messages';
import { galleryStore } from './use-gallery';
import { imageThumbnail, videoThumbnail } from './thumbnail';

export const MEDIA_GONE = 'Not kept in this browser: the backend no longer has this file, or sent something else.';

export const needsMedia = (item: { status: string; remoteUrl?: string; mediaStored: boolean; problem?: string }) =>
  item.status === 'ready' && Boolean(item.remoteUrl) && !item.mediaStored && item.problem !== STORAGE_FULL && item.problem !== MEDIA_GONE;

/** True for a failure that asking again will not fix. */
export const isMediaGone = (error: unknown) => error instanceof MediaFetchError && !error.retryable;

/** Downloads and stores one item's media; throws when it could not (see isMediaGone). */
export async function keepMedia(id: string): Promise<void> {
  const item = galleryStore.getState().items.find((existing) => existing.id === id);
  if (!item || !needsMedia(item)) return;
  const media = await fetchBackendMedia(item);
  const { thumb, width, height } = await (item.kind === 'video' ? videoThumbnail(media) : imageThumbnail(media));
  galleryStore.getState().patch(id, { width, height, mediaType: media.type });
  await galleryStore.getState().storeMedia(id, media, thumb);
}
