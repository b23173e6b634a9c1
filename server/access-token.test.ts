/** AIART_ACCESS_TOKEN: API requests carry it as a bearer token; engine info and media stay readable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './testing/fixtures';
import { startTestEngine, type TestEngine } from './testing/test-engine';

const TOKEN = 'studio-token-0123456789abcdef';
let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine({ AIART_ACCESS_TOKEN: TOKEN });
});
afterAll(() => engine.dispose());

const generate = (headers: Record<string, string>) =>
  postJson(`${engine.url}/api/generate`, { video_description: 'a kite', output_format: 'jpg' }, { headers: { 'Content-Type': 'application/json', ...headers } });

describe('access token', () => {
  it.each([
    ['no token', {}, /needs its access token/],
    ['a wrong token', { Authorization: 'Bearer not-the-token-at-all' }, /access token is wrong/],
    ['another scheme', { Authorization: `Basic ${TOKEN}` }, /needs its access token/],
  ])('answers 401 JSON to %s, writing nothing', async (_, headers, message) => {
    const before = await engine.files();
    const res = await generate(headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="aiart"');
    const body = (await res.json()) as { error: string; error_type: string };
    expect(body.error).toMatch(message);
    expect(body.error_type).toBe('access_token');
    expect(JSON.stringify(body)).not.toContain(TOKEN);
    expect(await engine.files()).toEqual(before);
  });

  it('serves API requests that carry it, and leaves engine info and media open', async () => {
    const res = await generate({ Authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    const { image_url } = (await res.json()) as { image_url: string };
    expect((await fetch(image_url)).status).toBe(200);
    const info = (await (await fetch(`${engine.url}/engine.json`)).json()) as Record<string, unknown>;
    expect(info.accessTokenRequired).toBe(true);
    expect(JSON.stringify(info)).not.toContain(TOKEN);
  });
});
