/**
 * One video job: its status and elapsed time while it renders, a question after ten minutes,
 * "Stop waiting" at any time; when done, the video playing inline, muted and looping.
 */
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { useBackendStore } from '../../api/backend';
import { VIDEO_SIZES } from '../../api/contract';
import { useMediaUrl } from '../../gallery-store/use-media-url';
import { checkAgain, stopWaiting, useVideoJobQuery, type VideoItem } from '../../gallery-store/video-job';
import { downloadItem } from '../../gallery-store/download-item';
import { useElapsed } from '../../lib/use-elapsed';

export const LONG_JOB_SECONDS = 10 * 60;
const button = 'inline-flex min-h-11 items-center rounded-md border border-line px-3 text-sm font-medium hover:border-accent';

export function formatElapsed(seconds: number): string {
  const whole = Math.floor(seconds);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function Rendering({ item }: { item: VideoItem }) {
  const query = useVideoJobQuery(item);
  const pollSeconds = useBackendStore((s) => s.pollSeconds);
  const elapsed = useElapsed(item.createdAt, true);
  const [keepWaitingUntil, setKeepWaitingUntil] = useState(LONG_JOB_SECONDS);
  const askToKeepWaiting = elapsed > keepWaitingUntil;
  return (
    <div className="shimmer absolute inset-0 flex flex-col items-center justify-center gap-2 p-4 text-center">
      <p role="status" className="text-sm font-medium">
        Rendering video… <span className="tabular-nums">{formatElapsed(elapsed)}</span>
      </p>
      <p className="text-xs text-muted">Checked every {pollSeconds} s. You can leave this page or reload: the job carries on.</p>
      {query.failureCount > 0 && <p className="text-xs text-muted">Connection trouble, still trying: {errorMessage(query.failureReason, 'no answer')}</p>}
      {askToKeepWaiting ? (
        <div role="alert" className="flex flex-col items-center gap-2 rounded-md bg-canvas/90 p-3">
          <p className="text-sm">This video has been rendering for over {Math.round(keepWaitingUntil / 60)} minutes. Keep waiting?</p>
          <div className="flex gap-2">
            <button type="button" className={button} onClick={() => setKeepWaitingUntil(elapsed + LONG_JOB_SECONDS)}>
              Keep waiting
            </button>
            <button type="button" className={button} onClick={() => stopWaiting(item.id)}>
              Stop waiting
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={`${button} bg-canvas/80`} onClick={() => stopWaiting(item.id)}>
          Stop waiting
        </button>
      )}
    </div>
  );
}

function Finished({ item }: { item: VideoItem }) {
  const src = useMediaUrl(item);
  return src ? (
    <video
      src={src}
      muted
      loop
      playsInline
      controls
      autoPlay={!prefersReducedMotion()}
      aria-label={`Video, seed ${item.seed}`}
      className="absolute inset-0 h-full w-full bg-black object-contain"
    />
  ) : null;
}

export function VideoJobCard({ item }: { item: VideoItem }) {
  const [downloadError, setDownloadError] = useState<string>();
  const size = item.width && item.height ? item : VIDEO_SIZES.landscape;
  const label = `Video job started ${new Date(item.createdAt).toLocaleTimeString()}`;
  return (
    <article aria-label={label} aria-busy={item.status === 'pending'} className="overflow-hidden rounded-xl border border-line bg-panel">
      <div className="relative bg-raised" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
        {item.status === 'pending' ? (
          <Rendering item={item} />
        ) : item.status === 'ready' ? (
          <Finished item={item} />
        ) : (
          <div role="alert" className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center">
            <p className="text-sm font-medium text-danger">No video</p>
            <p className="max-w-md text-sm">{item.problem}</p>
            {item.jobId && (
              <button type="button" className={button} onClick={() => checkAgain(item.id)}>
                Check again
              </button>
            )}
          </div>
        )}
      </div>
      <footer className="flex flex-wrap items-center gap-2 p-2 text-xs text-muted">
        <span className="tabular-nums">Seed {item.seed}</span>
        <span className="tabular-nums">
          Motion {item.request.motion_bucket_id} · CFG {item.request.cfg_scale}
        </span>
        {item.finishReason === 'CONTENT_FILTERED' && <span className="rounded bg-danger/20 px-1.5 py-0.5 text-fg">Content filtered</span>}
        {item.status === 'ready' && (
          <button
            type="button"
            className="ml-auto inline-flex min-h-9 items-center rounded-md border border-line px-3 text-xs font-medium hover:text-accent"
            onClick={() => {
              setDownloadError(undefined);
              downloadItem(item).catch((error: Error) => setDownloadError(`The video could not be downloaded: ${error.message}.`));
            }}
          >
            Download
          </button>
        )}
        {item.status === 'ready' && item.problem && <p className="w-full">{item.problem}</p>}
        {downloadError && (
          <p role="alert" className="w-full text-danger">
            {downloadError}
          </p>
        )}
      </footer>
    </article>
  );
}
