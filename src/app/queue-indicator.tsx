/**
 * The queue in the navigation: how many runs wait and run, on a button that opens the queue
 * panel. Loaded with the background work, so the first page carries none of it.
 */
import { lazy, Suspense, useState } from 'react';
import { NavIcon } from '../components/nav-icon';
import { useGallery } from '../gallery-store/use-gallery';

const QueuePanel = lazy(() => import('./queue-panel'));

export default function QueueIndicator() {
  const [open, setOpen] = useState(false);
  const queued = useGallery((s) => s.items.reduce((n, item) => n + Number(item.status === 'queued'), 0));
  const running = useGallery((s) => s.items.reduce((n, item) => n + Number(item.status === 'running'), 0));
  const busy = queued + running > 0;
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={`Queue: ${queued} queued, ${running} running`}
        onClick={() => setOpen(true)}
        className={`relative flex min-h-11 w-full min-w-14 flex-col items-center justify-center gap-0.5 rounded-lg px-2 py-1.5 text-[11px] font-medium ${busy ? 'text-fg' : 'text-muted'} hover:bg-raised/60 hover:text-fg`}
      >
        <NavIcon name="queue" />
        Queue
        {busy && (
          <span aria-hidden="true" className="absolute right-1 top-0.5 rounded-full bg-accent px-1.5 text-[10px] font-semibold tabular-nums text-accent-fg">
            {queued + running}
          </span>
        )}
      </button>
      {open && (
        <Suspense fallback={null}>
          <QueuePanel onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
