/**
 * Saving a result: its metadata is in the gallery at once, and its media is downloaded into
 * IndexedDB with a thumbnail after the page has painted it, so saving never delays the picture.
 */
import type { GalleryItem } from './gallery-item';
import { galleryStore } from './use-gallery';
import { imageThumbnail, videoThumbnail } from './thumbnail';

const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

/** Saves a new result; `uploadedSource` is the file it was made from when that is not a gallery item. */
export function saveResult(item: GalleryItem, uploadedSource?: Blob): void {
  galleryStore.getState().upsert(item);
  if (uploadedSource) void galleryStore.getState().storeSource(item.id, uploadedSource);
}

/** Downloads the item's media (usually straight from the HTTP cache) and keeps it. */
export async function keepMedia(id: string): Promise<void> {
  const item = galleryStore.getState().items.find((existing) => existing.id === id);
  if (!item?.remoteUrl || item.mediaStored) return;
  await afterPaint();
  try {
    const response = await fetch(item.remoteUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const media = await response.blob();
    const { thumb, width, height } = await (item.kind === 'video' ? videoThumbnail(media) : imageThumbnail(media));
    galleryStore.getState().patch(id, { width, height, mediaType: media.type });
    await galleryStore.getState().storeMedia(id, media, thumb);
  } catch (error) {
    galleryStore.getState().patch(id, {
      problem: `Not kept in this browser yet: the download failed (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
}

/**
 * Finishes downloads a closed page left undone: every finished result this browser does not
 * keep yet is fetched again, newest first, a few at a time. Failures stay on the item.
 */
export async function keepMissingMedia(parallel = 3): Promise<void> {
  const { items } = galleryStore.getState();
  const missing = items.filter((item) => item.status === 'ready' && item.remoteUrl && !item.mediaStored && !item.problem).map((item) => item.id);
  const next = async (): Promise<void> => {
    const id = missing.shift();
    if (!id) return;
    await keepMedia(id);
    await next();
  };
  await Promise.all(Array.from({ length: parallel }, next));
}
