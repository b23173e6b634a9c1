/** The gallery's view state for this session: filters and selection survive opening an item. */
import { create } from 'zustand';
import { type GalleryFilters, NO_FILTERS } from './gallery-filters';

interface GalleryViewState {
  filters: GalleryFilters;
  selecting: boolean;
  selected: ReadonlySet<string>;
  /** The item last clicked in select mode: where a Shift-click range starts. */
  anchor?: string;
  setFilters(patch: Partial<GalleryFilters>): void;
  setSelecting(selecting: boolean): void;
  toggleSelected(id: string): void;
  /** Selects every id of `shown` from the anchor to `id`, both included (or toggles `id` alone with no anchor in view). */
  selectRange(shown: readonly string[], id: string): void;
  selectOnly(ids: Iterable<string>): void;
}

/** The ids of `ids` from `from` to `to`, in either direction, both included; empty when either is missing. */
export function idsBetween(ids: readonly string[], from: string, to: string): string[] {
  const start = ids.indexOf(from);
  const end = ids.indexOf(to);
  if (start < 0 || end < 0) return [];
  return ids.slice(Math.min(start, end), Math.max(start, end) + 1);
}

export const useGalleryView = create<GalleryViewState>()((set, get) => ({
  filters: NO_FILTERS,
  selecting: false,
  selected: new Set(),
  setFilters: (patch) => set((state) => ({ filters: { ...state.filters, ...patch } })),
  setSelecting: (selecting) => set({ selecting, selected: new Set(), anchor: undefined }),
  toggleSelected: (id) =>
    set((state) => {
      const selected = new Set(state.selected);
      if (!selected.delete(id)) selected.add(id);
      return { selected, anchor: id };
    }),
  selectRange: (shown, id) => {
    const { anchor } = get();
    const range = anchor ? idsBetween(shown, anchor, id) : [];
    if (range.length === 0) return get().toggleSelected(id);
    set((state) => ({ selected: new Set([...state.selected, ...range]), anchor: id }));
  },
  selectOnly: (ids) => set({ selected: new Set(ids) }),
}));
