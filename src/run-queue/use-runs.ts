/**
 * The runs a creation page shows: this session's, and every one still queued or running (a run
 * resumed after a reload stays on the page once it finishes). The gallery has them all.
 */
import { useMemo } from 'react';
import { type GalleryItem, type GalleryKind, isActive } from '../gallery-store/gallery-item';
import { useGallery } from '../gallery-store/use-gallery';

/** At most this many cards on a page; older ones are in the gallery. */
export const MAX_PAGE_RUNS = 100;

const sessionStart = Date.now();
/** Runs seen unfinished in this session, resumed ones included. */
const seenActive = new Set<string>();

export function useRuns<K extends GalleryKind>(kind: K): Array<Extract<GalleryItem, { kind: K }>> {
  const items = useGallery((s) => s.items);
  return useMemo(() => {
    const runs: Array<Extract<GalleryItem, { kind: K }>> = [];
    for (const item of items) {
      if (item.kind !== kind) continue;
      if (isActive(item)) seenActive.add(item.id);
      if (item.createdAt >= sessionStart || seenActive.has(item.id)) runs.push(item as Extract<GalleryItem, { kind: K }>);
      if (runs.length === MAX_PAGE_RUNS) break;
    }
    return runs;
  }, [items, kind]);
}
