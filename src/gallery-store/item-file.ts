/** A gallery item's picture as a File, to use as the source of a Transform or an Animate. */
import { itemFileName, itemMedia } from './download-item';
import type { GalleryItem } from './gallery-item';
import { galleryStore } from './use-gallery';

export function isPicture(item: GalleryItem): boolean {
  return item.kind !== 'video' && item.status === 'ready' && (item.mediaStored || Boolean(item.remoteUrl));
}

export async function galleryItemFile(id: string): Promise<File> {
  const item = galleryStore.getState().items.find((existing) => existing.id === id);
  if (!item) throw new Error('That gallery item no longer exists.');
  if (!isPicture(item)) throw new Error(item.kind === 'video' ? 'A video cannot be used here: pick a picture.' : 'That gallery item has no picture yet.');
  const media = await itemMedia(item).catch((error: Error) => {
    throw new Error(`This picture cannot be used: ${error.message}.`);
  });
  return new File([media], itemFileName(item, media.type), { type: media.type });
}
