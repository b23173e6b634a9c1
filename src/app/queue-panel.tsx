/**
 * The queue panel: every run still to finish, per backend in the order it goes, with where it
 * stands (place, pause, elapsed time, estimate) and Cancel, Retry and Move to top; then this
 * session's runs that ended without a result, with Retry.
 */
import { useMemo } from 'react';
import { Button } from '../components/button';
import { ModalDialog } from '../components/modal-dialog';
import { type GalleryItem, promptOf } from '../gallery-store/gallery-item';
import { useGallery } from '../gallery-store/use-gallery';
import { useNow } from '../lib/use-now';
import { cancelRun, moveToTop, retryRun } from '../run-queue/run-actions';
import { describeWait, queueSummary, useRunWait } from '../run-queue/use-run-wait';
import { formatSeconds } from '../widgets/run-progress';

const KIND = { image: 'Image', transform: 'Transform', video: 'Video' } as const;
/** Ended runs the panel lists for a Retry: the last few of the past day. */
const RECENT_ENDED = 10;
const ENDED_WITHIN_MS = 24 * 60 * 60 * 1000;

const backendName = (backend: string) => (backend ? new URL(backend).host : 'This server');
const runName = (item: GalleryItem) => `${KIND[item.kind]}${promptOf(item) ? `: ${promptOf(item).slice(0, 60)}` : `, seed ${item.seed}`}`;

function QueueRow({ item, first }: { item: GalleryItem; first: boolean }) {
  const now = useNow(true);
  const wait = useRunWait(item, now);
  const elapsed = item.status === 'running' && item.startedAt ? (now - item.startedAt) / 1000 : (now - item.createdAt) / 1000;
  const name = runName(item);
  return (
    <li aria-label={name} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-line p-2 text-sm">
      <span className="w-8 text-center font-semibold tabular-nums text-muted">{wait.position ? `#${wait.position}` : '▶'}</span>
      <span className="min-w-0 flex-1">
        <span className="block truncate">{name}</span>
        <span className="block text-xs text-muted">
          {item.status === 'running' ? (item.kind === 'video' && item.jobId ? 'Rendering' : 'Running') : describeWait(item, wait, now)}
          {' · '}
          <span className="tabular-nums">{item.status === 'running' ? `${formatSeconds(elapsed)} so far` : `waiting ${formatSeconds(elapsed)}`}</span>
          {wait.estimateSeconds !== undefined && ` · about ${formatSeconds(wait.estimateSeconds)} to go`}
          {item.status === 'running' && wait.reason && ` · ${wait.reason}`}
        </span>
      </span>
      {item.status === 'queued' && !first && (
        <Button variant="small" onClick={() => moveToTop(item.id)}>
          Move to top
        </Button>
      )}
      <Button variant="small" onClick={() => cancelRun(item.id)}>
        Cancel
      </Button>
    </li>
  );
}

export default function QueuePanel({ onClose }: { onClose(): void }) {
  const items = useGallery((s) => s.items);
  const now = useNow(true, 60_000);
  const { backends, ended } = useMemo(() => {
    const { lines, running } = queueSummary(items);
    const names = [...new Set([...running.keys(), ...lines.keys()])];
    return {
      backends: names.map((backend) => ({ backend, running: running.get(backend) ?? [], queued: lines.get(backend) ?? [] })),
      ended: items.filter((item) => (item.status === 'failed' || item.status === 'cancelled') && item.createdAt > now - ENDED_WITHIN_MS).slice(0, RECENT_ENDED),
    };
  }, [items, now]);

  return (
    <ModalDialog title="Run queue" onClose={onClose} className="max-h-[85vh] w-[min(640px,95vw)] overflow-y-auto">
      <div className="p-4">
        {backends.length === 0 && <p className="text-sm text-muted">Nothing is waiting or running. New runs from Create, Transform and Animate line up here.</p>}
        {backends.map(({ backend, running, queued }) => (
          <section key={backend} aria-label={`Runs on ${backendName(backend)}`} className="mb-4">
            <h3 className="mb-2 text-sm font-semibold">
              {backendName(backend)}: {running.length} running, {queued.length} queued
            </h3>
            <ol className="flex flex-col gap-2">
              {[...running, ...queued].map((item, i) => (
                <QueueRow key={item.id} item={item} first={i === running.length} />
              ))}
            </ol>
          </section>
        ))}
        {ended.length > 0 && (
          <section aria-label="Ended without a result" className="mt-4">
            <h3 className="mb-2 text-sm font-semibold">Ended without a result</h3>
            <ul className="flex flex-col gap-2">
              {ended.map((item) => (
                <li key={item.id} aria-label={runName(item)} className="flex flex-wrap items-center gap-3 rounded-md border border-line p-2 text-sm">
                  <span className="min-w-0 flex-1">
                    <span className="block truncate">{runName(item)}</span>
                    <span className="block text-xs text-muted">{item.status === 'cancelled' ? 'Cancelled' : item.problem ?? 'Failed'}</span>
                  </span>
                  <Button variant="small" onClick={() => retryRun(item.id)}>
                    Retry
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </ModalDialog>
  );
}
