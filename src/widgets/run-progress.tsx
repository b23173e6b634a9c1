/**
 * A run's state while it is not done, for every card: queued with its place and why it waits,
 * running with its time and estimate (and whether it was sent again after a page closed), or
 * ended without a result with its reason; Cancel and Retry where they apply.
 */
import { useBackendStore } from '../api/backend';
import { Button } from '../components/button';
import { type GalleryItem, isActive } from '../gallery-store/gallery-item';
import { useElapsed } from '../lib/use-elapsed';
import { useNow } from '../lib/use-now';
import { cancelRun, retryRun } from '../run-queue/run-actions';
import { describeWait, useRunWait } from '../run-queue/use-run-wait';

const WAKE_NOTICE_AFTER_S = 5;

export function formatSeconds(seconds: number): string {
  const whole = Math.floor(seconds);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** What the card of an unfinished run shows in place of its picture. */
export function RunProgress({ item, working, failed }: { item: GalleryItem; working: string; failed: string }) {
  const active = isActive(item);
  const now = useNow(active);
  const wait = useRunWait(item, now);
  const elapsed = useElapsed(item.startedAt ?? item.createdAt, item.status === 'running');
  const awake = useBackendStore((s) => Boolean(s.awake[item.backend]));
  const polling = item.kind === 'video' && Boolean(item.jobId);

  if (!active) {
    return (
      <div role="alert" className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center">
        <p className="text-sm font-medium text-danger">{item.status === 'cancelled' ? 'Cancelled' : failed}</p>
        {item.problem && item.problem !== 'Cancelled.' && <p className="max-w-md text-sm">{item.problem}</p>}
        <Button variant="primary" onClick={() => retryRun(item.id)}>
          Retry
        </Button>
      </div>
    );
  }
  return (
    <div className="shimmer absolute inset-0 flex flex-col items-center justify-center gap-1.5 p-4 text-center">
      <p role="status" className="text-sm font-medium">
        {item.status === 'running' ? (
          <>
            {polling ? 'Rendering video…' : `${working}…`} <span className="tabular-nums">{formatSeconds(elapsed)}</span>
          </>
        ) : (
          describeWait(item, wait, now)
        )}
      </p>
      {item.status === 'running' && wait.reason && <p className="text-xs text-muted">{wait.reason}</p>}
      {wait.estimateSeconds !== undefined && <p className="text-xs text-muted">About {formatSeconds(wait.estimateSeconds)} to go</p>}
      {item.resent && item.status === 'running' && !polling && <p className="text-xs text-muted">Sent again: the page was closed while it was running.</p>}
      {polling && <p className="text-xs text-muted">You can leave this page or reload: the job carries on.</p>}
      {item.status === 'running' && !awake && elapsed > WAKE_NOTICE_AFTER_S && !polling && (
        <p className="text-xs text-muted">Waking the server: after a rest the hosted service can take up to a minute.</p>
      )}
      {item.problem && (
        <p className="text-xs text-muted">
          {item.attempts ? `Attempt ${item.attempts + 1} after: ` : 'Last answer: '}
          {item.problem}
        </p>
      )}
      <Button variant="small" className="mt-1" onClick={() => cancelRun(item.id)}>
        {polling ? 'Stop waiting' : 'Cancel'}
      </Button>
    </div>
  );
}
