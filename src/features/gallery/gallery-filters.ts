/** What the gallery shows: filters, search and order, as one pure function over the items. */
import { type GalleryItem, type GalleryKind, aspectRatioOf, promptOf, styleOf, templateOf } from '../../gallery-store/gallery-item';

export interface GalleryFilters {
  kind: GalleryKind | 'all';
  style: string;
  aspectRatio: string;
  /** A model id; '' = any model. */
  model: string;
  favouritesOnly: boolean;
  search: string;
  order: 'newest' | 'oldest';
}

export const NO_FILTERS: GalleryFilters = { kind: 'all', style: '', aspectRatio: '', model: '', favouritesOnly: false, search: '', order: 'newest' };

export function filterItems(items: readonly GalleryItem[], filters: GalleryFilters): GalleryItem[] {
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = items.filter(
    (item) =>
      (filters.kind === 'all' || item.kind === filters.kind) &&
      (!filters.style || styleOf(item) === filters.style) &&
      (!filters.aspectRatio || aspectRatioOf(item) === filters.aspectRatio) &&
      (!filters.model || item.model === filters.model) &&
      (!filters.favouritesOnly || item.favourite) &&
      (words.length === 0 || matches(searchText(item), words)),
  );
  return filters.order === 'oldest' ? shown.reverse() : shown;
}

/** The models the items were made with, each once, in the order they first appear. */
export function modelsOf(items: readonly GalleryItem[]): string[] {
  return [...new Set(items.flatMap((item) => (item.model ? [item.model] : [])))];
}

const matches = (text: string, words: string[]) => words.every((word) => text.includes(word));

/** Each item's prompt, and the template it came from, in lower case: made once per item rather than once per keystroke. */
const lowered = new WeakMap<GalleryItem, string>();
function searchText(item: GalleryItem): string {
  let text = lowered.get(item);
  if (text === undefined) {
    text = `${promptOf(item)}\n${templateOf(item) ?? ''}`.toLowerCase();
    lowered.set(item, text);
  }
  return text;
}

export function isFiltered(filters: GalleryFilters): boolean {
  return filters.kind !== 'all' || Boolean(filters.style || filters.aspectRatio || filters.model || filters.search) || filters.favouritesOnly;
}
