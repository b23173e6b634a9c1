import { describe, expect, it } from 'vitest';
import { sampleSettings, studioSettings } from '../../test/picture-settings-fixtures';
import { CREATE_FORM_DEFAULTS, type CreateFormValues } from './create-form-store';
import { recalledCreateValues } from './recalled-create-values';

const current: CreateFormValues = { ...CREATE_FORM_DEFAULTS, stylePreset: 'anime', aspectRatio: '16:9', seed: { seed: 77, locked: true }, batchSize: 3 };

describe('Create takes a picture\u2019s settings', () => {
  it('from ComfyUI: prompts, nearest ratio and format; the seed out of range unlocks the form\u2019s own; the style stays', async () => {
    const values = recalledCreateValues(await sampleSettings('comfyui-img2img.png'), current);
    expect(values).toEqual({
      prompt: 'photograph of victorian woman with wings, sky clouds, meadow grass',
      negativePrompt: 'watermark, text',
      aspectRatio: '1:1',
      outputFormat: 'png',
      seed: { seed: 77, locked: false },
      showAdvanced: true,
    });
    expect({ ...current, ...values }).toMatchObject({ stylePreset: 'anime', batchSize: 3 });
  });

  it('from AUTOMATIC1111 in a JPEG: the seed locked, 512x400 as 4:3, JPG out', async () => {
    expect(recalledCreateValues(await sampleSettings('automatic1111.jpg'), { ...current, seed: { seed: 5, locked: false } })).toEqual({
      prompt: 'photo of a duck',
      negativePrompt: 'monochrome',
      aspectRatio: '4:3',
      outputFormat: 'jpg',
      seed: { seed: 235284042, locked: true },
      showAdvanced: true,
    });
  });

  it('from the studio\u2019s own recipe: every field, the style included', async () => {
    const settings = await studioSettings('studio-engine.png', {
      kind: 'image',
      seed: 4242,
      request: { video_description: 'Red kite over hills', negative_prompt: '', style_preset: 'pixel-art', aspect_ratio: '9:16', output_format: 'webp', seed: 0 },
    });
    expect(recalledCreateValues(settings, { ...current, showAdvanced: true })).toEqual({
      prompt: 'Red kite over hills',
      negativePrompt: '',
      stylePreset: 'pixel-art',
      aspectRatio: '9:16',
      outputFormat: 'webp',
      seed: { seed: 4242, locked: true },
    });
  });

  it('has no use for a video\u2019s settings', async () => {
    const settings = await studioSettings('studio-engine.mp4', { kind: 'video', seed: 9, request: { seed: 9, cfg_scale: 2, motion_bucket_id: 200 } });
    expect(recalledCreateValues(settings, current)).toBeUndefined();
  });
});
