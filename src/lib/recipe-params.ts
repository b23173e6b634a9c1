/**
 * Recipes in a page's query string: every parameter of a request, so a link (or Remix from the
 * gallery or a shared gallery) opens Create, Transform or Animate with the form filled in, and
 * Transform or Animate with the source picture too when this gallery has it, and the model that
 * made it (the page checks it against the engine's list). Read back through the contract's own
 * validation, so a hand-edited link can only produce valid values.
 */
import {
  generateRequestSchema,
  type GenerateRequest,
  type ImageToImageFields,
  imageToImageFieldsSchema,
  type ImageToVideoFields,
  imageToVideoFieldsSchema,
  MAX_PROMPT_LENGTH,
} from '../api/contract';
import { APP_PATHS, type PictureRef, pictureParam } from './app-paths';

interface Recipes {
  image: GenerateRequest;
  transform: ImageToImageFields;
  video: ImageToVideoFields;
}
export type RecipeKind = keyof Recipes;

const RECIPES = {
  image: {
    path: APP_PATHS.create,
    schema: generateRequestSchema,
    marker: 'prompt',
    fields: [['video_description', 'prompt'], ['negative_prompt', 'negative'], ['style_preset', 'style'], ['aspect_ratio', 'ratio'], ['output_format', 'format'], ['seed', 'seed'], ['model', 'model']],
  },
  transform: {
    path: APP_PATHS.transform,
    schema: imageToImageFieldsSchema,
    marker: 'prompt',
    fields: [['prompt', 'prompt'], ['negative_prompt', 'negative'], ['strength', 'strength'], ['style_preset', 'style'], ['aspect_ratio', 'ratio'], ['output_format', 'format'], ['seed', 'seed'], ['model', 'model']],
  },
  video: {
    path: APP_PATHS.animate,
    schema: imageToVideoFieldsSchema,
    marker: 'motion',
    fields: [['motion_bucket_id', 'motion'], ['cfg_scale', 'cfg'], ['seed', 'seed'], ['model', 'model']],
  },
} as const;

export function recipeSearch<K extends RecipeKind>(kind: K, request: Partial<Recipes[K]>): string {
  const params = new URLSearchParams();
  for (const [field, name] of RECIPES[kind].fields) {
    const value = (request as Record<string, unknown>)[field];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return `?${params.toString()}`;
}

/** The page address that opens a recipe, with its source picture when given. */
export function recipeLink<K extends RecipeKind>(kind: K, request: Partial<Recipes[K]>, picture?: PictureRef): string {
  const search = recipeSearch(kind, request);
  return `${RECIPES[kind].path}${search}${picture ? `&${pictureParam(picture)}` : ''}`;
}

/** The recipe in `search`, or undefined when there is none or it is not valid. */
export function readRecipe<K extends RecipeKind>(kind: K, search: string): Recipes[K] | undefined {
  const { marker, fields, schema } = RECIPES[kind];
  const params = new URLSearchParams(search);
  if (!params.has(marker)) return undefined;
  const raw: Record<string, string> = {};
  for (const [field, name] of fields) {
    const value = params.get(name);
    if (value !== null) raw[field] = value.slice(0, 2 * MAX_PROMPT_LENGTH);
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? (parsed.data as Recipes[K]) : undefined;
}
