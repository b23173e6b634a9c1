import { describe, expect, it } from 'vitest';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { filterItems, isFiltered, modelsOf, NO_FILTERS } from './gallery-filters';

const item = (id: string, model?: string) =>
  ({
    id,
    kind: 'image',
    status: 'ready',
    backend: '',
    model,
    seed: 1,
    createdAt: 1,
    favourite: false,
    mediaStored: false,
    request: { video_description: id, negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: 1 },
  }) as GalleryItem;

const items = [item('a', 'a1111:dreamshaper_8'), item('b', 'local:preview'), item('c'), item('d', 'a1111:dreamshaper_8')];

describe('the gallery by model', () => {
  it('lists each model once, in the order it first appears', () => {
    expect(modelsOf(items)).toEqual(['a1111:dreamshaper_8', 'local:preview']);
  });

  it('shows only the items a model made, and everything with any model', () => {
    expect(filterItems(items, { ...NO_FILTERS, model: 'a1111:dreamshaper_8' }).map((i) => i.id)).toEqual(['a', 'd']);
    expect(filterItems(items, NO_FILTERS)).toHaveLength(4);
    expect(isFiltered({ ...NO_FILTERS, model: 'local:preview' })).toBe(true);
  });
});
