/**
 * The Create form's values, kept in localStorage so a reload never loses a prompt. Stored data
 * is untrusted on the way back in: every field is checked and falls back to its default.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { ASPECT_RATIOS, type AspectRatio, MAX_SEED, OUTPUT_FORMATS, type OutputFormat, STYLE_PRESETS, type StylePreset } from '../../api/contract';
import type { SeedValue } from '../../components/seed-field';
import { randomSeed } from '../../lib/random-seed';

export interface CreateFormValues {
  prompt: string;
  negativePrompt: string;
  stylePreset: StylePreset | '';
  aspectRatio: AspectRatio;
  outputFormat: OutputFormat;
  seed: SeedValue;
  batchSize: number;
  showAdvanced: boolean;
}

interface CreateFormState extends CreateFormValues {
  update(patch: Partial<CreateFormValues>): void;
}

export const CREATE_FORM_DEFAULTS: CreateFormValues = {
  prompt: '',
  negativePrompt: '',
  stylePreset: '',
  aspectRatio: '16:9',
  outputFormat: 'png',
  seed: { seed: 1, locked: false },
  batchSize: 1,
  showAdvanced: false,
};

const oneOf = <T,>(values: readonly T[], value: unknown, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);

export function restoreCreateForm(saved: unknown): CreateFormValues {
  const s = (saved && typeof saved === 'object' ? saved : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 20_000) : '');
  const seed = s.seed as Partial<SeedValue> | undefined;
  const seedNumber = Number(seed?.seed);
  return {
    prompt: text(s.prompt),
    negativePrompt: text(s.negativePrompt),
    stylePreset: oneOf<StylePreset | ''>(['', ...STYLE_PRESETS], s.stylePreset, ''),
    aspectRatio: oneOf(ASPECT_RATIOS, s.aspectRatio, CREATE_FORM_DEFAULTS.aspectRatio),
    outputFormat: oneOf(OUTPUT_FORMATS, s.outputFormat, CREATE_FORM_DEFAULTS.outputFormat),
    seed: {
      seed: Number.isInteger(seedNumber) && seedNumber >= 1 && seedNumber <= MAX_SEED ? seedNumber : randomSeed(),
      locked: seed?.locked === true,
    },
    batchSize: oneOf([1, 2, 3, 4], s.batchSize, 1),
    showAdvanced: s.showAdvanced === true,
  };
}

export const useCreateForm = create<CreateFormState>()(
  persist(
    (set) => ({
      ...CREATE_FORM_DEFAULTS,
      seed: { seed: randomSeed(), locked: false },
      update: (patch) => set(patch),
    }),
    {
      name: 'aiart.create-form',
      version: 1,
      partialize: ({ update: _update, ...values }) => values,
      merge: (saved, current) => ({ ...current, ...restoreCreateForm(saved) }),
    },
  ),
);
