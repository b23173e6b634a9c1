/**
 * Maps settings read from a picture onto the studio's requests, honestly: what fits is carried
 * over, what does not is chosen as near as the contract allows and said so in a note, and what
 * the studio cannot send (model, sampler, steps, CFG) is reported, never sent. Every request is
 * rebuilt through the contract's schemas.
 */
import { generateRequestSchema, imageToImageFieldsSchema, MAX_PROMPT_LENGTH, MAX_SEED, type OutputFormat, type PixelSize, type StylePreset } from '../api/contract';
import { type ForeignSource, type FoundSettings, SOURCE_NAMES } from './found-settings';
import type { Container } from './metadata-text';
import { nearestAspectRatio, presetForStyle, seedChoice } from './nearest-choices';
import type { PictureSettings, PictureSettingsRefusal, RecipeField } from './picture-settings-result';
import type { StudioRecipe } from './studio-recipe';

const FORMATS: Partial<Record<Container, OutputFormat>> = { png: 'png', jpeg: 'jpg', webp: 'webp' };
const count = (n: number) => n.toLocaleString('en');

function cut(text: string, what: string, notes: string[]): string {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_PROMPT_LENGTH) return trimmed;
  notes.push(`The ${what} is ${count(trimmed.length)} characters; the studio sends at most ${count(MAX_PROMPT_LENGTH)}, so it was cut.`);
  return trimmed.slice(0, MAX_PROMPT_LENGTH);
}

function seedFrom(found: FoundSettings, notes: string[], fields: RecipeField[]): number {
  if (found.seed === undefined) return 0;
  const choice = seedChoice(found.seed);
  if (choice.kept) fields.push('seed');
  else if (choice.why === 'random') notes.push(`The picture asks for a random seed (${found.seed}): the studio picks one.`);
  else notes.push(`The seed ${found.seed} is beyond the studio's range (1 to ${count(MAX_SEED)}): a random seed is used instead, as no seed in range would give the same picture.`);
  return choice.seed;
}

function aspectRatioFrom(found: FoundSettings, fileSize: PixelSize | undefined, notes: string[], fields: RecipeField[]) {
  if (found.aspectRatio) {
    fields.push('aspect_ratio');
    return found.aspectRatio;
  }
  const stated = found.width && found.height ? { width: found.width, height: found.height } : undefined;
  const size = stated ?? fileSize;
  if (!size || size.width < 1 || size.height < 1) return undefined;
  const { ratio, exact } = nearestAspectRatio(size);
  fields.push('aspect_ratio');
  const pixels = `${count(size.width)}×${count(size.height)}`;
  if (!stated) notes.push(`The settings state no size; the picture itself is ${pixels}, so the aspect ratio is ${ratio}${exact ? '' : ', the nearest the studio offers'}.`);
  else if (!exact) notes.push(`The picture was made at ${pixels}; the nearest aspect ratio the studio offers is ${ratio}.`);
  return ratio;
}

function styleFrom(found: FoundSettings, notes: string[], fields: RecipeField[]): StylePreset | undefined {
  const styles = found.styles ?? [];
  const preset = styles.map(presetForStyle).find((match) => match !== undefined);
  const others = styles.filter((style) => {
    const match = presetForStyle(style);
    return !match || match !== preset;
  });
  if (preset) fields.push('style_preset');
  if (others.length) notes.push(`${others.length === 1 ? 'The style' : 'The styles'} ${others.join(', ')} ${others.length === 1 ? 'is not a studio preset' : 'are not studio presets'}: not sent.`);
  return preset;
}

function unsentNote(found: FoundSettings): string | undefined {
  const parts = [
    found.model && `model ${found.model}`,
    found.sampler && `sampler ${found.sampler}`,
    found.steps !== undefined && `${count(found.steps)} step${found.steps === 1 ? '' : 's'}`,
    found.cfgScale !== undefined && `CFG scale ${found.cfgScale}`,
  ].filter((part): part is string => Boolean(part));
  return parts.length ? `Shown, not sent (the studio's backends choose these themselves): ${parts.join(', ')}.` : undefined;
}

