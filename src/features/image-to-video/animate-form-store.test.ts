import { describe, expect, it } from 'vitest';
import { VIDEO_DEFAULTS } from '../../api/contract';
import { restoreAnimateForm } from './animate-form-store';

describe('restoreAnimateForm', () => {
  it('restores saved values', () => {
    const saved = { cfgScale: 3.5, motion: 200, seed: { seed: 12, locked: true }, showAdvanced: true, model: 'stability:stable-video-diffusion' };
    expect(restoreAnimateForm(saved)).toEqual(saved);
  });

  it.each([null, { cfgScale: 11, motion: 0.5 }, { cfgScale: '2', motion: 999 }, { motion: 12.5, seed: 'x', model: ['local:preview'] }])('falls back to defaults for broken storage: %j', (saved) => {
    expect(restoreAnimateForm(saved)).toMatchObject({ cfgScale: VIDEO_DEFAULTS.cfgScale, motion: VIDEO_DEFAULTS.motionBucketId, seed: { locked: false }, model: '' });
  });
});
