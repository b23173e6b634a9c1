/**
 * Pictures from the gallery as Files, to use as the source of a Transform or an Animate: an
 * item's own picture, or the picture it was made from. Both wait for the gallery to be loaded,
 * so an address opened in a new tab finds its item.
 */
import { itemFileName, itemMedia } from './download-item';
import type { GalleryItem } from './gallery-item';
import { galleryStore } from './use-gallery';

export function isPicture(item: GalleryItem): boolean {
  return item.kind !== 'video' && item.status === 'ready' && (item.mediaStored || Boolean(item.remoteUrl));
}

async function savedItem(id: string): Promise<GalleryItem> {
  const settled = (status: string) => status === 'ready' || status === 'failed';
  void galleryStore.getState().load();
  if (!settled(galleryStore.getState().status)) {
    await new Promise<void>((resolve) => {
      const unsubscribe = galleryStore.subscribe((state) => {
        if (!settled(state.status)) return;
        unsubscribe();
        resolve();
      });
    });
  }
  const item = galleryStore.getState().items.find((existing) => existing.id === id);
  if (!item) throw new Error('That gallery item no longer exists.');
  return item;
}

export async function galleryItemFile(id: string): Promise<File> {
  const item = await savedItem(id);
  if (!isPicture(item)) throw new Error(item.kind === 'video' ? 'A video cannot be used here: pick a picture.' : 'That gallery item has no picture yet.');
  const media = await itemMedia(item).catch((error: Error) => {
    throw new Error(`This picture cannot be used: ${error.message}.`);
  });
  return new File([media], itemFileName(item, media.type), { type: media.type });
}

/** The picture `id` was made from, when it came from a file and this browser keeps it. */
export async function itemSourceFile(id: string): Promise<File> {
  const item = await savedItem(id);
  const source = item.sourceStored ? await galleryStore.getState().source(id) : undefined;
  if (!source) throw new Error('The picture this item was made from is not kept in this browser.');
  return new File([source], `source-of-${itemFileName(item, source.type)}`, { type: source.type });
}
