/**
 * Animate: image to video. The picture, its video frame and the motion settings on the left;
 * the video jobs on the right, including any still running from before a reload.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useBaseUrl } from '../../api/backend';
import { VIDEO_DEFAULTS, VIDEO_SIZES } from '../../api/contract';
import { FoldAway } from '../../components/fold-away';
import { isSubmitShortcut, SUBMIT_KEYS, SubmitShortcutHint } from '../../components/submit-shortcut';
import { SeedField } from '../../components/seed-field';
import { SliderField } from '../../components/slider-field';
import { EmptyResults, ResultGrid, Workspace } from '../../components/workspace';
import { enqueueRuns } from '../../run-queue/run-actions';
import { useRuns } from '../../run-queue/use-runs';
import { recipeSeed, seedProblem } from '../../lib/form-fields';
import { randomSeed } from '../../lib/random-seed';
import { cropRect, type CropView, defaultCropView } from '../../lib/video-crop';
import { useAddressRecipe } from '../../lib/use-address-recipe';
import { renderVideoInput } from '../../lib/video-input';
import { createImageSourceStore } from '../../widgets/image-source/image-source-store';
import { ImageSourceField } from '../../widgets/image-source/image-source-field';
import { formRecall } from '../../widgets/settings-recall/form-recall';
import { PictureSettingsRecall } from '../../widgets/settings-recall/picture-settings-recall';
import { useAnimateForm } from './animate-form-store';
import { recalledAnimateValues } from './recalled-animate-values';
import { CropEditor } from './crop-editor';
import { VideoJobCard } from './video-job-card';
import { buttonClass } from '../../components/button';
import { expectRecipeModel, usePageModel } from '../../api/page-model';
import { ModelPicker } from '../../widgets/model-picker/model-picker';

const useAnimateSource = createImageSourceStore('animate');

function motionHint(motion: number): string {
  if (motion < 60) return 'Low: a gentle drift.';
  if (motion < 180) return 'Higher moves the camera and the scene more.';
  return 'High: strong movement, more change from frame to frame.';
}

export default function AnimatePage() {
  const baseUrl = useBaseUrl();
  const form = useAnimateForm();
  const source = useAnimateSource((s) => s.image);
  const [view, setView] = useState<CropView>();
  const [formError, setFormError] = useState<string>();
  const [preparing, setPreparing] = useState(false);
  const jobs = useRuns('video');
  const model = usePageModel('image-to-video');
  useAddressRecipe('video', (recipe) => {
    form.update({
      cfgScale: recipe.cfg_scale,
      motion: recipe.motion_bucket_id,
      seed: recipeSeed(recipe.seed, useAnimateForm.getState().seed),
    });
    expectRecipeModel('image-to-video', recipe.model);
  });

  useEffect(() => setView(source && defaultCropView(source)), [source]);

  async function animate(event: FormEvent) {
    event.preventDefault();
    if (preparing) return;
    const problem = source && view ? seedProblem(form.seed) : 'Add a picture first: drop, paste, browse or pick one.';
    setFormError(problem);
    if (problem || !source || !view || !model.available) return;
    const seed = form.seed.locked ? form.seed.seed : randomSeed();
    if (!form.seed.locked) form.update({ seed: { seed, locked: false } });
    const size = VIDEO_SIZES[view.shape];
    const request = { seed, cfg_scale: form.cfgScale, motion_bucket_id: form.motion, ...(model.send ? { model: model.send } : {}) };
    setPreparing(true);
    const input = await renderVideoInput(source.file, cropRect(source, view), size).catch(() => undefined);
    setPreparing(false);
    if (!input) {
      setFormError(`“${source.name}” could not be prepared as a video frame: the browser failed to redraw it.`);
      return;
    }
    await enqueueRuns([
      {
        item: {
          id: crypto.randomUUID(),
          kind: 'video',
          status: 'queued',
          backend: baseUrl,
          model: model.send,
          seed,
          request,
          createdAt: Date.now(),
          favourite: false,
          mediaStored: false,
          sourceStored: true,
          width: size.width,
          height: size.height,
          parentId: source.galleryId,
        },
        source: input,
      },
    ]);
  }

  const controls = (
    <>
      <ImageSourceField
        useSource={useAnimateSource}
        label="Picture to animate"
        settingsNotice={(file, dismiss) => <PictureSettingsRecall file={file} {...formRecall(useAnimateForm, recalledAnimateValues)} onDismiss={dismiss} />}
      />
      <form
        aria-label="Animate a picture"
        onSubmit={animate}
        onKeyDown={(event) => isSubmitShortcut(event) && void animate(event)}
        noValidate
        className="flex flex-col gap-5"
      >
        {source && view && <CropEditor image={source} view={view} onChange={setView} />}
        <ModelPicker operation="image-to-video" value={form.model} onChange={(model) => form.update({ model })} />
        <SliderField
          id="motion"
          label="Motion"
          value={form.motion}
          min={1}
          max={255}
          step={1}
          defaultValue={VIDEO_DEFAULTS.motionBucketId}
          hint={motionHint(form.motion)}
          onChange={(motion) => form.update({ motion })}
        />
        <button type="submit" disabled={preparing || !model.available} aria-keyshortcuts={SUBMIT_KEYS} className={buttonClass('large')}>
          {preparing ? 'Preparing the frame…' : 'Animate'}
          {!preparing && <SubmitShortcutHint />}
        </button>
        {formError && (
          <p role="alert" className="text-sm text-danger">
            {formError}
          </p>
        )}
        <FoldAway open={form.showAdvanced} onToggle={(showAdvanced) => form.update({ showAdvanced })}>
          <SliderField
            id="cfg-scale"
            label="Stick to the picture (CFG scale)"
            value={form.cfgScale}
            min={0}
            max={10}
            step={0.1}
            defaultValue={VIDEO_DEFAULTS.cfgScale}
            format={(value) => value.toFixed(1)}
            hint="Higher keeps the video closer to your picture; lower lets it wander."
            onChange={(cfgScale) => form.update({ cfgScale })}
          />
          <SeedField value={form.seed} onChange={(seed) => form.update({ seed })} />
        </FoldAway>
      </form>
    </>
  );
  return (
    <Workspace title="Animate" controls={controls} resultsLabel="Videos">
      {jobs.length === 0 ? (
        <EmptyResults title="Bring a still to life">
          <p className="mt-2 text-sm text-muted">
            Add a picture, choose how much it should move, and start. A video takes a while: it keeps rendering if you leave or reload, and lands in your
            gallery when done.
          </p>
        </EmptyResults>
      ) : (
        <ResultGrid items={jobs} render={(item) => <VideoJobCard item={item} />} />
      )}
    </Workspace>
  );
}
