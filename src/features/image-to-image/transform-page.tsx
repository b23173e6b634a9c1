/** Transform: image to image. The source and the form on the left, this session's results on the right. */
import { useBaseUrl } from '../../api/backend';
import type { TransformParams } from '../../api/transform-image';
import { saveResult } from '../../gallery-store/save-result';
import { createImageSourceStore } from '../../widgets/image-source/image-source-store';
import { ImageSourceField } from '../../widgets/image-source/image-source-field';
import { TransformCard } from './transform-card';
import { TransformForm } from './transform-form';
import { useTransformRuns } from './transform-runs-store';

const useTransformSource = createImageSourceStore();

export default function TransformPage() {
  const baseUrl = useBaseUrl();
  const runs = useTransformRuns((s) => s.runs);
  const start = useTransformRuns((s) => s.start);
  const source = useTransformSource((s) => s.image);

  function transform(params: TransformParams) {
    if (!source) return;
    const [run] = start(baseUrl, [{ params, image: source.file, sourceUrl: URL.createObjectURL(source.file), parentId: source.galleryId }]);
    saveResult({
      id: run.id,
      kind: 'transform',
      status: 'pending',
      backend: baseUrl,
      seed: params.seed,
      request: params,
      createdAt: run.startedAt,
      favourite: false,
      mediaStored: false,
      parentId: source.galleryId,
    });
  }

  return (
    <div className="flex flex-col lg:h-full lg:flex-row">
      <section aria-labelledby="transform-heading" className="flex flex-col gap-5 border-b border-line bg-panel p-4 lg:w-[360px] lg:shrink-0 lg:overflow-y-auto lg:border-b-0 lg:border-r">
        <h1 id="transform-heading" className="text-lg font-semibold">
          Transform
        </h1>
        <ImageSourceField useSource={useTransformSource} label="Source image" />
        <TransformForm sourceProblem={source ? undefined : 'Add a source image first: drop, paste, browse or pick one.'} onTransform={transform} />
      </section>
      <section aria-label="Results" className="min-w-0 flex-1 p-4 lg:overflow-y-auto">
        {runs.length === 0 ? (
          <div className="mx-auto mt-8 max-w-lg text-center">
            <h2 className="text-lg font-semibold">Restyle a picture</h2>
            <p className="mt-2 text-sm text-muted">
              Add a source image, describe what it should become, and choose how strongly to change it. Results appear here beside their
              source, with a slider to compare before and after.
            </p>
          </div>
        ) : (
          <ul className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            {runs.map((run) => (
              <li key={run.id}>
                <TransformCard run={run} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
