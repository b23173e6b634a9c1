/** The options every picture request shares: what to leave out, the file format, and the seed. */
import { OUTPUT_FORMATS, type OutputFormat } from '../api/contract';
import type { SeedValue } from '../lib/form-fields';
import { ChoiceGroup } from './choice-group';
import { PromptField } from './prompt-field';
import { SeedField } from './seed-field';

export interface PictureOptionValues {
  negativePrompt: string;
  outputFormat: OutputFormat;
  seed: SeedValue;
}

export function PictureOptions({ idPrefix, values, onChange }: { idPrefix: string; values: PictureOptionValues; onChange(patch: Partial<PictureOptionValues>): void }) {
  return (
    <>
      <PromptField
        id={`${idPrefix}negative-prompt`}
        label="Negative prompt"
        rows={2}
        value={values.negativePrompt}
        onChange={(negativePrompt) => onChange({ negativePrompt })}
        placeholder="What to leave out: blurry, text, watermark"
      />
      <ChoiceGroup
        legend="Output format"
        name={`${idPrefix}output-format`}
        value={values.outputFormat}
        onChange={(outputFormat) => onChange({ outputFormat })}
        options={OUTPUT_FORMATS.map((format) => ({ value: format, label: format.toUpperCase() }))}
      />
      <SeedField value={values.seed} onChange={(seed) => onChange({ seed })} />
    </>
  );
}
