/**
 * The run queue: the one owner of every run, whichever page is open. Runs are gallery items; the
 * queue sends the queued ones in order, a few at a time per backend, polls video jobs, and writes
 * every outcome back to the item. It pauses a backend on 429 until Retry-After, everything while
 * offline, backs off after server errors, and gives a run up only after MAX_ATTEMPTS. Only the
 * tab that leads sends; a new leader resends what was running when the old one closed.
 */
import type { StoreApi } from 'zustand';
import type { VideoProgress } from '../api/video-result';
import { type GalleryItem, isActive } from '../gallery-store/gallery-item';
import { CONTENT_FILTERED, JOB_FAILED, JOB_UNKNOWN } from './run-messages';
import { attemptOutcome, backoffMs, gaveUp, MAX_ATTEMPTS, BUSY_WAIT_MS } from './run-outcome';
import type { QueueStatus } from './queue-status';

export type ImageRun = Extract<GalleryItem, { kind: 'image' | 'transform' }>;
export type VideoRun = Extract<GalleryItem, { kind: 'video' }>;

/** The gallery, as the queue sees it. */
export interface QueueItems {
  items(): readonly GalleryItem[];
  subscribe(listener: () => void): () => void;
  patch(id: string, patch: Partial<GalleryItem>): void;
  /** The picture a transform or video run sends. */
  source(id: string): Promise<Blob | undefined>;
}

/** The API calls a run makes. */
export interface RunTransport {
  sendImage(run: ImageRun, source: Blob | undefined, signal: AbortSignal): Promise<{ imageUrl: string; seed: number; model?: string }>;
  startVideo(run: VideoRun, source: Blob, signal: AbortSignal): Promise<{ id: string; model?: string }>;
  pollVideo(run: VideoRun, signal: AbortSignal): Promise<VideoProgress>;
}

export interface RunQueueOptions {
  items: QueueItems;
  transport: RunTransport;
  status: Pick<StoreApi<QueueStatus>, 'getState' | 'setState'>;
  /** How many runs may be in flight at once on this backend. */
  concurrency(backend: string): number;
  pollMs(): number;
  isOnline(): boolean;
  /** A run just finished with a result: keep its media. */
  onReady(id: string): void;
  random?: () => number;
}

export interface RunQueue {
  /** This tab drives the queue from now on. */
  lead(): void;
  /** The browser is back online: resume at once. */
  online(): void;
  offline(): void;
  dispose(): void;
}

export const SOURCE_MISSING = 'The picture this run sends is no longer kept in this browser, so it cannot be sent.';

interface Flight {
  backend: string;
  controller: AbortController;
  /** Polls of a video job do not take a sending slot. */
  polling: boolean;
}

const orderOf = (item: GalleryItem) => item.queueOrder ?? item.createdAt;

