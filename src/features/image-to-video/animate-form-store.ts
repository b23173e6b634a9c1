/** The Animate form's values, kept in localStorage. */
import { VIDEO_DEFAULTS } from '../../api/contract';
import { asRecord, restoreNumber, restoreSeed, type SeedValue } from '../../lib/form-fields';
import { readModelId } from '../../lib/model-id';
import { createPersistedForm } from '../../lib/persisted-form';
import { STORAGE_KEYS } from '../../lib/storage-keys';
import { randomSeed } from '../../lib/random-seed';

export interface AnimateFormValues {
  cfgScale: number;
  motion: number;
  seed: SeedValue;
  showAdvanced: boolean;
  /** The model chosen on this page ('' = the engine's default). */
  model: string;
}

export function restoreAnimateForm(saved: unknown): AnimateFormValues {
  const s = asRecord(saved);
  const motion = restoreNumber(s.motion, 1, 255, VIDEO_DEFAULTS.motionBucketId);
  return {
    cfgScale: restoreNumber(s.cfgScale, 0, 10, VIDEO_DEFAULTS.cfgScale),
    motion: Number.isInteger(motion) ? motion : VIDEO_DEFAULTS.motionBucketId,
    seed: restoreSeed(s.seed),
    showAdvanced: s.showAdvanced === true,
    model: readModelId(s.model) ?? '',
  };
}


export const useAnimateForm = createPersistedForm<AnimateFormValues>(
  STORAGE_KEYS.animateForm,
  () => ({ cfgScale: VIDEO_DEFAULTS.cfgScale, motion: VIDEO_DEFAULTS.motionBucketId, seed: { seed: randomSeed(), locked: false }, showAdvanced: false, model: '' }),
  restoreAnimateForm,
);
