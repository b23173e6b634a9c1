import { describe, expect, it } from 'vitest';
import { CREATE_FORM_DEFAULTS, restoreCreateForm } from './create-form-store';

describe('restoreCreateForm', () => {
  it('restores saved values', () => {
    const saved = { prompt: 'a fox', negativePrompt: 'blur', stylePreset: 'anime', aspectRatio: '1:1', outputFormat: 'webp', seed: { seed: 5, locked: true }, batchSize: 3, showAdvanced: true, model: 'a1111:dreamshaper_8.safetensors [879db523c3]' };
    expect(restoreCreateForm(saved)).toEqual(saved);
  });

  it.each([null, 'junk', 42, [], { prompt: 7, stylePreset: 'evil', aspectRatio: '2:1', outputFormat: 'gif', batchSize: 9, seed: { seed: -1 }, model: 'no colon' }, { model: `local:${'x'.repeat(400)}` }, { model: 'local:pre\u0000view' }, { model: 42 }])(
    'falls back to defaults for hostile or broken storage: %j',
    (saved) => {
      const restored = restoreCreateForm(saved);
      expect(restored).toMatchObject({ ...CREATE_FORM_DEFAULTS, seed: { locked: false } });
      expect(restored.seed.seed).toBeGreaterThan(0);
    },
  );
});
