/** Media serving, expiry, and what the engine answers for paths it does not serve. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './testing/fixtures';
import { startTestEngine, type TestEngine } from './testing/test-engine';

let engine: TestEngine;
let imageUrl: string;
beforeAll(async () => {
  engine = await startTestEngine();
  const res = await postJson(`${engine.url}/api/generate`, { video_description: 'kite', output_format: 'jpg', seed: 1 });
  imageUrl = ((await res.json()) as { image_url: string }).image_url;
});
afterAll(() => engine.dispose());

describe('media', () => {
  it('serves byte ranges, as video players ask for', async () => {
    const whole = Buffer.from(await (await fetch(imageUrl)).arrayBuffer());
    const part = await fetch(imageUrl, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(10, 20));
    const beyond = await fetch(imageUrl, { headers: { Range: `bytes=${whole.length + 5}-` } });
    expect(beyond.status).toBe(416);
  });

  it.each([
    '/images/..%2f..%2fetc%2fpasswd',
    '/images/%2e%2e/jobs',
    '/processed_images/../images/x.png',
    '/images/.hidden.png',
    '/images/evil.html',
    '/images/',
    '/etc/passwd',
    '/api',
  ])('answers 404 JSON for %s, never a file outside the media folders', async (path) => {
    const res = await fetch(`${engine.url}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { error: string }).error).toEqual(expect.any(String));
  });

  it('refuses to write media', async () => {
    const res = await fetch(imageUrl, { method: 'DELETE' });
    expect(res.status).toBe(405);
  });

  it('deletes files once they pass their time to live', async () => {
    const shortLived = await startTestEngine({ AIART_MEDIA_TTL_SECONDS: '1' });
    try {
      const res = await postJson(`${shortLived.url}/api/generate`, { video_description: 'snow', output_format: 'jpg' });
      const url = ((await res.json()) as { image_url: string }).image_url;
      expect((await fetch(url)).status).toBe(200);
      await expect.poll(async () => (await fetch(url)).status, { timeout: 10_000, interval: 200 }).toBe(404);
    } finally {
      await shortLived.dispose();
    }
  });
});

describe('errors', () => {
  it('never answers with HTML or a stack trace, even for malformed multipart', async () => {
    const res = await fetch(`${engine.url}/api/img2img`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nhi\r\n--xyz--garbage',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const text = await res.text();
    expect(JSON.parse(text)).toHaveProperty('error');
    expect(text).not.toMatch(/at .*\.ts:\d+|<html/i);
  });
});
