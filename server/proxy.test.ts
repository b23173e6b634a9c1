/** Proxy mode, with a second engine standing in for the hosted service upstream. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteSetCookie } from './proxy';
import { decodedSize, download, form, pollVideo, postForm, postJson, testPicture } from './testing/fixtures';
import { startTestEngine, type TestEngine } from './testing/test-engine';

let upstream: TestEngine;
let proxy: TestEngine;
beforeAll(async () => {
  upstream = await startTestEngine({ AIART_ONE_VIDEO_PER_CLIENT: '1' });
  proxy = await startTestEngine({ AIART_UPSTREAM: upstream.url });
});
afterAll(async () => {
  await proxy.dispose();
  await upstream.dispose();
});

describe('proxy mode', () => {
  it('forwards text-to-image and rewrites absolute URLs to its own origin', async () => {
    const res = await postJson(`${proxy.url}/api/generate`, { video_description: 'harbor', aspect_ratio: '1:1', seed: 2 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { image_url: string; seed: number };
    expect(body.image_url.startsWith(`${proxy.url}/images/`)).toBe(true);
    expect(body.seed).toBe(2);
    expect(await decodedSize(await download(body.image_url))).toMatchObject({ width: 1024, height: 1024 });
    expect(await proxy.files()).toEqual([]);
  });

  it('streams uploads and passes upstream errors through unchanged', async () => {
    const ok = await postForm(`${proxy.url}/api/img2img`, form({ prompt: 'ink' }, { bytes: await testPicture(300, 200), name: 'a.png' }));
    expect(ok.status).toBe(200);
    const bad = await postJson(`${proxy.url}/api/generate`, { video_description: '' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'video_description must not be empty' });
  });

  it('carries the session cookie, so polling and the one-video rule work through it', async () => {
    const image = { bytes: await testPicture(640, 360), name: 'a.png' };
    const start = await postForm(`${proxy.url}/api/img2video`, form({ seed: '3' }, image));
    const cookie = start.headers.get('set-cookie')!.split(';')[0];
    expect(cookie).toMatch(/^aiart_session=[a-f0-9]{32}$/);
    const { id } = (await start.json()) as { id: string };
    const second = await postForm(`${proxy.url}/api/img2video`, form({}, image), { cookie });
    expect(second.status).toBe(409);
    const result = await pollVideo(proxy.url, id, cookie);
    expect(result.body).toMatchObject({ status: 'complete', seed: '3' });
    const video = await fetch(`${proxy.url}${(result.body as { video_url: string }).video_url}`);
    expect(video.headers.get('content-type')).toBe('video/mp4');
  });

  it('answers 502 JSON when the upstream cannot be reached', async () => {
    const orphan = await startTestEngine({ AIART_UPSTREAM: 'http://127.0.0.1:9' });
    try {
      const res = await postJson(`${orphan.url}/api/generate`, { video_description: 'x' });
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: string }).error).toMatch(/could not be reached/);
    } finally {
      await orphan.dispose();
    }
  });

  it('makes upstream cookies valid on this origin', () => {
    expect(rewriteSetCookie('s=1; Domain=aiart-zroo.onrender.com; Path=/; Secure; HttpOnly', false)).toBe('s=1; Path=/; HttpOnly');
    expect(rewriteSetCookie('s=1; Domain=x.com; Secure', true)).toBe('s=1; Secure');
  });
});