export function mapFoundSettings(source: ForeignSource, found: FoundSettings, container: Container, fileSize?: PixelSize): PictureSettings | PictureSettingsRefusal {
  const notes: string[] = [];
  const fields: RecipeField[] = [];
  const prompt = cut(found.prompt, 'prompt', notes);
  if (!prompt) return { ok: false, reason: 'no-prompt', message: `The ${SOURCE_NAMES[source]} settings in this file hold no prompt.`, notes };
  fields.push('prompt', 'negative_prompt');
  const negative_prompt = cut(found.negativePrompt, 'negative prompt', notes);
  const seed = seedFrom(found, notes, fields);
  const aspect_ratio = aspectRatioFrom(found, fileSize, notes, fields);
  const style_preset = styleFrom(found, notes, fields);
  const output_format = FORMATS[container];
  if (output_format) fields.push('output_format');
  const strength = found.strength === undefined ? undefined : Math.round(found.strength * 100) / 100;
  if (strength !== undefined) {
    fields.push('strength');
    notes.push(`It was made from another picture, changed with strength ${strength}: Transform uses the same strength.`);
  }
  const unsent = unsentNote(found);
  if (unsent) notes.push(unsent);
  const shared = { negative_prompt, style_preset, aspect_ratio, output_format, seed };
  const image = generateRequestSchema.safeParse({ video_description: prompt, ...shared });
  const transform = imageToImageFieldsSchema.safeParse({ prompt, ...shared, strength });
  if (!image.success || !transform.success) return { ok: false, reason: 'recipe-invalid', message: `The ${SOURCE_NAMES[source]} settings do not make a request the studio can send.`, notes };
  return {
    ok: true,
    source,
    sourceName: SOURCE_NAMES[source],
    container,
    kind: found.fromPicture ? 'transform' : 'image',
    requests: { image: image.data, transform: transform.data },
    fromPicture: fields,
    found,
    notes,
  };
}

const REQUEST_FIELDS: Record<StudioRecipe['kind'], RecipeField[]> = {
  image: ['prompt', 'negative_prompt', 'style_preset', 'aspect_ratio', 'output_format', 'seed'],
  transform: ['prompt', 'negative_prompt', 'style_preset', 'aspect_ratio', 'output_format', 'seed', 'strength'],
  video: ['seed', 'cfg_scale', 'motion_bucket_id'],
};

/** The studio's own recipe needs no mapping: the request as sent, with the seed that was used. */
export function mapStudioRecipe(recipe: StudioRecipe, container: Container): PictureSettings {
  const base = { ok: true as const, source: 'studio' as const, sourceName: 'AiArt Studio', container, kind: recipe.kind, fromPicture: REQUEST_FIELDS[recipe.kind], notes: [], itemId: recipe.itemId, sourceItemId: recipe.sourceItemId };
  if (recipe.kind === 'video') return { ...base, requests: { video: { ...recipe.request, seed: recipe.seed } }, found: { prompt: '', negativePrompt: '', seed: String(recipe.seed), model: recipe.model } };
  const { negative_prompt, style_preset, aspect_ratio, output_format } = recipe.request;
  const prompt = recipe.kind === 'image' ? recipe.request.video_description : recipe.request.prompt;
  const shared = { negative_prompt, style_preset, aspect_ratio, output_format, seed: recipe.seed };
  return {
    ...base,
    // The recipe passed these schemas already; the other kind's request takes its defaults from them.
    requests: {
      image: generateRequestSchema.parse({ video_description: prompt, ...shared }),
      transform: imageToImageFieldsSchema.parse({ prompt, ...shared, strength: recipe.kind === 'transform' ? recipe.request.strength : undefined }),
    },
    found: { prompt, negativePrompt: negative_prompt, seed: String(recipe.seed), model: recipe.model, styles: style_preset ? [style_preset] : undefined, fromPicture: recipe.kind === 'transform' },
  };
}
