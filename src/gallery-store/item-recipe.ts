/**
 * The recipe a gallery item's file carries when the studio hands it out (download, export): its
 * kind, the request as sent, the seed and the model used, the item and the item it was made
 * from. The writer is loaded on first use, never with the page.
 */
import type { StudioRecipe } from '../picture-metadata/studio-recipe';
import type { GalleryItem } from './gallery-item';

export function itemRecipe(item: GalleryItem): StudioRecipe {
  return { kind: item.kind, request: item.request, seed: item.seed, model: item.model, itemId: item.id, sourceItemId: item.parentId } as StudioRecipe;
}

/** `media` with the item's recipe written in (unchanged when its file cannot carry one). */
export async function withItemRecipe(item: GalleryItem, media: Blob): Promise<Blob> {
  const { writePictureRecipe } = await import('../picture-metadata/write-picture-recipe');
  return writePictureRecipe(media, itemRecipe(item));
}
