import { describe, expect, it } from 'vitest';
import { restoreTransformForm, TRANSFORM_FORM_DEFAULTS } from './transform-form-store';

describe('restoreTransformForm', () => {
  it('restores saved values', () => {
    const saved = { prompt: 'as a watercolour', negativePrompt: 'text', strength: 0.35, stylePreset: 'origami', aspectRatio: '9:16', outputFormat: 'jpg', seed: { seed: 9, locked: true }, showAdvanced: true, model: 'local:preview' };
    expect(restoreTransformForm(saved)).toEqual(saved);
  });

  it.each([undefined, 'junk', { strength: 7, aspectRatio: '1:2', stylePreset: '<b>', seed: { seed: 1.5 } }, { strength: Number.NaN }, { model: '<img src=x onerror=alert(1)>' }])(
    'falls back to defaults for hostile or broken storage: %j',
    (saved) => {
      expect(restoreTransformForm(saved)).toMatchObject({ ...TRANSFORM_FORM_DEFAULTS, seed: { locked: false } });
    },
  );
});
