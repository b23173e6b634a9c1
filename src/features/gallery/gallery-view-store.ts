/** The gallery's view state for this session: filters and selection survive opening an item. */
import { create } from 'zustand';
import { type GalleryFilters, NO_FILTERS } from './gallery-filters';

interface GalleryViewState {
  filters: GalleryFilters;
  selecting: boolean;
  selected: ReadonlySet<string>;
  setFilters(patch: Partial<GalleryFilters>): void;
  setSelecting(selecting: boolean): void;
  toggleSelected(id: string): void;
  selectOnly(ids: Iterable<string>): void;
}

export const useGalleryView = create<GalleryViewState>()((set) => ({
  filters: NO_FILTERS,
  selecting: false,
  selected: new Set(),
  setFilters: (patch) => set((state) => ({ filters: { ...state.filters, ...patch } })),
  setSelecting: (selecting) => set({ selecting, selected: new Set() }),
  toggleSelected: (id) =>
    set((state) => {
      const selected = new Set(state.selected);
      if (!selected.delete(id)) selected.add(id);
      return { selected };
    }),
  selectOnly: (ids) => set({ selected: new Set(ids) }),
}));
