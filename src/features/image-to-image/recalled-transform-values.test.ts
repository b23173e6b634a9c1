import { describe, expect, it } from 'vitest';
import { sampleSettings, studioSettings } from '../../test/picture-settings-fixtures';
import { recalledTransformValues } from './recalled-transform-values';
import { TRANSFORM_FORM_DEFAULTS, type TransformFormValues } from './transform-form-store';

const current: TransformFormValues = { ...TRANSFORM_FORM_DEFAULTS, strength: 0.3, seed: { seed: 12, locked: false } };

describe('Transform takes a picture\u2019s settings', () => {
  it('from ComfyUI\u2019s image-to-image graph: the prompts and its denoise as strength', async () => {
    expect(recalledTransformValues(await sampleSettings('comfyui-img2img.png'), current)).toEqual({
      prompt: 'photograph of victorian woman with wings, sky clouds, meadow grass',
      negativePrompt: 'watermark, text',
      aspectRatio: '1:1',
      outputFormat: 'png',
      strength: 0.87,
      seed: { seed: 12, locked: false },
      showAdvanced: true,
    });
  });

  it('keeps the form\u2019s strength when the picture was made from text', async () => {
    const values = recalledTransformValues(await sampleSettings('invokeai-metadata.png'), current);
    expect(values).not.toHaveProperty('strength');
    expect(values).toMatchObject({ prompt: 'digital artwork, oil painting. painterly brushstrokes, holidays,', seed: { seed: 3293022630, locked: true } });
  });

  it('from the studio\u2019s own transform recipe: strength and seed as sent', async () => {
    const settings = await studioSettings('studio-engine.png', {
      kind: 'transform',
      seed: 31,
      request: { prompt: 'a harbour at night', negative_prompt: 'people', strength: 0.4, aspect_ratio: '16:9', output_format: 'png', seed: 31 },
    });
    expect(recalledTransformValues(settings, current)).toMatchObject({ prompt: 'a harbour at night', negativePrompt: 'people', strength: 0.4, aspectRatio: '16:9', seed: { seed: 31, locked: true } });
  });

  it('has no use for a video\u2019s settings', async () => {
    const settings = await studioSettings('studio-engine.mp4', { kind: 'video', seed: 9, request: { seed: 9, cfg_scale: 2, motion_bucket_id: 200 } });
    expect(recalledTransformValues(settings, current)).toBeUndefined();
  });
});
