/**
 * One Create or Transform run: a shimmering placeholder while it runs, then the picture with its
 * actions (or a before/after comparison with the source), or its error and Retry.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../api/api-error';
import { useBackendStore } from '../api/backend';
import type { PixelSize } from '../api/contract';
import type { GeneratedImage } from '../api/image-result';
import { CompareSlider } from '../components/compare-slider';
import { CopyButton } from '../components/copy-button';
import { RUN_FAILED, useRecordRun } from '../gallery-store/record-run';
import { keepMedia } from '../gallery-store/save-result';
import { APP_PATHS, withSourceItem } from '../lib/app-paths';
import { downloadFile } from '../lib/download-file';
import { useElapsed } from '../lib/use-elapsed';

const WAKE_NOTICE_AFTER_S = 5;
export const CARD_ACTION_CLASS = 'inline-flex min-h-9 items-center rounded-md border border-line bg-panel/90 px-3 text-xs font-medium hover:text-accent';

interface ResultCardProps {
  /** The run's id, which is also its gallery item's id. */
  runId: string;
  baseUrl: string;
  startedAt: number;
  /** The seed sent, shown until the server says which it used. */
  seed: number;
  query: UseQueryResult<GeneratedImage, unknown>;
  /** The card's accessible name. */
  label: string;
  alt: string;
  size: PixelSize;
  fileName(seed: number): string;
  /** The source picture of a transform, for a before/after comparison. */
  before?: string;
}

export function ResultCard({ runId, baseUrl, startedAt, seed, query, label, alt, size, fileName, before }: ResultCardProps) {
  const [attemptStartedAt, setAttemptStartedAt] = useState(startedAt);
  const [pixelSize, setPixelSize] = useState<string>();
  const [downloadError, setDownloadError] = useState<string>();
  const awake = useBackendStore((s) => Boolean(s.awake[baseUrl]));
  const pending = query.isFetching && !query.data;
  const elapsed = useElapsed(attemptStartedAt, pending);
  useRecordRun(runId, query);

  function loaded(image: HTMLImageElement) {
    setPixelSize(`${image.naturalWidth}×${image.naturalHeight}`);
    void keepMedia(runId);
  }

  return (
    <article aria-label={label} aria-busy={pending} className="overflow-hidden rounded-xl border border-line bg-panel">
      <div className="relative bg-raised" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
        {query.data && before ? (
          <CompareSlider before={before} after={query.data.imageUrl} afterAlt={alt} onAfterLoad={loaded} />
        ) : query.data ? (
          <img
            src={query.data.imageUrl}
            alt={alt}
            decoding="async"
            {...{ elementtiming: 'result-image' }}
            onLoad={(event) => loaded(event.currentTarget)}
            className="absolute inset-0 h-full w-full object-contain"
          />
        ) : query.isError ? (
          <div role="alert" className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center">
            <p className="text-sm font-medium text-danger">Generation failed</p>
            <p className="max-w-md text-sm">{errorMessage(query.error, RUN_FAILED)}</p>
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
                Retrying (attempt {query.failureCount + 1}) after: {errorMessage(query.failureReason, RUN_FAILED)}
              </p>
            )}
          </div>
        )}
      </div>
      <footer className="flex flex-wrap items-center gap-2 p-2 text-xs text-muted">
        <span className="tabular-nums">Seed {query.data?.seed ?? seed}</span>
        {pixelSize && <span className="tabular-nums">{pixelSize}</span>}
        {query.data && (
          <span className="ml-auto flex flex-wrap gap-1.5">
            <CopyButton text={String(query.data.seed)} label="Copy seed" className={CARD_ACTION_CLASS} />
            <button
              type="button"
              className={CARD_ACTION_CLASS}
              onClick={() => {
                setDownloadError(undefined);
                downloadFile(query.data.imageUrl, fileName(query.data.seed)).catch((error: Error) => setDownloadError(error.message));
              }}
            >
              Download
            </button>
            <Link href={withSourceItem(APP_PATHS.transform, runId)} className={CARD_ACTION_CLASS}>
              Transform
            </Link>
            <Link href={withSourceItem(APP_PATHS.animate, runId)} className={CARD_ACTION_CLASS}>
              Animate
            </Link>
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
