/**
 * Downloads an item's media under a readable name, with its recipe written into the file: this
 * browser's copy first, else the one on the backend that made it (fetched under that backend's
 * rules only; see fetch-backend-media.ts).
 */
import { type GalleryItem, promptOf } from './gallery-item';
import { fileNameFor, saveBlob } from '../lib/download-file';
import { fetchBackendMedia } from './fetch-backend-media';
import { withItemRecipe } from './item-recipe';
import { galleryStore } from './use-gallery';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'video/mp4': 'mp4' };

export function extensionOf(item: GalleryItem, mediaType = item.mediaType): string {
  return EXTENSIONS[mediaType ?? ''] ?? (item.kind === 'video' ? 'mp4' : item.request.output_format);
}

export function itemFileName(item: GalleryItem, mediaType?: string): string {
  return fileNameFor(promptOf(item) || item.kind, item.seed, extensionOf(item, mediaType));
}

/** Resolves with the item's media; throws with a message when no copy is left anywhere. */
export async function itemMedia(item: GalleryItem): Promise<Blob> {
  const local = item.mediaStored ? await galleryStore.getState().media(item.id) : undefined;
  if (local) return local;
  if (!item.remoteUrl) throw new Error('no copy of this file is available');
  return fetchBackendMedia(item).catch((error: Error) => {
    throw new Error(`it is not kept in this browser, and ${error.message}`);
  });
}

export async function downloadItem(item: GalleryItem): Promise<void> {
  const media = await itemMedia(item);
  saveBlob(await withItemRecipe(item, media), itemFileName(item, media.type));
}
