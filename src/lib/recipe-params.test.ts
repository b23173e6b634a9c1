import { expect, it } from 'vitest';
import { readRecipe, recipeSearch } from './recipe-params';

it('round-trips every text-to-image parameter', () => {
  const request = { video_description: 'a fox & a hound?', negative_prompt: 'blur', style_preset: 'anime' as const, aspect_ratio: '9:16' as const, output_format: 'webp' as const, seed: 42 };
  expect(readRecipe(recipeSearch(request))).toEqual(request);
});

it.each([
  ['no prompt', '?style=anime'],
  ['an unknown style', '?prompt=x&style=evil'],
  ['a bad seed', '?prompt=x&seed=-4'],
  ['an empty prompt', '?prompt=%20'],
])('ignores a recipe with %s', (_, search) => {
  expect(readRecipe(search)).toBeUndefined();
});
