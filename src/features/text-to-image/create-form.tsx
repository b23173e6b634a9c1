/** The Create form: prompt first, then style, shape, and the options that fold away. */
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import type { GenerateParams } from '../../api/generate-image';
import { AspectRatioPicker } from '../../components/aspect-ratio-picker';
import { ChoiceGroup } from '../../components/choice-group';
import { FoldAway } from '../../components/fold-away';
import { PictureOptions } from '../../components/picture-options';
import { PromptField } from '../../components/prompt-field';
import { StylePicker } from '../../components/style-picker';
import { promptProblem, seedProblem } from '../../lib/form-fields';
import { batchSeeds } from '../../lib/random-seed';
import { useCreateForm } from './create-form-store';
import { buttonClass } from '../../components/button';
import { fitRatio } from '../../api/model-fit';
import { usePageModel } from '../../api/page-model';
import { ModelPicker } from '../../widgets/model-picker/model-picker';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Checks the form and builds one request per image of the batch, or says what to fix. */
function buildBatch(form: ReturnType<typeof useCreateForm.getState>): { batch?: GenerateParams[]; error?: string } {
  const error = promptProblem(form.prompt, form.negativePrompt) ?? seedProblem(form.seed);
  if (error) return { error };
  const prompt = form.prompt.trim();
  const seeds = batchSeeds(form.batchSize, form.seed.locked ? form.seed.seed : undefined);
  return {
    batch: seeds.map((s) => ({
      video_description: prompt,
      negative_prompt: form.negativePrompt.trim(),
      style_preset: form.stylePreset || undefined,
      aspect_ratio: form.aspectRatio,
      output_format: form.outputFormat,
      seed: s,
    })),
  };
}

export function CreateForm({ onGenerate }: { onGenerate(batch: GenerateParams[]): void }) {
  const form = useCreateForm();
  const [error, setError] = useState<string>();
  const { controls, notes } = usePageModel('text-to-image');

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const { batch, error: problem } = buildBatch(useCreateForm.getState());
    setError(problem);
    if (!batch) {
      document.getElementById('prompt')?.focus();
      return;
    }
    if (!form.seed.locked) form.update({ seed: { seed: batch[0].seed, locked: false } });
    onGenerate(batch);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  }

  return (
    <form aria-label="Create an image" onSubmit={submit} onKeyDown={onKeyDown} noValidate className="flex flex-col gap-5">
      <PromptField
        id="prompt"
        label="Prompt"
        rows={4}
        value={form.prompt}
        onChange={(prompt) => {
          form.update({ prompt });
          if (error && prompt.trim()) setError(undefined);
        }}
        placeholder="A lighthouse on a cliff at dusk, waves crashing, warm light"
        error={error}
      />
      <button type="submit" className={buttonClass('large')}>
        Generate
        <kbd className="hidden rounded border border-accent-fg/30 px-1.5 py-0.5 text-[11px] font-normal sm:inline">{isMac ? '⌘' : 'Ctrl'}+Enter</kbd>
      </button>
      <ModelPicker operation="text-to-image" value={form.model} onChange={(model) => form.update({ model })} />
      <StylePicker value={form.stylePreset} onChange={(stylePreset) => form.update({ stylePreset })} note={notes.style} />
      <AspectRatioPicker value={fitRatio(form.aspectRatio, controls)} ratios={controls.aspectRatios} onChange={(aspectRatio) => form.update({ aspectRatio })} />
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
