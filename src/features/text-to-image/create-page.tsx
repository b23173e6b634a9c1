/** Create: text to image. The form on the left, this session's results on the right. */
import { lazy, Suspense } from 'react';
import { useBaseUrl } from '../../api/backend';
import { expectRecipeModel, usePageModel } from '../../api/page-model';
import { EmptyResults, ResultGrid, Workspace } from '../../components/workspace';
import { pictureRecipeValues } from '../../lib/form-fields';
import { useAddressRecipe } from '../../lib/use-address-recipe';
import { enqueueRuns } from '../../run-queue/run-actions';
import { useRuns } from '../../run-queue/use-runs';
import { useCreateForm } from './create-form-store';
import { type CreateRun, CreateForm } from './create-form';

/** Cards load with the first run, so the first page carries only the form. */
const RunCard = lazy(() => import('../../widgets/run-card').then((module) => ({ default: module.RunCard })));
/** Reading a dropped or pasted picture's settings arrives just after the form. */
const CreateRecall = lazy(() => import('./create-recall').then((module) => ({ default: module.CreateRecall })));

const EXAMPLES = [
  'A lighthouse on a cliff at dusk, waves crashing, warm light',
  'A neon city street at night in the rain, reflections on the asphalt',
  'A quiet pine forest by a mountain lake at sunrise, mist on the water',
];

/** On a phone the results sit below the long form: bring the new cards into view. */
function revealResults() {
  requestAnimationFrame(() => {
    const results = document.getElementById('results');
    if (!results || results.getBoundingClientRect().top < window.innerHeight) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    results.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
  });
}

export default function CreatePage() {
  const baseUrl = useBaseUrl();
  const runs = useRuns('image');
  const update = useCreateForm((s) => s.update);
  const model = usePageModel('text-to-image');
  useAddressRecipe('image', (recipe) => {
    update({ prompt: recipe.video_description, ...pictureRecipeValues(recipe, useCreateForm.getState()) });
    expectRecipeModel('text-to-image', recipe.model);
  });

  function generate(runs: CreateRun[]) {
    const queuedAt = Date.now();
    // Later runs of a batch sort just after the first, so the gallery keeps their order.
    void enqueueRuns(
      runs.map(({ params: asked, template }, i) => {
        const params = model.fitRequest(asked);
        return {
          item: { id: crypto.randomUUID(), kind: 'image', status: 'queued', backend: baseUrl, model: params.model, seed: params.seed, request: params, ...(template && { template }), createdAt: queuedAt - i, favourite: false, mediaStored: false },
        };
      }),
    ).then(revealResults);
  }

  return (
    <Workspace title="Create" controls={
        <>
          <Suspense fallback={null}>
            <CreateRecall />
          </Suspense>
          <CreateForm onGenerate={generate} />
        </>
      } resultsLabel="Results">
      {runs.length === 0 ? (
        <EmptyResults title="Nothing here yet. Create your first image">
          <p className="mt-2 text-sm text-muted">Describe a picture, or start from an example:</p>
          <ul className="mt-4 flex flex-col gap-2">
            {EXAMPLES.map((example) => (
              <li key={example}>
                <button
                  type="button"
                  className="w-full rounded-lg border border-line bg-panel p-3 text-left text-sm hover:border-accent"
                  onClick={() => {
                    update({ prompt: example });
                    document.getElementById('prompt')?.focus();
                  }}
                >
                  {example}
                </button>
              </li>
            ))}
          </ul>
        </EmptyResults>
      ) : (
        <Suspense fallback={null}>
          <ResultGrid items={runs} render={(run) => <RunCard item={run} />} />
        </Suspense>
      )}
    </Workspace>
  );
}
