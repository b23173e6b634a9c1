/**
 * The address to show an item's full media from: this browser's copy when it has one, else its
 * remote URL. A view already showing the remote file keeps it until the local copy is ready, so
 * storing the media never blanks a picture or a playing video.
 */
import { useEffect, useRef, useState } from 'react';
import type { GalleryItem } from './gallery-item';
import { galleryStore } from './use-gallery';

export function useMediaUrl(item: GalleryItem): string | undefined {
  const [local, setLocal] = useState<{ id: string; url: string }>();
  /** The item whose remote file this view is already showing. */
  const showingRemote = useRef<string>(undefined);
  useEffect(() => {
    if (!item.mediaStored) return;
    let url: string | undefined;
    let live = true;
    void galleryStore.getState().media(item.id).then((blob) => {
      if (!live || !blob) return;
      url = URL.createObjectURL(blob);
      setLocal({ id: item.id, url });
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [item.id, item.mediaStored]);
  if (local?.id === item.id && item.mediaStored) return local.url;
  if (item.mediaStored && showingRemote.current !== item.id) return undefined;
  if (item.remoteUrl) showingRemote.current = item.id;
  return item.remoteUrl;
}
