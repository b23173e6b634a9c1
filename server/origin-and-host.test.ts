/**
 * Who may drive the engine: pages from a foreign origin cannot change anything or read answers,
 * and a Host header that is not a served name (DNS rebinding) is refused before any route runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from './config';
import { postJson } from './testing/fixtures';
import { requestHead } from './testing/multipart';
import { sendRaw } from './testing/raw-http';
import { startTestEngine, type TestEngine } from './testing/test-engine';

const STUDIO = 'https://studio.example';
let engine: TestEngine;
let port: string;
beforeAll(async () => {
  engine = await startTestEngine({ AIART_ALLOWED_ORIGINS: STUDIO, AIART_ALLOWED_HOSTS: 'art.internal' });
  port = new URL(engine.url).port;
});
afterAll(() => engine.dispose());

const generate = (headers: Record<string, string>) =>
  postJson(`${engine.url}/api/generate`, { video_description: 'tide', output_format: 'jpg' }, { headers: { 'Content-Type': 'application/json', ...headers } });

/** A raw request, since fetch will not send a Host header of the caller's choosing. */
async function withHost(hostHeader: string, method = 'GET', path = '/engine.json') {
  const answer = await sendRaw(engine.url, [requestHead(method, path, hostHeader, {})]);
  return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
}

describe('Origin', () => {
  it("accepts the engine's own origin and requests that name none", async () => {
    expect((await generate({ Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await generate({})).status).toBe(200);
  });

  // Origins are made inside each test: the engine's port is known only once it listens.
  it.each([
    ['another site', () => 'https://evil.example'],
    ['an opaque origin', () => 'null'],
    ['another port on this machine', () => `http://127.0.0.1:${Number(port) + 1}`],
    ['another name for this machine', () => `http://localhost:${port}`],
  ])('refuses a POST from %s with 403 naming it, and writes nothing', async (_, originOf) => {
    const origin = originOf();
    const before = await engine.files();
    const res = await generate({ Origin: origin });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: `Requests from the origin ${origin} are not allowed. Add it to AIART_ALLOWED_ORIGINS to let its pages use this engine.`,
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await engine.files()).toEqual(before);
  });

  it('gives an allowed origin CORS headers, and a foreign one none', async () => {
    const allowed = await generate({ Origin: STUDIO });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(STUDIO);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('vary')).toBe('Origin');
    const foreign = await fetch(`${engine.url}/engine.json`, { headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(200);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the preflight of an allowed origin, and refuses a foreign one', async () => {
    const preflight = (origin: string) =>
      fetch(`${engine.url}/api/generate`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-other' },
      });
    const allowed = await preflight(STUDIO);
    expect(allowed.status).toBe(204);
    expect(Object.fromEntries([...allowed.headers].filter(([name]) => name.startsWith('access-control')))).toEqual({
      'access-control-allow-origin': STUDIO,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      'access-control-expose-headers': 'Retry-After',
      'access-control-max-age': '600',
    });
    const foreign = await preflight('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Host', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '[::1]', 'studio.localhost', 'art.internal'])('serves %s', async (name) => {
    expect(await withHost(`${name}:${port}`)).toMatchObject({ status: 200 });
  });

  it.each(['rebind.evil.example', 'evil.example:80', '10.0.0.1', 'localhost.evil.example', 'bad host', ''])(
    'refuses the Host "%s" with 421 JSON',
    async (name) => {
      const answer = await withHost(name, 'POST', '/api/generate');
      expect(answer.status).toBe(421);
      expect(String(answer.body.error)).toMatch(/^This engine does not serve the host ".*"\. Add the name to AIART_ALLOWED_HOSTS/);
    },
  );

  it('builds image URLs from the served name the client used', async () => {
    const body = JSON.stringify({ video_description: 'tide', output_format: 'jpg' });
    const head = requestHead('POST', '/api/generate', `localhost:${port}`, { 'Content-Type': 'application/json' }, body.length);
    const answer = await sendRaw(engine.url, [head, body], { timeoutMs: 30_000 });
    expect((JSON.parse(answer.body) as { image_url: string }).image_url).toMatch(new RegExp(`^http://localhost:${port}/images/`));
  });
});

describe('settings', () => {
  it.each([
    ['AIART_ALLOWED_ORIGINS', '*'],
    ['AIART_ALLOWED_ORIGINS', 'ftp://files.example'],
    ['AIART_ALLOWED_HOSTS', 'https://studio.example'],
    ['AIART_ALLOWED_HOSTS', 'studio.example:443'],
    ['AIART_VIDEO_WORKERS', '0'],
    ['AIART_VIDEO_WORKERS', '1.5'],
    ['AIART_SHUTDOWN_GRACE_SECONDS', '-1'],
    ['AIART_REQUEST_TIMEOUT_SECONDS', 'soon'],
  ])('refuses %s=%s at start, naming the variable', (name, value) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(new RegExp(`^${name} must`));
  });
});
