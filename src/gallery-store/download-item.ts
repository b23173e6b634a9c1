/** Downloads an item's media under a readable name: this browser's copy first, else the backend's. */
import { type GalleryItem, promptOf } from './gallery-item';
import { fileNameFor, saveBlob } from '../lib/download-file';
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
  const response = await fetch(item.remoteUrl).catch(() => undefined);
  if (!response?.ok) throw new Error('it is no longer kept in this browser or on its backend');
  return response.blob();
}

export async function downloadItem(item: GalleryItem): Promise<void> {
  const media = await itemMedia(item);
  saveBlob(media, itemFileName(item, media.type));
}