export function createRunQueue(options: RunQueueOptions): RunQueue {
  const { items, transport, status } = options;
  const random = options.random ?? Math.random;
  const flights = new Map<string, Flight>();
  /** Consecutive failures to reach each backend, for its backoff. */
  const unreachableCount = new Map<string, number>();
  /** Backends just out of a rate-limit pause: one run goes first, the rest once it got through. */
  const probing = new Set<string>();
  let leading = false;
  let disposed = false;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeAt = Infinity;
  let pumpQueued = false;

  const find = (id: string) => items.items().find((item) => item.id === id);

  function wakeAtTime(time: number) {
    if (time >= wakeAt) return;
    clearTimeout(wakeTimer);
    wakeAt = time;
    wakeTimer = setTimeout(() => {
      wakeAt = Infinity;
      pump();
    }, Math.max(0, time - Date.now()));
  }

  function pauseBackend(backend: string, until: number, reason: 'rate-limited' | 'unreachable') {
    const pauses = status.getState().pauses;
    if ((pauses[backend]?.until ?? 0) >= until) return;
    status.setState({ pauses: { ...pauses, [backend]: { until, reason } } });
    wakeAtTime(until);
  }

  function pausedUntil(backend: string, now: number): number | undefined {
    const pause = status.getState().pauses[backend];
    if (!pause) return undefined;
    if (pause.until > now) return pause.until;
    if (pause.reason === 'rate-limited') probing.add(backend);
    const { [backend]: _ended, ...rest } = status.getState().pauses;
    status.setState({ pauses: rest });
    return undefined;
  }

  /** Runs `pump` once after the current change settles, never inside another pump. */
  function schedulePump() {
    if (pumpQueued || disposed) return;
    pumpQueued = true;
    queueMicrotask(() => {
      pumpQueued = false;
      pump();
    });
  }

  function pump() {
    if (!leading || disposed) return;
    const now = Date.now();
    const all = items.items();
    const active = all.filter(isActive);
    const activeIds = new Set(active.map((item) => item.id));
    // A run cancelled or deleted anywhere stops here.
    for (const [id, flight] of flights) {
      if (!activeIds.has(id)) {
        flight.controller.abort();
        flights.delete(id);
      }
    }
    const offline = status.getState().offline;
    const byBackend = new Map<string, GalleryItem[]>();
    for (const item of active) {
      if (flights.has(item.id)) continue;
      if (item.kind === 'video' && item.status === 'running' && item.jobId) {
        if (!offline) poll(item, 0);
        continue;
      }
      byBackend.set(item.backend, [...(byBackend.get(item.backend) ?? []), item]);
    }
    if (offline) return;
    for (const [backend, waiting] of byBackend) {
      const until = pausedUntil(backend, now);
      if (until) {
        wakeAtTime(until);
        continue;
      }
      const sending = [...flights.values()].filter((flight) => flight.backend === backend && !flight.polling).length;
      let free = (probing.has(backend) ? 1 : options.concurrency(backend)) - sending;
      // What was running when its page closed goes first, then the queue in order.
      const ordered = waiting.sort((a, b) => Number(b.status === 'running') - Number(a.status === 'running') || orderOf(a) - orderOf(b));
      for (const item of ordered) {
        if (free <= 0) break;
        if (item.retryAt && item.retryAt > now) {
          wakeAtTime(item.retryAt);
          continue;
        }
        free--;
        send(item);
      }
    }
  }

  function finishAttempt(id: string) {
    flights.delete(id);
    schedulePump();
  }

  /** Applies a failed attempt's outcome to its run. */
  function failed(item: GalleryItem, error: unknown, signal: AbortSignal) {
    const outcome = attemptOutcome(error, options.isOnline(), signal.aborted);
    const attempts = item.attempts ?? 0;
    const current = find(item.id);
    if (!current || !isActive(current)) return;
    const notCounted = { status: 'queued' as const, startedAt: undefined };
    switch (outcome.type) {
      case 'cancelled':
        return;
      case 'rate-limited':
        items.patch(item.id, notCounted);
        pauseBackend(item.backend, Date.now() + outcome.waitMs, 'rate-limited');
        return;
      case 'offline':
        items.patch(item.id, notCounted);
        goOffline();
        return;
      case 'busy':
        items.patch(item.id, { ...notCounted, retryAt: Date.now() + BUSY_WAIT_MS, problem: outcome.message });
        return;
      case 'failed':
        items.patch(item.id, { status: 'failed', problem: outcome.message, startedAt: undefined });
        return;
      case 'unreachable':
      case 'retry': {
        const tried = attempts + 1;
        if (tried >= MAX_ATTEMPTS) {
          items.patch(item.id, { status: 'failed', attempts: tried, problem: gaveUp(tried, outcome.message), startedAt: undefined });
          return;
        }
        const wait = backoffMs(tried, random);
        if (outcome.type === 'unreachable') {
          const count = (unreachableCount.get(item.backend) ?? 0) + 1;
          unreachableCount.set(item.backend, count);
          pauseBackend(item.backend, Date.now() + backoffMs(count, random), 'unreachable');
        }
        items.patch(item.id, { status: 'queued', attempts: tried, retryAt: Date.now() + wait, problem: outcome.message, startedAt: undefined });
      }
    }
  }

  function reached(backend: string) {
    unreachableCount.delete(backend);
    probing.delete(backend);
  }

  async function send(item: GalleryItem) {
    const controller = new AbortController();
    flights.set(item.id, { backend: item.backend, controller, polling: false });
    const startedAt = Date.now();
    items.patch(item.id, {
      status: 'running',
      startedAt,
      retryAt: undefined,
      resent: item.resent || item.status === 'running' || undefined,
    });
    try {
      const source = item.kind === 'image' ? undefined : await items.source(item.id);
      if (item.kind !== 'image' && !source) {
        items.patch(item.id, { status: 'failed', problem: SOURCE_MISSING, startedAt: undefined });
        return;
      }
      if (item.kind === 'video') {
        const started = await transport.startVideo(item, source!, controller.signal);
        const jobId = started.id;
        reached(item.backend);
        if (controller.signal.aborted) return;
        items.patch(item.id, { jobId, model: started.model ?? item.model, attempts: 0, problem: undefined });
        flights.delete(item.id);
        poll({ ...item, status: 'running', jobId }, options.pollMs());
        schedulePump();
        return;
      }
      const result = await transport.sendImage(item, source, controller.signal);
      reached(item.backend);
      if (controller.signal.aborted || !isActive(find(item.id) ?? item)) return;
      status.getState().recordDuration(item.backend, Date.now() - startedAt);
      items.patch(item.id, { status: 'ready', remoteUrl: result.imageUrl, seed: result.seed, model: result.model ?? item.model, problem: undefined, retryAt: undefined, startedAt: undefined });
      options.onReady(item.id);
    } catch (error) {
      failed(item, error, controller.signal);
    } finally {
      if (flights.get(item.id)?.controller === controller) finishAttempt(item.id);
    }
  }

  /** Asks after a video job every pollMs until it ends, is cancelled or this tab stops leading. */
  function poll(run: VideoRun, delayMs: number) {
    const controller = new AbortController();
    flights.set(run.id, { backend: run.backend, controller, polling: true });
    const timer = setTimeout(() => void check(), delayMs);
    controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

    async function check() {
      try {
        const progress = await transport.pollVideo(run, controller.signal);
        reached(run.backend);
        if (controller.signal.aborted) return;
        if (progress.status === 'running') {
          flights.delete(run.id);
          poll(run, options.pollMs());
          return;
        }
        flights.delete(run.id);
        if (progress.finishReason === 'ERROR') {
          items.patch(run.id, { status: 'failed', finishReason: progress.finishReason, problem: JOB_FAILED });
          return;
        }
        const current = find(run.id);
        status.getState().recordDuration(run.backend, Date.now() - (current?.createdAt ?? run.createdAt));
        items.patch(run.id, {
          status: 'ready',
          remoteUrl: progress.videoUrl,
          seed: progress.seed || run.seed,
          finishReason: progress.finishReason,
          problem: progress.finishReason === 'CONTENT_FILTERED' ? CONTENT_FILTERED : undefined,
        });
        options.onReady(run.id);
      } catch (error) {
        if (controller.signal.aborted) return;
        flights.delete(run.id);
        const outcome = attemptOutcome(error, options.isOnline(), false);
        if (outcome.type === 'failed') {
          const unknown = (error as { status?: number }).status === 404;
          items.patch(run.id, { status: 'failed', problem: unknown ? JOB_UNKNOWN : outcome.message });
          return;
        }
        if (outcome.type === 'offline') {
          goOffline();
          return;
        }
        // A busy or briefly unreachable backend: the job carries on there, keep asking.
        const wait = outcome.type === 'rate-limited' ? outcome.waitMs : Math.max(options.pollMs(), backoffMs(1, random));
        poll(run, wait);
      } finally {
        schedulePump();
      }
    }
  }

  function goOffline() {
    if (status.getState().offline) return;
    status.setState({ offline: true });
    for (const [, flight] of flights) if (flight.polling) flight.controller.abort();
    for (const [id, flight] of flights) if (flight.polling) flights.delete(id);
  }

  const unsubscribe = items.subscribe(schedulePump);

  return {
    lead() {
      if (leading || disposed) return;
      leading = true;
      status.setState({ leading: true });
      schedulePump();
    },
    online() {
      unreachableCount.clear();
      status.setState({ offline: false, pauses: Object.fromEntries(Object.entries(status.getState().pauses).filter(([, pause]) => pause.reason === 'rate-limited')) });
      schedulePump();
    },
    offline: goOffline,
    dispose() {
      disposed = true;
      unsubscribe();
      clearTimeout(wakeTimer);
      for (const flight of flights.values()) flight.controller.abort();
      flights.clear();
    },
  };
}
