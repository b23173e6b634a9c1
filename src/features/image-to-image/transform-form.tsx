/** The Transform form: what to make of the source picture, how far to move from it, and the look. */
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import type { TransformParams } from '../../api/transform-image';
import { AspectRatioPicker } from '../../components/aspect-ratio-picker';
import { FoldAway } from '../../components/fold-away';
import { PictureOptions } from '../../components/picture-options';
import { PromptField } from '../../components/prompt-field';
import { SliderField } from '../../components/slider-field';
import { StylePicker } from '../../components/style-picker';
import { promptProblem, seedProblem } from '../../lib/form-fields';
import { randomSeed } from '../../lib/random-seed';
import { DEFAULT_STRENGTH, useTransformForm } from './transform-form-store';
import { buttonClass } from '../../components/button';
import { fitRatio } from '../../api/model-fit';
import { usePageModel } from '../../api/page-model';
import { ModelPicker } from '../../widgets/model-picker/model-picker';

function strengthHint(strength: number): string {
  if (strength < 0.35) return 'Low: keeps most of your image, changes details and colour.';
  if (strength < 0.75) return 'Lower keeps more of your image; higher follows the prompt more.';
  return 'High: keeps little of your image beyond its layout.';
}

/** Checks the form and builds the request, or says what to fix. */
function buildRequest(form: ReturnType<typeof useTransformForm.getState>): { params?: TransformParams; error?: string } {
  const error = promptProblem(form.prompt, form.negativePrompt, 'change');
  if (error) return { error };
  const seedError = seedProblem(form.seed);
  if (seedError) return { error: seedError };
  return {
    params: {
      prompt: form.prompt.trim(),
      negative_prompt: form.negativePrompt.trim(),
      strength: form.strength,
      style_preset: form.stylePreset || undefined,
      aspect_ratio: form.aspectRatio,
      output_format: form.outputFormat,
      seed: form.seed.locked ? form.seed.seed : randomSeed(),
    },
  };
}

interface TransformFormProps {
  /** Says what is missing outside the form (the source picture), or undefined when ready. */
  sourceProblem?: string;
  onTransform(params: TransformParams): void;
}

export function TransformForm({ sourceProblem, onTransform }: TransformFormProps) {
  const form = useTransformForm();
  const [error, setError] = useState<string>();
  const [sourceError, setSourceError] = useState<string>();
  const { controls, notes } = usePageModel('image-to-image');

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const { params, error: problem } = buildRequest(useTransformForm.getState());
    setError(problem);
    setSourceError(sourceProblem);
    if (!params) {
      document.getElementById('transform-prompt')?.focus();
      return;
    }
    if (sourceProblem) return;
    if (!form.seed.locked) form.update({ seed: { seed: params.seed, locked: false } });
    onTransform(params);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  }

  return (
    <form aria-label="Transform an image" onSubmit={submit} onKeyDown={onKeyDown} noValidate className="flex flex-col gap-5">
      <PromptField
        id="transform-prompt"
        label="Prompt"
        rows={3}
        value={form.prompt}
        onChange={(prompt) => {
          form.update({ prompt });
          if (error && prompt.trim()) setError(undefined);
        }}
        placeholder="The same scene as a watercolour painting"
        error={error}
      />
      <SliderField
        id="strength"
        label="Strength"
        value={form.strength}
        min={0}
        max={1}
        step={0.05}
        defaultValue={DEFAULT_STRENGTH}
        format={(value) => value.toFixed(2)}
        hint={strengthHint(form.strength)}
        onChange={(strength) => form.update({ strength })}
        unavailable={notes.strength}
      />
      <div className="flex flex-col gap-2">
        <button type="submit" className={buttonClass('large')}>
          Transform
        </button>
        {sourceError && (
          <p role="alert" className="text-sm text-danger">
            {sourceError}
          </p>
        )}
      </div>
      <ModelPicker operation="image-to-image" value={form.model} onChange={(model) => form.update({ model })} />
      <StylePicker value={form.stylePreset} onChange={(stylePreset) => form.update({ stylePreset })} note={notes.style} />
      <AspectRatioPicker value={fitRatio(form.aspectRatio, controls)} ratios={controls.aspectRatios} onChange={(aspectRatio) => form.update({ aspectRatio })} />
      <FoldAway open={form.showAdvanced} onToggle={(showAdvanced) => form.update({ showAdvanced })}>
        <PictureOptions idPrefix="transform-" values={form} onChange={form.update} notes={notes} />
      </FoldAway>
    </form>
  );
}
