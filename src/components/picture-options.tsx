/** The options every picture request shares: what to leave out, the file format, and the seed (or why the model takes none). */
import { OUTPUT_FORMATS, type OutputFormat } from '../api/contract';
import type { SeedValue } from '../lib/form-fields';
import { ChoiceGroup } from './choice-group';
import { ControlNote } from './control-note';
import { PromptField } from './prompt-field';
import { SeedField } from './seed-field';

export interface PictureOptionValues {
  negativePrompt: string;
  outputFormat: OutputFormat;
  seed: SeedValue;
}

interface PictureOptionsProps {
  idPrefix: string;
  values: PictureOptionValues;
  onChange(patch: Partial<PictureOptionValues>): void;
  /** Why the model in use takes no negative prompt or no seed, shown in place of the field. */
  notes?: { negativePrompt?: string; seed?: string };
}

export function PictureOptions({ idPrefix, values, onChange, notes = {} }: PictureOptionsProps) {
  return (
    <>
      {notes.negativePrompt ? (
        <ControlNote label="Negative prompt" text={notes.negativePrompt} />
      ) : (
        <PromptField
          id={`${idPrefix}negative-prompt`}
          label="Negative prompt"
          rows={2}
          value={values.negativePrompt}
          onChange={(negativePrompt) => onChange({ negativePrompt })}
          placeholder="What to leave out: blurry, text, watermark"
        />
      )}
      <ChoiceGroup
        legend="Output format"
        name={`${idPrefix}output-format`}
        value={values.outputFormat}
        onChange={(outputFormat) => onChange({ outputFormat })}
        options={OUTPUT_FORMATS.map((format) => ({ value: format, label: format.toUpperCase() }))}
      />
      {notes.seed ? <ControlNote label="Seed" text={notes.seed} /> : <SeedField value={values.seed} onChange={(seed) => onChange({ seed })} />}
    </>
  );
}
