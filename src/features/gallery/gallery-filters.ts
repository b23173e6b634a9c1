/** What the gallery shows: filters, search and order, as one pure function over the items. */
import { type GalleryItem, type GalleryKind, aspectRatioOf, promptOf, styleOf } from '../../gallery-store/gallery-item';

export interface GalleryFilters {
  kind: GalleryKind | 'all';
  style: string;
  aspectRatio: string;
  favouritesOnly: boolean;
  search: string;
  order: 'newest' | 'oldest';
}

export const NO_FILTERS: GalleryFilters = { kind: 'all', style: '', aspectRatio: '', favouritesOnly: false, search: '', order: 'newest' };

export function filterItems(items: readonly GalleryItem[], filters: GalleryFilters): GalleryItem[] {
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = items.filter(
    (item) =>
      (filters.kind === 'all' || item.kind === filters.kind) &&
      (!filters.style || styleOf(item) === filters.style) &&
      (!filters.aspectRatio || aspectRatioOf(item) === filters.aspectRatio) &&
      (!filters.favouritesOnly || item.favourite) &&
      (words.length === 0 || matches(promptOf(item).toLowerCase(), words)),
  );
  return filters.order === 'oldest' ? shown.reverse() : shown;
}

const matches = (text: string, words: string[]) => words.every((word) => text.includes(word));

export function isFiltered(filters: GalleryFilters): boolean {
  return filters.kind !== 'all' || Boolean(filters.style || filters.aspectRatio || filters.search) || filters.favouritesOnly;
}
