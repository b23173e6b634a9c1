import { describe, expect, it } from 'vitest';
import { sampleSettings, studioSettings } from '../../test/picture-settings-fixtures';
import type { AnimateFormValues } from './animate-form-store';
import { recalledAnimateValues } from './recalled-animate-values';

const current: AnimateFormValues = { cfgScale: 1.5, motion: 127, seed: { seed: 3, locked: false }, showAdvanced: false, model: '' };

describe('Animate takes a studio video\u2019s settings', () => {
  it('motion, CFG scale and the seed, locked, with the folded options opened', async () => {
    const settings = await studioSettings('studio-engine.mp4', { kind: 'video', seed: 9, request: { seed: 0, cfg_scale: 2.5, motion_bucket_id: 200 } });
    expect(recalledAnimateValues(settings, current)).toEqual({ motion: 200, cfgScale: 2.5, seed: { seed: 9, locked: true }, showAdvanced: true });
  });

  it('has no use for a still\u2019s settings, which make pictures', async () => {
    expect(recalledAnimateValues(await sampleSettings('automatic1111.png'), current)).toBeUndefined();
  });
});
