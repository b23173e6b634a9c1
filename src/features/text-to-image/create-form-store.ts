/**
 * The Create form's values, kept in localStorage so a reload never loses a prompt. Stored data
 * is untrusted on the way back in: every field is checked and falls back to its default.
 */
import { ASPECT_RATIOS, type AspectRatio, OUTPUT_FORMATS, type OutputFormat, STYLE_PRESETS, type StylePreset } from '../../api/contract';
import { asRecord, restoreChoice, restoreSeed, restoreText, type SeedValue } from '../../lib/form-fields';
import { readModelId } from '../../lib/model-id';
import { createPersistedForm } from '../../lib/persisted-form';
import { STORAGE_KEYS } from '../../lib/storage-keys';
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
  /** The model chosen on this page ('' = the engine's default). */
  model: string;
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
  model: '',
};

export function restoreCreateForm(saved: unknown): CreateFormValues {
  const s = asRecord(saved);
  return {
    prompt: restoreText(s.prompt),
    negativePrompt: restoreText(s.negativePrompt),
    stylePreset: restoreChoice<StylePreset | ''>(['', ...STYLE_PRESETS], s.stylePreset, ''),
    aspectRatio: restoreChoice(ASPECT_RATIOS, s.aspectRatio, CREATE_FORM_DEFAULTS.aspectRatio),
    outputFormat: restoreChoice(OUTPUT_FORMATS, s.outputFormat, CREATE_FORM_DEFAULTS.outputFormat),
    seed: restoreSeed(s.seed),
    batchSize: restoreChoice([1, 2, 3, 4], s.batchSize, 1),
    showAdvanced: s.showAdvanced === true,
    model: readModelId(s.model) ?? '',
  };
}

export const useCreateForm = createPersistedForm<CreateFormValues>(
  STORAGE_KEYS.createForm,
  () => ({ ...CREATE_FORM_DEFAULTS, seed: { seed: randomSeed(), locked: false } }),
  restoreCreateForm,
);
