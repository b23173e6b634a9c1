/**
 * Keeping a result's media in this browser: its file is downloaded (usually straight from the HTTP
 * cache), checked, given a thumbnail and stored with the item. Remote addresses are hostile input:
 * only http(s), only pictures and videos, and a capped size.
 */
import { STORAGE_FULL } from './gallery-messages';
import { galleryStore } from './use-gallery';
import { imageThumbnail, videoThumbnail } from './thumbnail';

/** Larger than any picture or short video a backend makes. */
export const MAX_MEDIA_BYTES = 200 * 1024 * 1024;
export const MEDIA_GONE = 'Not kept in this browser: the backend no longer has this file.';

/** A download that will not work by trying again. */
export class MediaGoneError extends Error {}

export const needsMedia = (item: { status: string; remoteUrl?: string; mediaStored: boolean; problem?: string }) =>
  item.status === 'ready' && Boolean(item.remoteUrl) && !item.mediaStored && item.problem !== STORAGE_FULL && item.problem !== MEDIA_GONE;

async function download(remoteUrl: string, kind: 'video' | 'image'): Promise<Blob> {
  const url = new URL(remoteUrl, location.href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new MediaGoneError('not an http(s) address');
  const response = await fetch(url);
  if (response.status === 404 || response.status === 410) throw new MediaGoneError(`HTTP ${response.status}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.startsWith(kind === 'video' ? 'video/' : 'image/')) throw new MediaGoneError(`it is not ${kind === 'video' ? 'a video' : 'a picture'} (${type.slice(0, 60) || 'no type'})`);
  if (Number(response.headers.get('Content-Length') ?? 0) > MAX_MEDIA_BYTES) throw new MediaGoneError('the file is too large');
  const media = await response.blob();
  if (media.size > MAX_MEDIA_BYTES) throw new MediaGoneError('the file is too large');
  return media;
}

/** Downloads and stores one item's media; throws when it could not (MediaGoneError: for good). */
export async function keepMedia(id: string): Promise<void> {
  const item = galleryStore.getState().items.find((existing) => existing.id === id);
  if (!item || !needsMedia(item)) return;
  const media = await download(item.remoteUrl!, item.kind === 'video' ? 'video' : 'image');
  const { thumb, width, height } = await (item.kind === 'video' ? videoThumbnail(media) : imageThumbnail(media));
  galleryStore.getState().patch(id, { width, height, mediaType: media.type });
  await galleryStore.getState().storeMedia(id, media, thumb);
}
