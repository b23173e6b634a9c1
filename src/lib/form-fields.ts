/**
 * What the studio's forms share: restoring saved values (untrusted: each falls back to its
 * default), filling them from a recipe, and the checks on prompt and seed before anything is sent.
 */
import { type GenerateRequest, MAX_PROMPT_LENGTH, MAX_SEED } from '../api/contract';
import { randomSeed } from './random-seed';

export interface SeedValue {
  seed: number;
  locked: boolean;
}

export const asRecord = (saved: unknown): Record<string, unknown> => (saved && typeof saved === 'object' ? saved : {}) as Record<string, unknown>;

export const restoreText = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 2 * MAX_PROMPT_LENGTH) : '');

export const restoreChoice = <T,>(values: readonly T[], value: unknown, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);

export function restoreNumber(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

const isValidSeed = (seed: number) => Number.isInteger(seed) && seed >= 1 && seed <= MAX_SEED;

export function restoreSeed(value: unknown): SeedValue {
  const saved = asRecord(value);
  const seed = Number(saved.seed);
  return { seed: isValidSeed(seed) ? seed : randomSeed(), locked: saved.locked === true };
}

/** A recipe's seed in a form: locked to it when the recipe names one, else the form's own. */
export const recipeSeed = (seed: number | undefined, current: SeedValue): SeedValue => (seed ? { seed, locked: true } : current);

type PictureRecipe = Pick<GenerateRequest, 'negative_prompt' | 'style_preset' | 'aspect_ratio' | 'output_format' | 'seed'>;

/** The picture options a Create or Transform form takes from a recipe; the advanced fold opens for a negative prompt. */
export function pictureRecipeValues(recipe: PictureRecipe, current: { seed: SeedValue; showAdvanced: boolean }) {
  return {
    negativePrompt: recipe.negative_prompt,
    stylePreset: recipe.style_preset ?? ('' as const),
    aspectRatio: recipe.aspect_ratio,
    outputFormat: recipe.output_format,
    seed: recipeSeed(recipe.seed, current.seed),
    showAdvanced: Boolean(recipe.negative_prompt) || current.showAdvanced,
  };
}

/** What is wrong with a prompt (or a negative prompt), in words; undefined when it is fine. */
export function promptProblem(prompt: string, negativePrompt: string, what = 'picture'): string | undefined {
  if (!prompt.trim()) return `Write a prompt first: describe the ${what} you want.`;
  if (prompt.length > MAX_PROMPT_LENGTH) return `The prompt is too long: at most ${MAX_PROMPT_LENGTH.toLocaleString('en')} characters.`;
  if (negativePrompt.length > MAX_PROMPT_LENGTH) return 'The negative prompt is too long.';
  return undefined;
}

export function seedProblem(value: SeedValue): string | undefined {
  return value.locked && !isValidSeed(value.seed) ? `The seed must be a whole number from 1 to ${MAX_SEED.toLocaleString('en')}.` : undefined;
}
