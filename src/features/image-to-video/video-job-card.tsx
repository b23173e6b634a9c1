/**
 * One video run: its place in the queue, then its job's progress (rendering, "Stop waiting" at
 * any time, a question after ten minutes); when done, the video playing inline, muted and looping.
 */
import { useState } from 'react';
import { VIDEO_SIZES } from '../../api/contract';
import { Button } from '../../components/button';
import { downloadItem } from '../../gallery-store/download-item';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { useMediaUrl } from '../../gallery-store/use-media-url';
import { useElapsed } from '../../lib/use-elapsed';
import { cancelRun } from '../../run-queue/run-actions';
import { RunProgress } from '../../widgets/run-progress';

export const LONG_JOB_SECONDS = 10 * 60;

type VideoItem = Extract<GalleryItem, { kind: 'video' }>;

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** After ten minutes of rendering, asks whether to keep waiting. */
function LongJobQuestion({ item }: { item: VideoItem }) {
  const elapsed = useElapsed(item.createdAt, true);
  const [askAfter, setAskAfter] = useState(LONG_JOB_SECONDS);
  if (elapsed <= askAfter) return null;
  return (
    <div role="alert" className="absolute inset-x-2 top-2 flex flex-col items-center gap-2 rounded-md bg-canvas/90 p-3 text-center">
      <p className="text-sm">This video has been rendering for over {Math.round(askAfter / 60)} minutes. Keep waiting?</p>
      <div className="flex gap-2">
        <Button onClick={() => setAskAfter(elapsed + LONG_JOB_SECONDS)}>Keep waiting</Button>
        <Button onClick={() => cancelRun(item.id)}>Stop waiting</Button>
      </div>
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
  const rendering = item.status === 'running' && Boolean(item.jobId);
  return (
    <article aria-label={label} aria-busy={item.status === 'queued' || item.status === 'running'} className="overflow-hidden rounded-xl border border-line bg-panel">
      <div className="relative bg-raised" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
        {item.status === 'ready' ? <Finished item={item} /> : <RunProgress item={item} working="Starting the video" failed="No video" />}
        {rendering && <LongJobQuestion item={item} />}
      </div>
      <footer className="flex flex-wrap items-center gap-2 p-2 text-xs text-muted">
        <span className="tabular-nums">Seed {item.seed}</span>
        <span className="tabular-nums">
          Motion {item.request.motion_bucket_id} · CFG {item.request.cfg_scale}
        </span>
        {item.finishReason === 'CONTENT_FILTERED' && <span className="rounded bg-danger/20 px-1.5 py-0.5 text-fg">Content filtered</span>}
        {item.status === 'ready' && (
          <Button
            variant="small"
            className="ml-auto"
            onClick={() => {
              setDownloadError(undefined);
              downloadItem(item).catch((error: Error) => setDownloadError(`The video could not be downloaded: ${error.message}.`));
            }}
          >
            Download
          </Button>
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
