/**
 * The one entry point for writing a recipe into a file the studio hands out (a download, a
 * bulk download, an export): PNG text chunks, JPEG EXIF and XMP, WebP EXIF and XMP, MP4 iTunes
 * metadata. Load it with import(). A file whose structure is not what its type promises is
 * handed out unchanged: the recipe is a bonus, never a reason to fail a download.
 */
import { sniffContainer } from './sniff-container';
import type { Container } from './metadata-text';
import { writeJpegRecipe } from './jpeg-recipe-writer';
import { writeMp4Recipe } from './mp4-recipe-writer';
import { writePngRecipe } from './png-recipe-writer';
import type { StudioRecipe } from './studio-recipe';
import { writeWebpRecipe } from './webp-recipe-writer';

export type { StudioRecipe } from './studio-recipe';

const WRITERS: Record<Container, (media: Blob, recipe: StudioRecipe) => Promise<Blob | undefined>> = {
  png: writePngRecipe,
  jpeg: writeJpegRecipe,
  webp: writeWebpRecipe,
  mp4: writeMp4Recipe,
};

/** `media` with `recipe` written in, or `media` itself when it cannot carry one. */
export async function writePictureRecipe(media: Blob, recipe: StudioRecipe): Promise<Blob> {
  try {
    const container = sniffContainer(new Uint8Array(await media.slice(0, 16).arrayBuffer()));
    return (container && (await WRITERS[container](media, recipe))) || media;
  } catch {
    return media;
  }
}
