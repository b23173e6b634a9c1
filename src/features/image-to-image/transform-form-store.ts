/** The Transform form's values, kept in localStorage so a reload never loses a prompt. */
import { ASPECT_RATIOS, type AspectRatio, OUTPUT_FORMATS, type OutputFormat, STYLE_PRESETS, type StylePreset } from '../../api/contract';
import { asRecord, restoreChoice, restoreNumber, restoreSeed, restoreText, type SeedValue } from '../../lib/form-fields';
import { readModelId } from '../../lib/model-id';
import { createPersistedForm } from '../../lib/persisted-form';
import { STORAGE_KEYS } from '../../lib/storage-keys';
import { randomSeed } from '../../lib/random-seed';

export interface TransformFormValues {
  prompt: string;
  negativePrompt: string;
  strength: number;
  stylePreset: StylePreset | '';
  aspectRatio: AspectRatio;
  outputFormat: OutputFormat;
  seed: SeedValue;
  showAdvanced: boolean;
  /** The model chosen on this page ('' = the engine's default). */
  model: string;
}

export const DEFAULT_STRENGTH = 0.7;

export const TRANSFORM_FORM_DEFAULTS: TransformFormValues = {
  prompt: '',
  negativePrompt: '',
  strength: DEFAULT_STRENGTH,
  stylePreset: '',
  aspectRatio: '1:1',
  outputFormat: 'png',
  seed: { seed: 1, locked: false },
  showAdvanced: false,
  model: '',
};

export function restoreTransformForm(saved: unknown): TransformFormValues {
  const s = asRecord(saved);
  return {
    prompt: restoreText(s.prompt),
    negativePrompt: restoreText(s.negativePrompt),
    strength: restoreNumber(s.strength, 0, 1, DEFAULT_STRENGTH),
    stylePreset: restoreChoice<StylePreset | ''>(['', ...STYLE_PRESETS], s.stylePreset, ''),
    aspectRatio: restoreChoice(ASPECT_RATIOS, s.aspectRatio, TRANSFORM_FORM_DEFAULTS.aspectRatio),
    outputFormat: restoreChoice(OUTPUT_FORMATS, s.outputFormat, TRANSFORM_FORM_DEFAULTS.outputFormat),
    seed: restoreSeed(s.seed),
    showAdvanced: s.showAdvanced === true,
    model: readModelId(s.model) ?? '',
  };
}


export const useTransformForm = createPersistedForm<TransformFormValues>(
  STORAGE_KEYS.transformForm,
  () => ({ ...TRANSFORM_FORM_DEFAULTS, seed: { seed: randomSeed(), locked: false } }),
  restoreTransformForm,
);
