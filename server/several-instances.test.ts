/** Two engine processes on one data folder, as behind a load balancer: either can answer for a job. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { download, form, pollVideo, postForm, testPicture } from './testing/fixtures';
import { readMp4 } from './testing/mp4-info';
import { type SpawnedEngine, spawnEngine } from './testing/spawn-engine';

let dataDir: string;
let engines: SpawnedEngine[] = [];
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-shared-'));
  engines = await Promise.all([1, 2].map(() => spawnEngine({ AIART_DATA_DIR: dataDir, AIART_VIDEO_SECONDS: '0' })));
});
afterAll(async () => {
  for (const engine of engines) engine.process.kill('SIGTERM');
  await Promise.all(engines.map((engine) => engine.exited));
  await rm(dataDir, { recursive: true, force: true });
});

it('answers for a video job started on the other engine, and serves its video', async () => {
  const [first, second] = engines;
  const picture = await testPicture(800, 450, 'jpeg');
  const start = await postForm(`${first.url}/api/img2video`, form({ seed: '21' }, { bytes: picture, name: 'in.jpg' }));
  expect(start.status).toBe(200);
  const { id } = (await start.json()) as { id: string };

  const seenBySecond = await pollVideo(second.url, id);
  expect(seenBySecond).toMatchObject({ status: 200, body: { status: 'complete', seed: '21' } });
  expect(await pollVideo(first.url, id)).toEqual(seenBySecond);
  const video = await download(`${second.url}${(seenBySecond.body as { video_url: string }).video_url}`);
  expect(readMp4(video)).toMatchObject({ codec: 'avc1', frames: 72 });
});

it('still says 404 on both for a job neither started', async () => {
  for (const engine of engines) {
    const res = await fetch(`${engine.url}/api/img2video/result/${'0'.repeat(32)}`);
    expect(res.status).toBe(404);
  }
});
