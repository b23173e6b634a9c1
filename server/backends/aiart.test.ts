/** An AiArt service upstream (AIART_UPSTREAM), with a second engine standing in for the hosted service. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../testing/fakes/fake-server';
import { decodedSize, download, form, pollVideo, postForm, postJson, testPicture } from '../testing/fixtures';
import { startTestEngine, type TestEngine } from '../testing/test-engine';

let upstream: TestEngine;
let gateway: TestEngine;
beforeAll(async () => {
  upstream = await startTestEngine({ AIART_ONE_VIDEO_PER_CLIENT: '1', AIART_PLACEHOLDER_RATE: '0' });
  gateway = await startTestEngine({ AIART_UPSTREAM: upstream.url });
});
afterAll(async () => {
  await gateway.dispose();
  await upstream.dispose();
});

const mediaFiles = async (engine: TestEngine) => (await engine.files()).filter((file) => !file.includes('/jobs/'));

describe('AiArt upstream', () => {
  it('is the first model, so requests without a model go to it, and lists the local preview after it', async () => {
    const info = (await (await fetch(`${gateway.url}/engine.json`)).json()) as { engine: string; upstream: string; models: Array<{ id: string }> };
    expect(info.engine).toBe('proxy');
    expect(info.upstream).toBe(upstream.url);
    expect(info.models.map((m) => m.id)).toEqual(['aiart:hosted', 'local:preview']);
  });

  it('makes the picture upstream and keeps it in its own media folder, under its own origin', async () => {
    const res = await postJson(`${gateway.url}/api/generate`, { video_description: 'harbor', aspect_ratio: '1:1', seed: 2 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { image_url: string; seed: number; model: string };
    expect(body.image_url.startsWith(`${gateway.url}/images/`)).toBe(true);
    expect(body).toMatchObject({ seed: 2, model: 'aiart:hosted' });
    expect(await decodedSize(await download(body.image_url))).toMatchObject({ width: 1024, height: 1024 });
    expect(await mediaFiles(upstream)).toHaveLength(1);
    expect(await mediaFiles(gateway)).toHaveLength(1);
  });

  it('sends uploads on, and answers the engine-side validation as before', async () => {
    const ok = await postForm(`${gateway.url}/api/img2img`, form({ prompt: 'ink', seed: '5' }, { bytes: await testPicture(300, 200), name: 'a.png' }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ seed: 5, model: 'aiart:hosted' });
    const bad = await postJson(`${gateway.url}/api/generate`, { video_description: '' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'video_description must not be empty' });
  });

  it('keeps the upstream session per client, so polling and the one-video rule work through it', async () => {
    const image = { bytes: await testPicture(640, 360), name: 'a.png' };
    const start = await postForm(`${gateway.url}/api/img2video`, form({ seed: '3' }, image));
    const cookie = start.headers.get('set-cookie')!.split(';')[0];
    expect(cookie).toMatch(/^aiart_session=[a-f0-9]{32}$/);
    const { id } = (await start.json()) as { id: string };
    const second = await postForm(`${gateway.url}/api/img2video`, form({}, image), { cookie });
    expect(second.status).toBe(409);
    const result = await pollVideo(gateway.url, id, cookie);
    expect(result.body).toMatchObject({ status: 'complete', seed: '3', model: 'aiart:hosted' });
    const video = await fetch(`${gateway.url}${(result.body as { video_url: string }).video_url}`);
    expect(video.headers.get('content-type')).toBe('video/mp4');
  });

  it('answers 502 JSON naming the upstream when it cannot be reached', async () => {
    const gone = `http://127.0.0.1:${await closedPort()}`;
    const orphan = await startTestEngine({ AIART_UPSTREAM: gone });
    try {
      const res = await postJson(`${orphan.url}/api/generate`, { video_description: 'x' });
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: string }).error).toBe(`AiArt service at ${gone} did not answer (connection refused).`);
    } finally {
      await orphan.dispose();
    }
  });

  it('treats the hosted stock-image answer as the failure it is', async () => {
    const flaky = await startTestEngine({ AIART_PLACEHOLDER_RATE: '1' });
    const front = await startTestEngine({ AIART_UPSTREAM: flaky.url });
    try {
      const res = await postJson(`${front.url}/api/generate`, { video_description: 'x' });
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: string }).error).toMatch(/stock placeholder picture/);
      expect(await mediaFiles(front)).toEqual([]);
    } finally {
      await front.dispose();
      await flaky.dispose();
    }
  });
});
