/** The contract's image-to-video rows: job start, polling, the MP4 produced, and restarts. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, form, pollVideo, postForm, testPicture } from './testing/fixtures';
import { readMp4 } from './testing/mp4-info';
import { spawnEngine } from './testing/spawn-engine';
import { startTestEngine, type TestEngine } from './testing/test-engine';

let engine: TestEngine;
let landscape: Buffer;
beforeAll(async () => {
  engine = await startTestEngine();
  landscape = await testPicture(1600, 900, 'jpeg');
});
afterAll(() => engine.dispose());

const startVideo = (fields: Record<string, string>, image: Parameters<typeof form>[1], base = engine.url) =>
  postForm(`${base}/api/img2video`, form(fields, image));

async function renderedVideo(fields: Record<string, string>, image: Buffer) {
  const start = await startVideo(fields, { bytes: image, name: 'in.jpg' });
  expect(start.status).toBe(200);
  const { id, success } = (await start.json()) as { id: string; success: boolean };
  expect(success).toBe(true);
  const result = await pollVideo(engine.url, id);
  expect(result.status).toBe(200);
  const body = result.body as { status: string; video_url: string; finish_reason: string; seed: string };
  expect(body.status).toBe('complete');
  expect(body.finish_reason).toBe('SUCCESS');
  expect(body.video_url).toMatch(/^\/processed_videos\/[a-z0-9_]+\.mp4$/);
  expect(body.seed).toMatch(/^\d+$/);
  return { body, mp4: await download(`${engine.url}${body.video_url}`) };
}

describe('POST /api/img2video and GET /api/img2video/result/:id', () => {
  it.each([
    ['a landscape input', 1600, 900, 1024, 576],
    ['a portrait input', 600, 1200, 576, 1024],
    ['a square-ish input', 1000, 900, 768, 768],
  ])('renders an H.264 MP4 of about 3 s for %s', async (_, w, h, width, height) => {
    const { mp4 } = await renderedVideo({ seed: '11' }, await testPicture(w, h, 'png'));
    const info = readMp4(mp4);
    expect(info).toMatchObject({ codec: 'avc1', width, height, frames: 72 });
    expect(info.seconds).toBeCloseTo(3, 1);
  });

  it('streams: a range request for the first bytes gets them, and they hold the whole index (moov)', async () => {
    const { body, mp4 } = await renderedVideo({ seed: '12' }, landscape);
    const res = await fetch(`${engine.url}${body.video_url}`, { headers: { Range: 'bytes=0-16383' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-16383/${mp4.length}`);
    const head = Buffer.from(await res.arrayBuffer());
    expect(head).toEqual(mp4.subarray(0, 16384));
    const fromHead = readMp4(head);
    expect(fromHead.boxOrder.slice(0, 3)).toEqual(['ftyp', 'free', 'moov']);
    expect(fromHead).toMatchObject({ codec: 'avc1', frames: 72, sampleSizes: readMp4(mp4).sampleSizes });
  });

  it('reports the seed it used as a string, echoing a fixed one', async () => {
    const { body } = await renderedVideo({ seed: '4242' }, landscape);
    expect(body.seed).toBe('4242');
  });

  it('moves more with a larger motion_bucket_id', async () => {
    // Inter frames carry the change between frames: more motion makes them larger.
    const motionBytes = async (bucket: string) => {
      const { mp4 } = await renderedVideo({ seed: '5', motion_bucket_id: bucket }, landscape);
      const { sampleSizes } = readMp4(mp4);
      return sampleSizes.filter((_, i) => i % 24 !== 0).reduce((a, b) => a + b, 0);
    };
    const still = await motionBytes('1');
    const lively = await motionBytes('255');
    expect(lively).toBeGreaterThan(still * 2);
  });

  it('answers at once, and 202 while the job is still running', async () => {
    const slow = await startTestEngine({ AIART_VIDEO_SECONDS: '30' });
    try {
      const res = await startVideo({}, { bytes: landscape, name: 'in.jpg' }, slow.url);
      const { id } = (await res.json()) as { id: string };
      const poll = await fetch(`${slow.url}/api/img2video/result/${id}`);
      expect(poll.status).toBe(202);
      expect(await poll.json()).toMatchObject({ status: 'in-progress' });
    } finally {
      await slow.dispose();
    }
  });

  it('renders no more videos at once than AIART_VIDEO_WORKERS; the rest wait as queued', async () => {
    const single = await startTestEngine({ AIART_VIDEO_WORKERS: '1' });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await startVideo({ seed: String(i + 1) }, { bytes: landscape, name: 'in.jpg' }, single.url);
        ids.push(((await res.json()) as { id: string }).id);
      }
      // The second waits behind the first, whose render alone takes over a second.
      const poll = await fetch(`${single.url}/api/img2video/result/${ids[1]}`);
      expect(poll.status).toBe(202);
      expect(await poll.json()).toEqual({ status: 'in-progress', message: expect.stringMatching(/queued behind others/) });
      const results = await Promise.all(ids.map((id) => pollVideo(single.url, id)));
      expect(results.map((result) => result.body.status)).toEqual(['complete', 'complete']);
    } finally {
      await single.dispose();
    }
  });

  it('answers 404 for an unknown id', async () => {
    const res = await fetch(`${engine.url}/api/img2video/result/0123456789abcdef0123456789abcdef`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/No video generation has the id/);
  });

  const invalid: Array<[string, Record<string, string>, () => Promise<Buffer>, number, RegExp]> = [
    ['a WEBP input, as the hosted service does', {}, () => testPicture(800, 450, 'webp'), 400, /image must be PNG or JPEG here, not WEBP/],
    ['a cfg_scale over 10', { cfg_scale: '10.5' }, async () => landscape, 400, /cfg_scale must be a number from 0 to 10/],
    ['a motion_bucket_id of 0', { motion_bucket_id: '0' }, async () => landscape, 400, /motion_bucket_id must be a whole number from 1 to 255/],
    ['a motion_bucket_id of 256', { motion_bucket_id: '256' }, async () => landscape, 400, /motion_bucket_id must be/],
    ['a fractional motion_bucket_id', { motion_bucket_id: '12.5' }, async () => landscape, 400, /motion_bucket_id must be/],
    ['a seed that is not a number', { seed: 'x' }, async () => landscape, 400, /seed must be a whole number/],
    ['a text file', {}, async () => Buffer.from('GIF89a not really'), 415, /must be a JPG, PNG or WEBP/],
  ];
  it.each(invalid)('refuses %s', async (_, fields, image, status, message) => {
    const before = await engine.files();
    const res = await startVideo(fields, { bytes: await image(), name: 'in.png' });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect(await engine.files()).toEqual(before);
  });
});

describe('video jobs across restarts', () => {
  it('keeps a finished job and its video after a restart', async () => {
    const first = await startTestEngine();
    const start = await startVideo({ seed: '8' }, { bytes: landscape, name: 'in.jpg' }, first.url);
    const { id } = (await start.json()) as { id: string };
    const done = await pollVideo(first.url, id);
    await first.close();
    const second = await startTestEngine({}, first.dataDir);
    try {
      const again = await pollVideo(second.url, id);
      expect(again).toEqual(done);
      const video = await fetch(`${second.url}${(again.body as { video_url: string }).video_url}`);
      expect(video.status).toBe(200);
      expect(video.headers.get('content-type')).toBe('video/mp4');
    } finally {
      await second.dispose();
    }
  });

  it('ends a job that a crash interrupted as an error, not as in-progress forever', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-crash-'));
    const { url, process: child, exited } = await spawnEngine({ AIART_DATA_DIR: dataDir, AIART_VIDEO_SECONDS: '600' });
    const start = await startVideo({}, { bytes: landscape, name: 'in.jpg' }, url);
    const { id } = (await start.json()) as { id: string };
    expect((await fetch(`${url}/api/img2video/result/${id}`)).status).toBe(202);
    child.kill('SIGKILL');
    await exited;

    const restarted = await startTestEngine({}, dataDir);
    try {
      const res = await fetch(`${restarted.url}/api/img2video/result/${id}`);
      expect(res.status).toBe(500);
      expect(((await res.json()) as { error: string }).error).toMatch(/interrupted by an engine restart/);
    } finally {
      await restarted.dispose();
    }
  });
});
