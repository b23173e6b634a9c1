import { describe, expect, it } from 'vitest';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { filterItems, isFiltered, modelsOf, NO_FILTERS } from './gallery-filters';

function picture(id: string, prompt: string, template?: string, model?: string): GalleryItem {
  return {
    id,
    kind: 'image',
    status: 'ready',
    backend: '',
    model,
    seed: 1,
    createdAt: 1,
    favourite: false,
    mediaStored: false,
    template,
    request: { video_description: prompt, negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: 1 },
  };
}

describe('gallery search', () => {
  const items = [picture('red', 'red car', '{red|blue} car'), picture('blue', 'blue car', '{red|blue} car'), picture('teal', 'teal van', '__colour__ van'), picture('plain', 'green bike')];
  const search = (text: string) => filterItems(items, { ...NO_FILTERS, search: text }).map((item) => item.id);

  it('finds a picture by its expanded prompt', () => {
    expect(search('teal')).toEqual(['teal']);
    expect(search('GREEN')).toEqual(['plain']);
  });

  it('finds every picture expanded from a template by the template', () => {
    expect(search('{red|blue}')).toEqual(['red', 'blue']);
    expect(search('__colour__')).toEqual(['teal']);
    expect(search('bike {red')).toEqual([]);
  });
});

describe('the gallery by model', () => {
  const items = [picture('a', 'fox', undefined, 'a1111:dreamshaper_8'), picture('b', 'owl', undefined, 'local:preview'), picture('c', 'cat'), picture('d', 'elk', undefined, 'a1111:dreamshaper_8')];

  it('lists each model once, in the order it first appears', () => {
    expect(modelsOf(items)).toEqual(['a1111:dreamshaper_8', 'local:preview']);
  });

  it('shows only the items a model made, and everything with any model', () => {
    expect(filterItems(items, { ...NO_FILTERS, model: 'a1111:dreamshaper_8' }).map((i) => i.id)).toEqual(['a', 'd']);
    expect(filterItems(items, NO_FILTERS)).toHaveLength(4);
    expect(isFiltered({ ...NO_FILTERS, model: 'local:preview' })).toBe(true);
  });
});
