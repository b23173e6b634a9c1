/**
 * Where a run stands while it waits or runs, in words: its place in its backend's line, why the
 * line is paused (rate limit, offline, an unreachable backend) and for how long, and an estimate
 * from that backend's recent median.
 */
import { useMemo } from 'react';
import { type GalleryItem, isActive } from '../gallery-store/gallery-item';
import { useGallery } from '../gallery-store/use-gallery';
import { medianDuration, useQueueStatus } from './queue-status';

export interface RunWait {
  /** 1 for the next run to go on its backend; undefined unless queued. */
  position?: number;
  /** Why it is not being sent right now, if a pause holds it. */
  reason?: string;
  /** Seconds until it is likely done, when the backend has a history. */
  estimateSeconds?: number;
}

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** Queued runs of one backend in the order the queue sends them. */
export function queueLine(items: readonly GalleryItem[], backend: string): GalleryItem[] {
  return items.filter((item) => item.status === 'queued' && item.backend === backend).sort((a, b) => (a.queueOrder ?? a.createdAt) - (b.queueOrder ?? b.createdAt));
}

export function describeWait(item: GalleryItem, wait: RunWait, now: number): string {
  if (wait.reason) return wait.reason;
  if (item.status === 'queued' && item.retryAt && item.retryAt > now) return `Trying again in ${Math.ceil((item.retryAt - now) / 1000)} s`;
  if (item.status === 'queued' && wait.position) return wait.position === 1 ? 'Queued: next in line' : `Queued: ${ordinal(wait.position)} in line`;
  return item.status === 'queued' ? 'Queued' : 'Running';
}

export function useRunWait(item: GalleryItem, now: number): RunWait {
  const line = useGallery((s) => (item.status === 'queued' ? queueLine(s.items, item.backend).map((other) => other.id).join(' ') : ''));
  const running = useGallery((s) => s.items.filter((other) => other.backend === item.backend && other.status === 'running').length);
  const pause = useQueueStatus((s) => s.pauses[item.backend]);
  const offline = useQueueStatus((s) => s.offline);
  const median = useQueueStatus((s) => medianDuration(s.durations[item.backend]));
  return useMemo(() => {
    if (!isActive(item)) return {};
    const position = item.status === 'queued' ? line.split(' ').indexOf(item.id) + 1 || undefined : undefined;
    let reason: string | undefined;
    const pausedMs = !offline && pause && pause.until > now ? pause.until - now : 0;
    if (offline) reason = 'Offline: waits for the connection to come back';
    else if (pausedMs) {
      const seconds = Math.ceil(pausedMs / 1000);
      reason = pause!.reason === 'rate-limited' ? `Rate limited: next in ${seconds} s` : `The backend is not answering: trying again in ${seconds} s`;
    }
    let estimateSeconds: number | undefined;
    if (median !== undefined) {
      const elapsed = item.status === 'running' && item.startedAt ? now - item.startedAt : 0;
      const ahead = position ? Math.ceil(position / Math.max(1, running || 1)) : 0;
      estimateSeconds = Math.max(0, Math.round((pausedMs + median * (ahead + 1) - elapsed) / 1000));
    }
    return { position, reason, estimateSeconds };
  }, [item, line, running, pause, offline, median, now]);
}
