import { describe, expect, it } from 'vitest';
import { restoreItem } from './restore-item';

const stored = {
  id: 'a',
  kind: 'image',
  status: 'ready',
  backend: '',
  seed: 5,
  createdAt: 1,
  favourite: false,
  mediaStored: true,
  request: { video_description: 'a fox', negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: 5, model: 'a1111:dreamshaper_8' },
};

describe('items read back from storage', () => {
  it('keep the model that made them, and the model asked for', () => {
    expect(restoreItem({ ...stored, model: 'a1111:dreamshaper_8' })).toEqual({ ...stored, model: 'a1111:dreamshaper_8' });
  });

  it.each([
    ['markup', '<img src=x onerror=alert(1)>'],
    ['an overlong id', `a1111:${'x'.repeat(400)}`],
    ['control characters', 'a1111:x\u0007'],
    ['a number', 7],
  ])('keep the item but not a model that is %s', (_name, model) => {
    const item = restoreItem({ ...stored, model });
    expect(item).toEqual(stored);
    expect(item).not.toHaveProperty('model');
  });
});
