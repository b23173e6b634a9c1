/** The Animate form's values, kept in localStorage. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { VIDEO_DEFAULTS } from '../../api/contract';
import { asRecord, restoreNumber, restoreSeed, type SeedValue } from '../../lib/form-fields';
import { randomSeed } from '../../lib/random-seed';

export interface AnimateFormValues {
  cfgScale: number;
  motion: number;
  seed: SeedValue;
  showAdvanced: boolean;
}

export function restoreAnimateForm(saved: unknown): AnimateFormValues {
  const s = asRecord(saved);
  const motion = restoreNumber(s.motion, 1, 255, VIDEO_DEFAULTS.motionBucketId);
  return {
    cfgScale: restoreNumber(s.cfgScale, 0, 10, VIDEO_DEFAULTS.cfgScale),
    motion: Number.isInteger(motion) ? motion : VIDEO_DEFAULTS.motionBucketId,
    seed: restoreSeed(s.seed),
    showAdvanced: s.showAdvanced === true,
  };
}

interface AnimateFormState extends AnimateFormValues {
  update(patch: Partial<AnimateFormValues>): void;
}

export const useAnimateForm = create<AnimateFormState>()(
  persist(
    (set) => ({
      cfgScale: VIDEO_DEFAULTS.cfgScale,
      motion: VIDEO_DEFAULTS.motionBucketId,
      seed: { seed: randomSeed(), locked: false },
      showAdvanced: false,
      update: (patch) => set(patch),
    }),
    {
      name: 'aiart.animate-form',
      version: 1,
      partialize: ({ update: _update, ...values }) => values,
      merge: (saved, current) => ({ ...current, ...restoreAnimateForm(saved) }),
    },
  ),
);
