/** The render pool: videos made on worker threads, a concurrency cap, and failures contained. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMp4 } from '../testing/mp4-info';
import { createRenderPool, type RenderPool } from './render-pool';
import type { RenderRequest } from './video-options';

const frame = { width: 64, height: 48 };
const request = (seed: number): RenderRequest => ({
  source: { width: 84, height: 62, data: new Uint8ClampedArray(84 * 62 * 3).fill(seed * 40) },
  frame,
  motion: { seed, cfgScale: 1.5, motionBucketId: 127 },
});

let pool: RenderPool;
afterEach(() => pool.close());

describe('render pool', () => {
  it('renders an H.264 MP4 on a worker without adding process handlers to the engine', async () => {
    const handlers = () => ['uncaughtException', 'unhandledRejection'].map((event) => process.listenerCount(event));
    const before = handlers();
    pool = createRenderPool(1);
    const mp4 = await pool.render(request(1));
    expect(readMp4(Buffer.from(mp4))).toMatchObject({ codec: 'avc1', width: 64, height: 48, frames: 72 });
    expect(handlers()).toEqual(before);
  });

  it('runs at most its size at once; the rest wait in order', async () => {
    pool = createRenderPool(1);
    const events: string[] = [];
    const renders = [1, 2, 3].map((seed) =>
      pool.render(request(seed), () => events.push(`start ${seed}`)).then(() => events.push(`done ${seed}`)),
    );
    expect(events).toEqual(['start 1']);
    expect(pool.queued).toBe(2);
    await Promise.all(renders);
    // The next render starts in the same turn as the worker's answer, before the caller hears of it.
    expect(events).toEqual(['start 1', 'start 2', 'done 1', 'start 3', 'done 2', 'done 3']);
  });

  it('fails a render whose worker dies, and replaces the worker for the next one', async () => {
    pool = createRenderPool(1, path.resolve('server/testing/exiting-render-worker.ts'));
    await expect(pool.render(request(1))).rejects.toThrow(/render worker stopped \(exit code 3\)/);
    await expect(pool.render(request(2))).rejects.toThrow(/exit code 3/);
  });

  it('reports a render that throws as a failed render', async () => {
    pool = createRenderPool(1);
    await expect(pool.render({ ...request(1), frame: { width: 0, height: 0 } })).rejects.toThrow();
    expect(readMp4(Buffer.from(await pool.render(request(2)))).frames).toBe(72);
  });

  it('rejects queued renders when closed', async () => {
    pool = createRenderPool(1);
    const outcomes = Promise.allSettled([pool.render(request(1)), pool.render(request(2))]);
    await pool.close();
    expect((await outcomes).map((outcome) => outcome.status === 'rejected' && String(outcome.reason))).toEqual([
      'Error: The engine stopped before the video was rendered',
      'Error: The engine stopped before the video was rendered',
    ]);
  });
});
