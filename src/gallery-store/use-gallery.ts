/** The studio's gallery store, as a React hook; it starts loading on first import in a browser. */
import { useStore } from 'zustand';
import { createGalleryStore, type GalleryState } from './gallery-store';

export const galleryStore = createGalleryStore();

export function useGallery<T>(selector: (state: GalleryState) => T): T {
  return useStore(galleryStore, selector);
}
