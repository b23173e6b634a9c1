import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { GalleryItem } from '../gallery-store/gallery-item';
import { createRunQueue, type RunQueue, type RunTransport, SOURCE_MISSING } from './run-queue';
import { memoryGallery, queuedRun as run, statusStore } from './testing/memory-gallery';
import { MAX_ATTEMPTS } from './run-outcome';

/** A backend whose answers the test releases one by one. */
function controlledTransport() {
  const calls: Array<{ id: string; signal: AbortSignal; settled: boolean; resolve(url: string): void; reject(error: unknown): void }> = [];
  const transport: RunTransport = {
    sendImage: (item, _source, signal) =>
      new Promise((resolve, reject) => {
        const call = {
          id: item.id,
          signal,
          settled: false,
          resolve: (url: string) => {
            call.settled = true;
            resolve({ imageUrl: url, seed: item.seed });
          },
          reject: (error: unknown) => {
            call.settled = true;
            reject(error);
          },
        };
        calls.push(call);
        signal.addEventListener('abort', () => call.reject(new ApiError('aborted', 'cancelled')));
      }),
    startVideo: async () => ({ id: 'job-1', model: 'local:preview' }),
    pollVideo: vi.fn(async () => ({ status: 'complete' as const, videoUrl: 'http://engine.test/v.mp4', finishReason: 'SUCCESS', seed: 5 })),
  };
  const open = () => calls.filter((call) => !call.settled);
  return { transport, calls, open };
}

const queues: RunQueue[] = [];
function startQueue(gallery: ReturnType<typeof memoryGallery>, transport: RunTransport, extra: { online?: () => boolean; concurrency?: number } = {}) {
  const status = statusStore();
  const ready: string[] = [];
  const queue = createRunQueue({
    items: gallery.port,
    transport,
    status,
    concurrency: () => extra.concurrency ?? 2,
    pollMs: () => 1000,
    isOnline: extra.online ?? (() => true),
    onReady: (id) => ready.push(id),
    random: () => 0.5,
  });
  queues.push(queue);
  return { queue, status, ready };
}

