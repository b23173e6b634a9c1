/**
 * Settings read from a picture, as a picture form's values (Create, Transform): only the fields
 * the picture set, so the form keeps its own values for the rest. A seed the studio can send is
 * locked; one it cannot (random, or out of range) unlocks the form's seed, so a run draws anew.
 */
import type { AspectRatio, GenerateRequest, ImageToImageFields, OutputFormat, StylePreset } from '../../api/contract';
import type { SeedValue } from '../../lib/form-fields';
import type { PictureSettings, RecipeField } from '../../picture-metadata/picture-settings-result';

export interface RecalledPictureValues {
  prompt: string;
  negativePrompt?: string;
  stylePreset?: StylePreset | '';
  aspectRatio?: AspectRatio;
  outputFormat?: OutputFormat;
  seed?: SeedValue;
  showAdvanced?: boolean;
}

/** The form's seed after recall, or undefined when the picture states none. */
export function recalledSeed(settings: PictureSettings, seed: number, current: SeedValue): SeedValue | undefined {
  if (settings.fromPicture.includes('seed') && seed > 0) return { seed, locked: true };
  return settings.found.seed === undefined ? undefined : { seed: current.seed, locked: false };
}

export function recalledPictureValues(settings: PictureSettings, request: GenerateRequest | ImageToImageFields, current: { seed: SeedValue; showAdvanced: boolean }): RecalledPictureValues {
  const has = (field: RecipeField) => settings.fromPicture.includes(field);
  const values: RecalledPictureValues = { prompt: 'video_description' in request ? request.video_description : request.prompt };
  if (has('negative_prompt')) values.negativePrompt = request.negative_prompt;
  if (has('style_preset')) values.stylePreset = request.style_preset ?? '';
  if (has('aspect_ratio')) values.aspectRatio = request.aspect_ratio;
  if (has('output_format')) values.outputFormat = request.output_format;
  const seed = recalledSeed(settings, request.seed, current.seed);
  if (seed) values.seed = seed;
  // The negative prompt and the seed sit in the folded options: open them when they changed.
  if (!current.showAdvanced && (values.negativePrompt || seed?.locked)) values.showAdvanced = true;
  return values;
}
