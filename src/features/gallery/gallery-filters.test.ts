import { describe, expect, it } from 'vitest';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { filterItems, NO_FILTERS } from './gallery-filters';

function picture(id: string, prompt: string, template?: string): GalleryItem {
  return {
    id,
    kind: 'image',
    status: 'ready',
    backend: '',
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
