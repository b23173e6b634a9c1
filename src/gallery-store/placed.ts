/** Newest-first order of gallery items. */
import type { GalleryItem } from './gallery-item';

/** Inserts or replaces `item` keeping newest-first order. */
export function placed(items: GalleryItem[], item: GalleryItem): GalleryItem[] {
  const rest = items.filter((existing) => existing.id !== item.id);
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rest[mid].createdAt > item.createdAt) low = mid + 1;
    else high = mid;
  }
  return [...rest.slice(0, low), item, ...rest.slice(low)];
}
