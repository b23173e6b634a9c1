/**
 * The page that can use a picture's settings when the current one cannot (Animate for a studio
 * video's, Create for a picture's), as a recipe link carrying only the fields the picture set.
 */
import { recipeLink } from '../../lib/recipe-params';
import type { PictureSettings } from '../../picture-metadata/picture-settings-result';

export interface RecallLink {
  page: 'Create' | 'Animate';
  href: string;
}

/** The fields of `request` the picture set; `prompt` is named `as` in this request. */
function fromPicture<R extends object>(settings: PictureSettings, request: R, promptField?: keyof R): Partial<R> {
  const fields = settings.fromPicture.map((field) => (field === 'prompt' && promptField ? promptField : field));
  return Object.fromEntries(fields.filter((field) => field in request).map((field) => [field, request[field as keyof R]])) as Partial<R>;
}

export function recallLink(settings: PictureSettings): RecallLink | undefined {
  const { image, video } = settings.requests;
  if (video) return { page: 'Animate', href: recipeLink('video', fromPicture(settings, video)) };
  if (image) return { page: 'Create', href: recipeLink('image', fromPicture(settings, image, 'video_description')) };
  return undefined;
}
