/**
 * The address to show an item's full media from: this browser's copy when it has one, else its
 * remote URL. A view already showing the remote file keeps it until the local copy is ready, so
 * storing the media never blanks a picture or a playing video.
 */
import { useRef } from 'react';
import { useBlobUrl } from '../lib/use-blob-url';
import type { GalleryItem } from './gallery-item';
import { galleryStore } from './use-gallery';

const readMedia = (id: string) => galleryStore.getState().media(id);

export function useMediaUrl(item: GalleryItem): string | undefined {
  const local = useBlobUrl(item.mediaStored ? item.id : undefined, readMedia);
  /** The item whose remote file this view is already showing. */
  const showingRemote = useRef<string>(undefined);
  if (local) return local.url;
  if (item.mediaStored && showingRemote.current !== item.id) return undefined;
  if (item.remoteUrl) showingRemote.current = item.id;
  return item.remoteUrl;
}
