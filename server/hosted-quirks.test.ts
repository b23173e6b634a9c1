/** The switches that make the engine behave like the hosted service. */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_FOLDER } from '../src/api/contract';
import { form, postForm, postJson, testPicture } from './testing/fixtures';
import { startTestEngine } from './testing/test-engine';

async function withEngine(env: Record<string, string>, run: (url: string) => Promise<void>) {
  const engine = await startTestEngine(env);
  try {
    await run(engine.url);
  } finally {
    await engine.dispose();
  }
}

const generate = (url: string) => postJson(`${url}/api/generate`, { video_description: 'q', output_format: 'jpg', aspect_ratio: '1:1' });

describe('hosted-service behaviour switches', () => {
  it('adds latency to every API answer', () =>
    withEngine({ AIART_LATENCY_MS: '300' }, async (url) => {
      const started = performance.now();
      await fetch(`${url}/api/img2video/result/0123456789abcdef0123456789abcdef`);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    }));

  it('holds the first request for a cold start, and only the first', () =>
    withEngine({ AIART_COLD_START_MS: '600' }, async (url) => {
      const poll = () => fetch(`${url}/api/img2video/result/0123456789abcdef0123456789abcdef`);
      let started = performance.now();
      await poll();
      expect(performance.now() - started).toBeGreaterThanOrEqual(590);
      started = performance.now();
      await poll();
      expect(performance.now() - started).toBeLessThan(500);
    }));

  it('rate limits with 429 and a Retry-After in seconds', () =>
    withEngine({ AIART_RATE_LIMIT: '2' }, async (url) => {
      expect((await generate(url)).status).toBe(200);
      expect((await generate(url)).status).toBe(200);
      const limited = await generate(url);
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(((await limited.json()) as { error: string }).error).toMatch(/Rate limit reached/);
    }));

  it('counts only accepted requests against the rate limit', () =>
    withEngine({ AIART_RATE_LIMIT: '2' }, async (url) => {
      const invalid = await postJson(`${url}/api/generate`, { video_description: '' });
      const refused = await postForm(`${url}/api/img2img`, form({ prompt: 'x' }));
      expect([invalid.status, refused.status]).toEqual([400, 400]);
      expect((await generate(url)).status).toBe(200);
      expect((await generate(url)).status).toBe(200);
      expect((await generate(url)).status).toBe(429);
    }));

  it('injects 500s on an even share of requests', () =>
    withEngine({ AIART_FAILURE_RATE: '0.5' }, async (url) => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await generate(url)).status);
      expect(statuses).toEqual([200, 500, 200, 500, 200, 500]);
    }));

  it('answers with the stock-image failure the hosted service sends', () =>
    withEngine({ AIART_PLACEHOLDER_RATE: '1' }, async (url) => {
      const body = (await (await generate(url)).json()) as { folder: string; success: boolean; image_url: string };
      expect(body).toMatchObject({ success: true, folder: PLACEHOLDER_FOLDER });
      expect((await fetch(body.image_url)).status).toBe(200);
    }));

  it('answers status "retry" to the first polls', () =>
    withEngine({ AIART_RETRY_POLLS: '2' }, async (url) => {
      const start = await postForm(`${url}/api/img2video`, form({}, { bytes: await testPicture(320, 180, 'png'), name: 'a.png' }));
      const { id } = (await start.json()) as { id: string };
      const answers = [];
      for (let i = 0; i < 2; i++) answers.push(await (await fetch(`${url}/api/img2video/result/${id}`)).json());
      expect(answers).toEqual([expect.objectContaining({ status: 'retry' }), expect.objectContaining({ status: 'retry' })]);
    }));

  it('answers 409 to a second video start from the same client while one runs', () =>
    withEngine({ AIART_ONE_VIDEO_PER_CLIENT: '1', AIART_VIDEO_SECONDS: '60' }, async (url) => {
      const image = { bytes: await testPicture(320, 180, 'png'), name: 'a.png' };
      const first = await postForm(`${url}/api/img2video`, form({}, image));
      expect(first.status).toBe(200);
      const cookie = first.headers.get('set-cookie')!.split(';')[0];
      const second = await postForm(`${url}/api/img2video`, form({}, image), { cookie });
      expect(second.status).toBe(409);
      const otherClient = await postForm(`${url}/api/img2video`, form({}, image));
      expect(otherClient.status).toBe(200);
    }));
});
