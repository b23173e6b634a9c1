/** Transform: image to image. The source and the form on the left, this session's results on the right. */
import { useBaseUrl } from '../../api/backend';
import { expectRecipeModel, usePageModel } from '../../api/page-model';
import { EmptyResults, ResultGrid, Workspace } from '../../components/workspace';
import { enqueueRuns } from '../../run-queue/run-actions';
import { useRuns } from '../../run-queue/use-runs';
import { RunCard } from '../../widgets/run-card';
import { createImageSourceStore } from '../../widgets/image-source/image-source-store';
import { ImageSourceField } from '../../widgets/image-source/image-source-field';
import { pictureRecipeValues } from '../../lib/form-fields';
import { useAddressRecipe } from '../../lib/use-address-recipe';
import { formRecall } from '../../widgets/settings-recall/form-recall';
import { PictureSettingsRecall } from '../../widgets/settings-recall/picture-settings-recall';
import { recalledTransformValues } from './recalled-transform-values';
import { TransformForm, type TransformRun } from './transform-form';
import { useTransformForm } from './transform-form-store';

const useTransformSource = createImageSourceStore('transform');

export default function TransformPage() {
  const baseUrl = useBaseUrl();
  const runs = useRuns('transform');
  const source = useTransformSource((s) => s.image);
  const update = useTransformForm((s) => s.update);
  const model = usePageModel('image-to-image');
  useAddressRecipe('transform', (recipe) => {
    update({ prompt: recipe.prompt, strength: recipe.strength, ...pictureRecipeValues(recipe, useTransformForm.getState()) });
    expectRecipeModel('image-to-image', recipe.model);
  });

  function transform(runs: TransformRun[]) {
    if (!source) return;
    const queuedAt = Date.now();
    void enqueueRuns(
      runs.map(({ params: asked, template }, i) => {
        const params = model.fitRequest(asked);
        return {
          item: {
            id: crypto.randomUUID(),
            kind: 'transform',
            status: 'queued',
            backend: baseUrl,
            model: params.model,
            seed: params.seed,
            request: params,
            ...(template && { template }),
            createdAt: queuedAt - i,
            favourite: false,
            mediaStored: false,
            sourceStored: true,
            parentId: source.galleryId,
          },
          source: source.file,
        };
      }),
    );
  }

  const controls = (
    <>
      <ImageSourceField
        useSource={useTransformSource}
        label="Source image"
        settingsNotice={(file, dismiss) => <PictureSettingsRecall file={file} {...formRecall(useTransformForm, recalledTransformValues)} onDismiss={dismiss} />}
      />
      <TransformForm sourceProblem={source ? undefined : 'Add a source image first: drop, paste, browse or pick one.'} onTransform={transform} />
    </>
  );
  return (
    <Workspace title="Transform" controls={controls} resultsLabel="Results">
      {runs.length === 0 ? (
        <EmptyResults title="Restyle a picture">
          <p className="mt-2 text-sm text-muted">
            Add a source image, describe what it should become, and choose how strongly to change it. Results appear here beside their source, with a
            slider to compare before and after.
          </p>
        </EmptyResults>
      ) : (
        <ResultGrid items={runs} render={(run) => <RunCard item={run} />} />
      )}
    </Workspace>
  );
}
