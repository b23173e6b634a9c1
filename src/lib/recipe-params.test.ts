import { describe, expect, it } from 'vitest';
import { readRecipe, recipeLink, recipeSearch } from './recipe-params';

describe('recipes', () => {
  it('round-trips every text-to-image parameter', () => {
    const request = { video_description: 'a fox & a hound?', negative_prompt: 'blur', style_preset: 'anime' as const, aspect_ratio: '9:16' as const, output_format: 'webp' as const, seed: 42 };
    expect(readRecipe('image', recipeSearch('image', request))).toEqual(request);
  });

  it('round-trips image-to-image and image-to-video parameters', () => {
    const transform = { prompt: 'as ink', negative_prompt: '', strength: 0.35, style_preset: 'line-art' as const, aspect_ratio: '1:1' as const, output_format: 'png' as const, seed: 9 };
    expect(readRecipe('transform', recipeSearch('transform', transform))).toEqual(transform);
    const video = { seed: 3, cfg_scale: 2.5, motion_bucket_id: 200 };
    expect(readRecipe('video', recipeSearch('video', video))).toEqual(video);
  });

  it('carries the model, and refuses a recipe whose model is not a model id', () => {
    const request = { video_description: 'x', negative_prompt: '', aspect_ratio: '1:1' as const, output_format: 'png' as const, seed: 4, model: 'a1111:dreamshaper_8.safetensors [879db523c3]' };
    expect(recipeSearch('image', request)).toContain('model=a1111%3Adreamshaper_8.safetensors+%5B879db523c3%5D');
    expect(readRecipe('image', recipeSearch('image', request))).toEqual(request);
    expect(readRecipe('video', '?motion=100&model=local%3Apreview')).toMatchObject({ model: 'local:preview' });
    expect(readRecipe('image', '?prompt=x&model=%3Cscript%3E')).toBeUndefined();
    expect(readRecipe('transform', `?prompt=x&model=local:${'x'.repeat(400)}`)).toBeUndefined();
  });

  it('links to the right page, with the source picture when there is one', () => {
    expect(recipeLink('video', { seed: 3, cfg_scale: 1.5, motion_bucket_id: 127 }, { itemId: 'item 1', use: 'item' })).toBe('/animate?motion=127&cfg=1.5&seed=3&from=item%201');
    expect(recipeLink('transform', { prompt: 'y', seed: 2 }, { itemId: 'r1', use: 'source' })).toBe('/transform?prompt=y&seed=2&source-of=r1');
    expect(recipeLink('image', { video_description: 'x', seed: 1 })).toBe('/?prompt=x&seed=1');
  });

  it.each([
    ['no prompt', '?style=anime'],
    ['an unknown style', '?prompt=x&style=evil'],
    ['a bad seed', '?prompt=x&seed=-4'],
    ['an empty prompt', '?prompt=%20'],
  ])('ignores a text-to-image recipe with %s', (_, search) => {
    expect(readRecipe('image', search)).toBeUndefined();
  });

  it.each([
    ['transform', '?prompt=x&strength=2'],
    ['transform', '?prompt=x&ratio=2:1'],
    ['video', '?motion=0'],
    ['video', '?motion=100&cfg=11'],
    ['video', '?cfg=2'],
  ] as const)('ignores a %s recipe out of range: %s', (kind, search) => {
    expect(readRecipe(kind, search)).toBeUndefined();
  });
});
