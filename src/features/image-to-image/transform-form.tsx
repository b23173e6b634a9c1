/** The Transform form: what to make of the source picture, how far to move from it, and the look. */
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import type { TransformParams } from '../../api/transform-image';
import { AspectRatioPicker } from '../../components/aspect-ratio-picker';
import { FoldAway } from '../../components/fold-away';
import { PictureOptions } from '../../components/picture-options';
import { SliderField } from '../../components/slider-field';
import { StylePicker } from '../../components/style-picker';
import { isSubmitShortcut, SUBMIT_KEYS, SubmitShortcutHint } from '../../components/submit-shortcut';
import { promptProblem, seedProblem } from '../../lib/form-fields';
import { randomSeed } from '../../lib/random-seed';
import { PromptBox } from '../../widgets/prompt-tools/prompt-box';
import { planPrompt } from '../../widgets/prompt-tools/prompt-plan';
import { rememberPrompt } from '../../widgets/prompt-tools/prompt-history-access';
import { DEFAULT_STRENGTH, useTransformForm } from './transform-form-store';
import { buttonClass } from '../../components/button';
import { usePageModel } from '../../api/page-model';
import { ModelPicker } from '../../widgets/model-picker/model-picker';

function strengthHint(strength: number): string {
  if (strength < 0.35) return 'Low: keeps most of your image, changes details and colour.';
  if (strength < 0.75) return 'Lower keeps more of your image; higher follows the prompt more.';
  return 'High: keeps little of your image beyond its layout.';
}

/** One transform to queue: its request, and the template its prompt was expanded from, if it was. */
export interface TransformRun {
  params: TransformParams;
  template?: string;
}

/** Checks the form and builds one run per combination of the prompt, all with the same seed, or says what to fix. */
async function buildRuns(form: ReturnType<typeof useTransformForm.getState>): Promise<{ runs?: TransformRun[]; error?: string }> {
  const error = promptProblem(form.prompt, form.negativePrompt, 'change') ?? seedProblem(form.seed);
  if (error) return { error };
  const template = form.prompt.trim();
  const plan = await planPrompt(template, [form.seed.locked ? form.seed.seed : randomSeed()]);
  if (!plan.ok) return { error: plan.problem };
  return {
    runs: plan.runs.map(({ prompt, seed }) => ({
      params: {
        prompt,
        negative_prompt: form.negativePrompt.trim(),
        strength: form.strength,
        style_preset: form.stylePreset || undefined,
        aspect_ratio: form.aspectRatio,
        output_format: form.outputFormat,
        seed,
      },
      template: prompt === template ? undefined : template,
    })),
  };
}

interface TransformFormProps {
  /** Says what is missing outside the form (the source picture), or undefined when ready. */
  sourceProblem?: string;
  onTransform(runs: TransformRun[]): void;
}

export function TransformForm({ sourceProblem, onTransform }: TransformFormProps) {
  const form = useTransformForm();
  const [error, setError] = useState<string>();
  const [sourceError, setSourceError] = useState<string>();
  const { controls, notes, fitRatio } = usePageModel('image-to-image');

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const values = useTransformForm.getState();
    const { runs, error: problem } = await buildRuns(values);
    setError(problem);
    setSourceError(sourceProblem);
    if (!runs) {
      document.getElementById('transform-prompt')?.focus();
      return;
    }
    if (sourceProblem) return;
    if (!values.seed.locked) form.update({ seed: { seed: runs[0].params.seed, locked: false } });
    rememberPrompt({ prompt: values.prompt.trim(), negativePrompt: values.negativePrompt.trim(), stylePreset: values.stylePreset });
    onTransform(runs);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (isSubmitShortcut(event)) void submit(event);
  }

  return (
    <form aria-label="Transform an image" onSubmit={submit} onKeyDown={onKeyDown} noValidate className="flex flex-col gap-5">
      <PromptBox
        id="transform-prompt"
        rows={3}
        values={form}
        onPrompt={(prompt) => {
          form.update({ prompt });
          if (error && prompt.trim()) setError(undefined);
        }}
        onRecall={(sent) => {
          form.update({ ...sent, showAdvanced: form.showAdvanced || Boolean(sent.negativePrompt) });
          setError(undefined);
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
        <button type="submit" aria-keyshortcuts={SUBMIT_KEYS} className={buttonClass('large')}>
          Transform
          <SubmitShortcutHint />
        </button>
        {sourceError && (
          <p role="alert" className="text-sm text-danger">
            {sourceError}
          </p>
        )}
      </div>
      <ModelPicker operation="image-to-image" value={form.model} onChange={(model) => form.update({ model })} />
      <StylePicker value={form.stylePreset} onChange={(stylePreset) => form.update({ stylePreset })} note={notes.style} />
      <AspectRatioPicker value={fitRatio(form.aspectRatio)} ratios={controls.aspectRatios} onChange={(aspectRatio) => form.update({ aspectRatio })} />
      <FoldAway open={form.showAdvanced} onToggle={(showAdvanced) => form.update({ showAdvanced })}>
        <PictureOptions idPrefix="transform-" values={form} onChange={form.update} notes={notes} />
      </FoldAway>
    </form>
  );
}
