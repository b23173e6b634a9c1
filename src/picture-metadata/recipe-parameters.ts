/**
 * The AUTOMATIC1111-style `parameters` text the studio writes beside its own recipe, so other
 * tools show a studio picture's settings: the prompt, a `Negative prompt:` line, then the seed,
 * size, aspect ratio, style, strength and model as `key: value` pairs.
 */
import type { PixelSize } from '../api/contract';
import { formatParametersText } from './parameters-text';
import type { StudioRecipe } from './studio-recipe';

export const GENERATOR = 'AiArt Studio';

export function recipeParametersText(recipe: StudioRecipe, size?: PixelSize): string {
  const settings: Array<[string, string | number]> = [['Seed', recipe.seed]];
  if (recipe.kind === 'video') {
    settings.push(['CFG scale', recipe.request.cfg_scale], ['Motion bucket', recipe.request.motion_bucket_id]);
  } else {
    if (size) settings.push(['Size', `${size.width}x${size.height}`]);
    settings.push(['Aspect ratio', recipe.request.aspect_ratio]);
    if (recipe.request.style_preset) settings.push(['Style', recipe.request.style_preset]);
    if (recipe.kind === 'transform') settings.push(['Denoising strength', recipe.request.strength]);
  }
  if (recipe.model) settings.push(['Model', recipe.model]);
  settings.push(['Generator', GENERATOR]);
  const prompt = recipe.kind === 'video' ? '' : recipe.kind === 'image' ? recipe.request.video_description : recipe.request.prompt;
  return formatParametersText(prompt, recipe.kind === 'video' ? '' : recipe.request.negative_prompt, settings);
}
