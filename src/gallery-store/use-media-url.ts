/** The address to show an item's full media from: this browser's copy when it has one, else its remote URL. */
import { useEffect, useState } from 'react';
import type { GalleryItem } from './gallery-item';
import { galleryStore } from './use-gallery';

export function useMediaUrl(item: GalleryItem): string | undefined {
  const [localUrl, setLocalUrl] = useState<string>();
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    setLocalUrl(undefined);
    if (item.mediaStored) {
      void galleryStore.getState().media(item.id).then((blob) => {
        if (!live || !blob) return;
        url = URL.createObjectURL(blob);
        setLocalUrl(url);
      });
    }
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [item.id, item.mediaStored]);
  return localUrl ?? (item.mediaStored ? undefined : item.remoteUrl);
}
