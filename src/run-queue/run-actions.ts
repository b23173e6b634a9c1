/**
 * What pages and cards do with runs: queue new ones, cancel, retry, move to the top. Each is a
 * change to the run's gallery item; the queue, in whichever tab leads, acts on it.
 */
import { type GalleryItem, isActive } from '../gallery-store/gallery-item';
import { galleryStore } from '../gallery-store/use-gallery';
import { CANCELLED, STOPPED_WAITING } from './run-messages';

export type NewRun = { item: GalleryItem; source?: Blob };

/** Queues runs, to be sent in the order given: each is its gallery item from now on, written before anything is sent. */
export function enqueueRuns(runs: NewRun[]): Promise<void> {
  const queuedAt = Date.now();
  return galleryStore.getState().enqueue(runs.map(({ item, source }, i) => ({ item: { ...item, status: 'queued', attempts: 0, queueOrder: queuedAt + i } as GalleryItem, source })));
}

const find = (id: string) => galleryStore.getState().items.find((item) => item.id === id);

export function cancelRun(id: string): void {
  const item = find(id);
  if (!item || !isActive(item)) return;
  const watchingJob = item.kind === 'video' && item.jobId;
  galleryStore.getState().patch(id, { status: 'cancelled', problem: watchingJob ? STOPPED_WAITING : CANCELLED, startedAt: undefined, retryAt: undefined });
}

/** Sends a failed or cancelled run again; a video job that has an id is asked after again. */
export function retryRun(id: string): void {
  const item = find(id);
  if (!item || isActive(item) || item.status === 'ready') return;
  const asksJob = item.kind === 'video' && item.jobId;
  galleryStore.getState().patch(id, { status: asksJob ? 'running' : 'queued', attempts: 0, problem: undefined, retryAt: undefined, resent: undefined });
}

/** Puts a queued run first in its backend's line. */
export function moveToTop(id: string): void {
  const item = find(id);
  if (item?.status !== 'queued') return;
  const first = Math.min(...galleryStore.getState().items.filter((other) => other.status === 'queued' && other.backend === item.backend).map((other) => other.queueOrder ?? other.createdAt));
  galleryStore.getState().patch(id, { queueOrder: first - 1 });
}
