/** The Create form: prompt first, then style, shape, and the options that fold away. */
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import type { GenerateParams } from '../../api/generate-image';
import { AspectRatioPicker } from '../../components/aspect-ratio-picker';
import { ChoiceGroup } from '../../components/choice-group';
import { FoldAway } from '../../components/fold-away';
import { PictureOptions } from '../../components/picture-options';
import { StylePicker } from '../../components/style-picker';
import { isSubmitShortcut, SUBMIT_KEYS, SubmitShortcutHint } from '../../components/submit-shortcut';
import { promptProblem, seedProblem } from '../../lib/form-fields';
import { batchSeeds } from '../../lib/random-seed';
import { PromptBox } from '../../widgets/prompt-tools/prompt-box';
import { planPrompt } from '../../widgets/prompt-tools/prompt-plan';
import { rememberPrompt } from '../../widgets/prompt-tools/prompt-history-access';
import { useCreateForm } from './create-form-store';
import { buttonClass } from '../../components/button';
import { usePageModel } from '../../api/page-model';
import { ModelPicker } from '../../widgets/model-picker/model-picker';

/** One run to queue: its request, and the template its prompt was expanded from, if it was. */
export interface CreateRun {
  params: GenerateParams;
  template?: string;
}

/**
 * Checks the form and builds its runs: each combination of the prompt once per image of the
 * batch, every combination with the same seeds. Or says what to fix.
 */
async function buildRuns(form: ReturnType<typeof useCreateForm.getState>): Promise<{ runs?: CreateRun[]; error?: string }> {
  const error = promptProblem(form.prompt, form.negativePrompt) ?? seedProblem(form.seed);
  if (error) return { error };
  const template = form.prompt.trim();
  const seeds = batchSeeds(form.batchSize, form.seed.locked ? form.seed.seed : undefined);
  const plan = await planPrompt(template, seeds);
  if (!plan.ok) return { error: plan.problem };
  return {
    runs: plan.runs.map(({ prompt, seed }) => ({
      params: {
        video_description: prompt,
        negative_prompt: form.negativePrompt.trim(),
        style_preset: form.stylePreset || undefined,
        aspect_ratio: form.aspectRatio,
        output_format: form.outputFormat,
        seed,
      },
      template: prompt === template ? undefined : template,
    })),
  };
}

export function CreateForm({ onGenerate }: { onGenerate(runs: CreateRun[]): void }) {
  const form = useCreateForm();
  const [error, setError] = useState<string>();
  const { controls, notes, fitRatio } = usePageModel('text-to-image');

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const values = useCreateForm.getState();
    const { runs, error: problem } = await buildRuns({ ...values, batchSize: Math.min(values.batchSize, controls.maxBatch) });
    setError(problem);
    if (!runs) {
      document.getElementById('prompt')?.focus();
      return;
    }
    if (!values.seed.locked) form.update({ seed: { seed: runs[0].params.seed, locked: false } });
    rememberPrompt({ prompt: values.prompt.trim(), negativePrompt: values.negativePrompt.trim(), stylePreset: values.stylePreset });
    onGenerate(runs);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (isSubmitShortcut(event)) void submit(event);
  }

  return (
    <form aria-label="Create an image" onSubmit={submit} onKeyDown={onKeyDown} noValidate className="flex flex-col gap-5">
      <PromptBox
        id="prompt"
        rows={4}
        values={form}
        imagesPerRun={form.batchSize}
        onPrompt={(prompt) => {
          form.update({ prompt });
          if (error && prompt.trim()) setError(undefined);
        }}
        onRecall={(sent) => {
          form.update({ ...sent, showAdvanced: form.showAdvanced || Boolean(sent.negativePrompt) });
          setError(undefined);
        }}
        placeholder="A lighthouse on a cliff at dusk, waves crashing, warm light"
        error={error}
      />
      <button type="submit" aria-keyshortcuts={SUBMIT_KEYS} className={buttonClass('large')}>
        Generate
        <SubmitShortcutHint />
      </button>
      <ModelPicker operation="text-to-image" value={form.model} onChange={(model) => form.update({ model })} />
      <StylePicker value={form.stylePreset} onChange={(stylePreset) => form.update({ stylePreset })} note={notes.style} />
      <AspectRatioPicker value={fitRatio(form.aspectRatio)} ratios={controls.aspectRatios} onChange={(aspectRatio) => form.update({ aspectRatio })} />
      <ChoiceGroup
        legend="Images per run"
        name="batch-size"
        value={Math.min(form.batchSize, controls.maxBatch)}
        onChange={(batchSize) => form.update({ batchSize })}
        options={[1, 2, 3, 4].slice(0, controls.maxBatch).map((n) => ({ value: n, label: String(n), title: `${n} image${n > 1 ? 's' : ''}` }))}
      />
      <FoldAway open={form.showAdvanced} onToggle={(showAdvanced) => form.update({ showAdvanced })}>
        <PictureOptions idPrefix="" values={form} onChange={form.update} notes={notes} />
      </FoldAway>
    </form>
  );
}
