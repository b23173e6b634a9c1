/**
 * The studio's own recipe, written into every picture and video it hands out, version 1:
 *
 *   { "format": "aiart-recipe", "version": 1, "kind": "image" | "transform" | "video",
 *     "seed": <the seed used>, "request": { every field of the kind's request },
 *     "model"?: <the model, when the backend named one>, "itemId"?: <the gallery item>,
 *     "sourceItemId"?: <the gallery item it was made from> }
 *
 * Read back through the contract's schemas, so a hand-edited recipe yields only valid requests.
 */
import * as z from 'zod/mini';
import { type GenerateRequest, type ImageToImageFields, type ImageToVideoFields, MAX_MODEL_ID_LENGTH, MAX_SEED, REQUEST_SCHEMAS } from '../api/contract';
import { ITEM_ID_PATTERN } from '../lib/item-id';
import { failed, jsonObject } from './settings-values';
import type { FormatReader } from './found-settings';

export const RECIPE_FORMAT = 'aiart-recipe';
export const RECIPE_VERSION = 1;
/** The PNG keyword, and the name the other containers' readers give the same text. */
export const RECIPE_KEY = 'aiart-recipe';

interface RecipeBase {
  seed: number;
  model?: string;
  itemId?: string;
  sourceItemId?: string;
}

export type StudioRecipe =
  | (RecipeBase & { kind: 'image'; request: GenerateRequest })
  | (RecipeBase & { kind: 'transform'; request: ImageToImageFields })
  | (RecipeBase & { kind: 'video'; request: ImageToVideoFields });

export function recipeJson(recipe: StudioRecipe): string {
  const { kind, seed, request, model, itemId, sourceItemId } = recipe;
  return JSON.stringify({ format: RECIPE_FORMAT, version: RECIPE_VERSION, kind, seed, request, model, itemId, sourceItemId });
}

const itemId = z.optional(z.string().check(z.regex(ITEM_ID_PATTERN)));
const envelopeSchema = z.object({
  format: z.literal(RECIPE_FORMAT),
  version: z.number(),
  kind: z.enum(['image', 'transform', 'video']),
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SEED)),
  request: z.record(z.string(), z.unknown()),
  model: z.optional(z.string().check(z.maxLength(MAX_MODEL_ID_LENGTH))),
  itemId,
  sourceItemId: itemId,
});

export const readStudioRecipe: FormatReader = (texts) => {
  const text = texts.get(RECIPE_KEY);
  if (text === undefined) return undefined;
  const json = jsonObject(text, 'studio recipe');
  if (!json.ok) return failed(json.problem);
  const version = json.value.version;
  if (json.value.format === RECIPE_FORMAT && version !== RECIPE_VERSION) {
    return failed({ reason: 'unsupported-version', message: `The studio recipe is version ${String(version).slice(0, 12)}; this studio reads version ${RECIPE_VERSION}.` });
  }
  const envelope = envelopeSchema.safeParse(json.value);
  const request = envelope.success ? REQUEST_SCHEMAS[envelope.data.kind].safeParse(envelope.data.request) : undefined;
  if (!envelope.success || !request?.success) return failed({ reason: 'recipe-invalid', message: 'The studio recipe holds settings the studio does not accept: it was not used.' });
  const { kind, seed, model, itemId: item, sourceItemId } = envelope.data;
  return { ok: true, source: 'studio', recipe: { kind, seed, request: request.data, model, itemId: item, sourceItemId } as StudioRecipe };
};
