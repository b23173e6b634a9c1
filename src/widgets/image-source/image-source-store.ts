/**
 * The picture a page works from: checked before it is accepted, previewed, and replaced or
 * cleared. One store per page, so Transform and Animate each keep their own, and each finds its
 * picture again after a reload.
 */
import { create } from 'zustand';
import { galleryItemFile, itemSourceFile } from '../../gallery-store/item-file';
import type { PictureRef } from '../../lib/app-paths';
import { type CheckedImage, checkImageFile, formatBytes } from '../../lib/image-file-check';
import { keepSource, readKeptSource } from './kept-source';

export interface SourceImage extends CheckedImage {
  name: string;
  previewUrl: string;
  /** The gallery item it came from, to record as the result's parent. */
  galleryId?: string;
}

export interface ImageSourceState {
  image?: SourceImage;
  error?: string;
  checking: boolean;
  fromFiles(files: File[], galleryId?: string): Promise<void>;
  fromGallery(id: string): Promise<void>;
  /** Takes a gallery item's picture, or the picture it was made from. */
  fromPictureRef(ref: PictureRef): Promise<void>;
  clear(): void;
}

export function describeSource(image: SourceImage): string {
  return `${image.width}×${image.height} · ${formatBytes(image.bytes)}`;
}

/** `page` names the record that keeps the picture across reloads. */
export function createImageSourceStore(page: string) {
  let latest = 0;
  return create<ImageSourceState>()((set, get) => {
    const replace = (image: SourceImage | undefined, error?: string) => {
      const old = get().image;
      if (old && old !== image) URL.revokeObjectURL(old.previewUrl);
      set({ image, error, checking: false });
    };

    /** Checks and takes the first file; `keep` stores it for the next visit. */
    async function accept(files: File[], galleryId: string | undefined, keep: boolean) {
      const ticket = ++latest;
      set({ checking: true, error: undefined });
      const [file] = files;
      const check = await checkImageFile(file);
      if (ticket !== latest) return;
      if (!check.ok) {
        set({ checking: false, error: check.message });
        return;
      }
      const note = files.length > 1 ? `Only one image is used at a time: “${file.name}”.` : undefined;
      replace({ ...check.image, name: file.name, previewUrl: URL.createObjectURL(check.image.file), galleryId }, note);
      if (keep) void keepSource(page, { file: check.image.file, name: file.name, galleryId });
    }

    // The kept picture comes back, checked again like any file, unless one is chosen meanwhile.
    void readKeptSource(page).then((kept) => {
      if (kept && latest === 0) void accept([new File([kept.file], kept.name, { type: kept.file.type })], kept.galleryId, false);
    });

    return {
      checking: false,

      fromFiles: (files, galleryId) => accept(files, galleryId, true),

      fromGallery: (id) => get().fromPictureRef({ itemId: id, use: 'item' }),

      async fromPictureRef({ itemId, use }) {
        const ticket = ++latest;
        set({ checking: true, error: undefined });
        try {
          const file = await (use === 'item' ? galleryItemFile(itemId) : itemSourceFile(itemId));
          if (ticket === latest) await accept([file], use === 'item' ? itemId : undefined, true);
        } catch (error) {
          if (ticket === latest) set({ checking: false, error: error instanceof Error ? error.message : String(error) });
        }
      },

      clear() {
        latest++;
        replace(undefined);
        void keepSource(page, undefined);
      },
    };
  });

}

export type ImageSourceStore = ReturnType<typeof createImageSourceStore>;