/** Lets promise callbacks and microtasks run, with time standing still. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const queue of queues.splice(0)) queue.dispose();
  vi.useRealTimers();
});

describe('run queue', () => {
  it('sends queued runs oldest first, at most the concurrency limit at once, and records each outcome', async () => {
    const gallery = memoryGallery();
    for (let i = 1; i <= 5; i++) gallery.add(run(`r${i}`, i));
    const backend = controlledTransport();
    const { queue, ready } = startQueue(gallery, backend.transport);
    queue.lead();
    await settle();
    expect(backend.open().map((call) => call.id)).toEqual(['r1', 'r2']);
    expect(gallery.get('r1').status).toBe('running');
    expect(gallery.get('r3').status).toBe('queued');
    backend.open()[0].resolve('http://engine.test/images/r1.png');
    await settle();
    expect(gallery.get('r1')).toMatchObject({ status: 'ready', remoteUrl: 'http://engine.test/images/r1.png' });
    expect(ready).toEqual(['r1']);
    expect(backend.open().map((call) => call.id)).toEqual(['r2', 'r3']);
  });

  it('does nothing until it leads, and a tab that takes over resends what was running', async () => {
    const gallery = memoryGallery([run('was-running', 1, { status: 'running' }), run('waiting', 2)]);
    const backend = controlledTransport();
    const first = startQueue(gallery, backend.transport);
    await settle();
    expect(backend.calls).toHaveLength(0);
    first.queue.lead();
    await settle();
    expect(backend.open().map((call) => call.id)).toEqual(['was-running', 'waiting']);
    expect(gallery.get('was-running').resent).toBe(true);
    expect(gallery.get('waiting').resent).toBeUndefined();

    // The leading tab closes mid-run: its requests die with it, and the next tab takes over.
    first.queue.dispose();
    const second = startQueue(gallery, backend.transport);
    second.queue.lead();
    await settle();
    expect(backend.open().map((call) => call.id)).toEqual(['was-running', 'waiting']);
    expect(gallery.get('waiting').resent).toBe(true);
  });

  it('pauses the whole backend on a 429 until Retry-After, without counting an attempt', async () => {
    const gallery = memoryGallery([run('a', 1), run('b', 2), run('c', 3)]);
    const backend = controlledTransport();
    const { queue, status } = startQueue(gallery, backend.transport, { concurrency: 1 });
    queue.lead();
    await settle();
    backend.open()[0].reject(new ApiError('http', 'Too many requests', 429, 42_000));
    await settle();
    expect(gallery.get('a')).toMatchObject({ status: 'queued' });
    expect(gallery.get('a').attempts ?? 0).toBe(0);
    expect(status.getState().pauses['']).toMatchObject({ reason: 'rate-limited' });
    await vi.advanceTimersByTimeAsync(41_000);
    expect(backend.open()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(backend.open().map((call) => call.id)).toEqual(['a']);
    expect(status.getState().pauses['']).toBeUndefined();
  });

  it('after a rate-limit pause sends one run first, and the rest once it got through', async () => {
    const gallery = memoryGallery([run('a', 1), run('b', 2), run('c', 3), run('d', 4)]);
    const backend = controlledTransport();
    const { queue } = startQueue(gallery, backend.transport, { concurrency: 3 });
    queue.lead();
    await settle();
    for (const call of backend.open()) call.reject(new ApiError('http', 'Too many requests', 429, 5_000));
    await vi.advanceTimersByTimeAsync(6_000);
    expect(backend.open().map((call) => call.id)).toEqual(['a']);
    backend.open()[0].resolve('http://engine.test/images/a.png');
    await settle();
    expect(backend.open().map((call) => call.id)).toEqual(['b', 'c', 'd']);
  });

  it('pauses everything while offline and resumes when the browser is online again', async () => {
    let online = true;
    const gallery = memoryGallery([run('a', 1)]);
    const backend = controlledTransport();
    const { queue, status } = startQueue(gallery, backend.transport, { online: () => online });
    queue.lead();
    await settle();
    online = false;
    backend.open()[0].reject(new ApiError('network', 'Could not reach the server.'));
    await settle();
    expect(status.getState().offline).toBe(true);
    expect(gallery.get('a').status).toBe('queued');
    gallery.add(run('b', 2));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(backend.open()).toHaveLength(0);
    online = true;
    queue.online();
    await settle();
    expect(backend.open().map((call) => call.id)).toEqual(['a', 'b']);
  });

  it('backs off after server errors and gives up after MAX_ATTEMPTS with the reason', async () => {
    const gallery = memoryGallery([run('flaky', 1)]);
    const backend = controlledTransport();
    const { queue } = startQueue(gallery, backend.transport);
    queue.lead();
    await settle();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(backend.open()).toHaveLength(1);
      backend.open()[0].reject(new ApiError('http', 'The server had a problem (HTTP 500).', 500));
      await settle();
      if (attempt < MAX_ATTEMPTS) {
        expect(gallery.get('flaky')).toMatchObject({ status: 'queued', attempts: attempt });
        expect(backend.open()).toHaveLength(0);
        await vi.advanceTimersByTimeAsync(31_000);
      }
    }
    expect(gallery.get('flaky')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(gallery.get('flaky').problem).toMatch(/^Gave up after 5 attempts\. The last one failed: The server had a problem/);
  });

  it('fails a run at once on a 4xx the creator must fix', async () => {
    const gallery = memoryGallery([run('bad', 1)]);
    const backend = controlledTransport();
    const { queue } = startQueue(gallery, backend.transport);
    queue.lead();
    await settle();
    backend.open()[0].reject(new ApiError('http', 'prompt is required', 400));
    await settle();
    expect(gallery.get('bad')).toMatchObject({ status: 'failed', problem: 'prompt is required' });
    expect(backend.calls).toHaveLength(1);
  });

  it('aborts a running request when its run is cancelled, and takes the next one', async () => {
    const gallery = memoryGallery([run('a', 1), run('b', 2)]);
    const backend = controlledTransport();
    const { queue } = startQueue(gallery, backend.transport, { concurrency: 1 });
    queue.lead();
    await settle();
    const first = backend.calls[0];
    gallery.port.patch('a', { status: 'cancelled' });
    await settle();
    expect(first.signal.aborted).toBe(true);
    expect(gallery.get('a').status).toBe('cancelled');
    expect(backend.open().map((call) => call.id)).toEqual(['b']);
  });

  it('sends a moved-to-top run first', async () => {
    const gallery = memoryGallery([run('a', 1), run('b', 2), run('c', 3, { queueOrder: 0 })]);
    const backend = controlledTransport();
    const { queue } = startQueue(gallery, backend.transport, { concurrency: 1 });
    queue.lead();
    await settle();
    expect(backend.open().map((call) => call.id)).toEqual(['c']);
  });

  it('starts a video, records the model the engine names, then polls its job until it is complete', async () => {
    const gallery = memoryGallery();
    gallery.add(run('v', 1, { kind: 'video', request: { seed: 1, cfg_scale: 1.5, motion_bucket_id: 127 } } as Partial<GalleryItem>), new Blob(['png']));
    const backend = controlledTransport();
    const { queue, ready } = startQueue(gallery, backend.transport);
    queue.lead();
    await settle();
    expect(gallery.get('v')).toMatchObject({ status: 'running', jobId: 'job-1', model: 'local:preview' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.transport.pollVideo).toHaveBeenCalledTimes(1);
    expect(gallery.get('v')).toMatchObject({ status: 'ready', remoteUrl: 'http://engine.test/v.mp4', seed: 5 });
    expect(ready).toEqual(['v']);
  });

  it('fails a transform whose source picture is gone, naming why', async () => {
    const gallery = memoryGallery([run('t', 1, { kind: 'transform' } as Partial<GalleryItem>)]);
    const backend = controlledTransport();
    const { queue } = startQueue(gallery, backend.transport);
    queue.lead();
    await settle();
    expect(gallery.get('t')).toMatchObject({ status: 'failed', problem: SOURCE_MISSING });
  });
});
