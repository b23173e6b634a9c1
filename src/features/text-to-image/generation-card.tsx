/** One generation: a shimmering placeholder while it runs, then the image, or its error and Retry. */
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { useBackendStore } from '../../api/backend';
import { IMAGE_SIZES } from '../../api/contract';
import { useGeneration } from '../../api/generate-image';
import { CopyButton } from '../../components/copy-button';
import { galleryStore } from '../../gallery-store/use-gallery';
import { keepMedia } from '../../gallery-store/save-result';
import { downloadFile, fileNameFor } from '../../lib/download-file';
import { useElapsed } from '../../lib/use-elapsed';
import type { GenerationRun } from './create-runs-store';

const WAKE_NOTICE_AFTER_S = 5;
const actionClass = 'min-h-9 rounded-md border border-line bg-panel/90 px-3 text-xs font-medium hover:text-accent';

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong while generating.';
}

/** Mirrors the run's progress into its gallery item: pending, then ready with its URL, or failed. */
function useRecordInGallery(id: string, query: ReturnType<typeof useGeneration>) {
  const { data, isError, isFetching, error } = query;
  useEffect(() => {
    const { patch } = galleryStore.getState();
    if (data) patch(id, { status: 'ready', remoteUrl: data.imageUrl, seed: data.seed, problem: undefined });
    else if (isError && !isFetching) patch(id, { status: 'failed', problem: errorText(error) });
    else if (isFetching) patch(id, { status: 'pending', problem: undefined });
  }, [id, data, isError, isFetching, error]);
}

export function GenerationCard({ run }: { run: GenerationRun }) {
  const { params, baseUrl } = run;
  const query = useGeneration(run.id, baseUrl, params);
  const [attemptStartedAt, setAttemptStartedAt] = useState(run.startedAt);
  const [pixelSize, setPixelSize] = useState<string>();
  const [downloadError, setDownloadError] = useState<string>();
  const awake = useBackendStore((s) => Boolean(s.awake[baseUrl]));
  const pending = query.isFetching && !query.data;
  const elapsed = useElapsed(attemptStartedAt, pending);
  const { width, height } = IMAGE_SIZES[params.aspect_ratio];
  const label = `Image for “${params.video_description.slice(0, 80)}”, seed ${params.seed}`;
  useRecordInGallery(run.id, query);

  return (
    <article aria-label={label} aria-busy={pending} className="overflow-hidden rounded-xl border border-line bg-panel">
      <div className="relative bg-raised" style={{ aspectRatio: `${width} / ${height}` }}>
        {query.data ? (
          <img
            src={query.data.imageUrl}
            alt={params.video_description}
            decoding="async"
            {...{ elementtiming: 'result-image' }}
            onLoad={(event) => {
              setPixelSize(`${event.currentTarget.naturalWidth}×${event.currentTarget.naturalHeight}`);
              void keepMedia(run.id);
            }}
            className="absolute inset-0 h-full w-full object-contain"
          />
        ) : query.isError ? (
          <div role="alert" className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center">
            <p className="text-sm font-medium text-danger">Generation failed</p>
            <p className="max-w-md text-sm">{errorText(query.error)}</p>
            <button
              type="button"
              className="min-h-11 rounded-md bg-accent px-4 text-sm font-semibold text-accent-fg"
              onClick={() => {
                setAttemptStartedAt(Date.now());
                void query.refetch();
              }}
            >
              Retry
            </button>
          </div>
        ) : (
          <div className="shimmer absolute inset-0 flex flex-col items-center justify-center gap-1 p-4 text-center">
            <p role="status" className="text-sm font-medium">
              Generating… <span className="tabular-nums">{elapsed.toFixed(1)} s</span>
            </p>
            {!awake && elapsed > WAKE_NOTICE_AFTER_S && (
              <p className="text-xs text-muted">Waking the server: after a rest the hosted service can take up to a minute.</p>
            )}
            {query.failureCount > 0 && (
              <p className="text-xs text-muted">
                Retrying (attempt {query.failureCount + 1}) after: {errorText(query.failureReason)}
              </p>
            )}
          </div>
        )}
      </div>
      <footer className="flex flex-wrap items-center gap-2 p-2 text-xs text-muted">
        <span className="tabular-nums">Seed {query.data?.seed ?? params.seed}</span>
        {pixelSize && <span className="tabular-nums">{pixelSize}</span>}
        {query.data && (
          <span className="ml-auto flex gap-1.5">
            <CopyButton text={String(query.data.seed)} label="Copy seed" className={actionClass} />
            <button
              type="button"
              className={actionClass}
              onClick={() => {
                setDownloadError(undefined);
                downloadFile(query.data.imageUrl, fileNameFor(params.video_description, query.data.seed, params.output_format)).catch(
                  (error: Error) => setDownloadError(error.message),
                );
              }}
            >
              Download
            </button>
          </span>
        )}
        {downloadError && (
          <p role="alert" className="w-full text-danger">
            {downloadError}
          </p>
        )}
      </footer>
    </article>
  );
}
