/**
 * Object URLs for the thumbnails of the cells on screen: made when a cell appears (one IndexedDB
 * read for the whole batch) and revoked when it leaves, so memory stays flat while scrolling.
 */
import { useEffect, useRef, useState } from 'react';
import { galleryStore } from './use-gallery';

export function useThumbnailUrls(ids: readonly string[]): ReadonlyMap<string, string> {
  const urls = useRef(new Map<string, string>());
  const [, rerender] = useState(0);
  const key = ids.join('|');

  useEffect(() => {
    const wanted = new Set(key ? key.split('|') : []);
    for (const [id, url] of urls.current) {
      if (!wanted.has(id)) {
        URL.revokeObjectURL(url);
        urls.current.delete(id);
      }
    }
    const missing = [...wanted].filter((id) => !urls.current.has(id));
    if (missing.length === 0) return;
    let live = true;
    void galleryStore
      .getState()
      .thumbnails(missing)
      .then((blobs) => {
        if (!live) return;
        for (const [id, blob] of blobs) urls.current.set(id, URL.createObjectURL(blob));
        rerender((n) => n + 1);
      });
    return () => {
      live = false;
    };
  }, [key]);

  useEffect(() => {
    const owned = urls.current;
    return () => {
      for (const url of owned.values()) URL.revokeObjectURL(url);
      owned.clear();
    };
  }, []);
  return urls.current;
}
