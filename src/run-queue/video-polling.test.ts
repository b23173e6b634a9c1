/** The queue polling a real video job over HTTP (msw): through 202s, retries, a 5xx and a network loss, to its end. */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GalleryItem } from '../gallery-store/gallery-item';
import { createRunQueue, type RunQueue } from './run-queue';
import { JOB_UNKNOWN } from './run-messages';
import { apiTransport } from './run-transport';
import { memoryGallery, queuedRun, statusStore } from './testing/memory-gallery';

const BASE = 'http://backend.test';
const server = setupServer();
const queues: RunQueue[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  for (const queue of queues.splice(0)) queue.dispose();
});
afterAll(() => server.close());

/** Answers each poll with the next scripted response, and counts the polls. */
function script(responses: Array<() => Response>) {
  let polls = 0;
  server.use(http.get(`${BASE}/api/img2video/result/job1`, () => responses[Math.min(polls++, responses.length - 1)]()));
  return () => polls;
}

/** Runs the real queue on one video job until it ends. */
async function watch(): Promise<GalleryItem> {
  const gallery = memoryGallery([queuedRun('v', 1, { kind: 'video', status: 'running', jobId: 'job1', backend: BASE, request: { seed: 1, cfg_scale: 1.5, motion_bucket_id: 127 } } as Partial<GalleryItem>)]);
  const queue = createRunQueue({
    items: gallery.port,
    transport: apiTransport,
    status: statusStore(),
    concurrency: () => 1,
    pollMs: () => 5,
    isOnline: () => true,
    onReady: () => undefined,
    random: () => 0,
  });
  queues.push(queue);
  queue.lead();
  await expect.poll(() => gallery.get('v').status, { timeout: 10_000 }).not.toBe('running');
  return gallery.get('v');
}

const inProgress = () => HttpResponse.json({ status: 'in-progress', message: 'wait' }, { status: 202 });
const retry = () => HttpResponse.json({ status: 'retry' });
const complete = () => HttpResponse.json({ status: 'complete', video_url: '/processed_videos/v.mp4', finish_reason: 'SUCCESS', seed: '77' });

describe('video job polling by the queue', () => {
  it('polls through 202, 202 and retry to the finished video', async () => {
    const polls = script([inProgress, inProgress, retry, complete]);
    expect(await watch()).toMatchObject({ status: 'ready', remoteUrl: `${BASE}/processed_videos/v.mp4`, finishReason: 'SUCCESS', seed: 77 });
    expect(polls()).toBe(4);
  });

  it('stops at once on 404: an unknown job will not appear', async () => {
    const polls = script([() => HttpResponse.json({ error: 'No video generation has that id' }, { status: 404 })]);
    expect(await watch()).toMatchObject({ status: 'failed', problem: JOB_UNKNOWN });
    expect(polls()).toBe(1);
  });

  it('keeps going through a passing 5xx', async () => {
    const polls = script([() => HttpResponse.json({ error: 'busy' }, { status: 503 }), inProgress, complete]);
    expect((await watch()).status).toBe('ready');
    expect(polls()).toBe(3);
  });

  it('outlasts a long network loss, and finishes when the server is back', async () => {
    const polls = script([...Array.from({ length: 6 }, () => () => HttpResponse.error()), inProgress, complete]);
    expect((await watch()).status).toBe('ready');
    expect(polls()).toBe(8);
  });

  it('marks content-filtered results', async () => {
    script([() => HttpResponse.json({ status: 'complete', video_url: '/processed_videos/v.mp4', finish_reason: 'CONTENT_FILTERED', seed: 3 })]);
    expect(await watch()).toMatchObject({ status: 'ready', finishReason: 'CONTENT_FILTERED', seed: 3, problem: 'The service filtered this video for its content.' });
  });
});
