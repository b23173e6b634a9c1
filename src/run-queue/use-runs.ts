/** The runs a creation page shows: every one still queued or running, then the newest finished. */
import { useMemo } from 'react';
import { type GalleryItem, type GalleryKind, isActive } from '../gallery-store/gallery-item';
import { useGallery } from '../gallery-store/use-gallery';

/** Finished results a page shows beside its runs; the gallery has them all. */
export const RECENT_RESULTS = 12;

export function useRuns<K extends GalleryKind>(kind: K): Array<Extract<GalleryItem, { kind: K }>> {
  const items = useGallery((s) => s.items);
  return useMemo(() => {
    let finished = 0;
    return items.filter((item): item is Extract<GalleryItem, { kind: K }> => item.kind === kind && (isActive(item) || finished++ < RECENT_RESULTS));
  }, [items, kind]);
}
