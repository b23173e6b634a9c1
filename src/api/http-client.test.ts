import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { imageResponseSchema, videoResultResponseSchema } from './contract';
import { apiRequest } from './http-client';

const BASE = 'http://backend.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const generate = (options: { signal?: AbortSignal; timeoutMs?: number } = {}) =>
  apiRequest({ baseUrl: BASE, path: '/api/generate', body: { video_description: 'x' }, schema: imageResponseSchema, timeoutMs: 5000, ...options });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const answer = (status: number, body: JsonBodyType, headers: Record<string, string> = {}) =>
  server.use(http.post(`${BASE}/api/generate`, () => HttpResponse.json(body, { status, headers })));

describe('apiRequest', () => {
  it('sends JSON and returns the checked answer', async () => {
    let sent: unknown;
    server.use(
      http.post(`${BASE}/api/generate`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ success: true, message: 'ok', image_url: `${BASE}/images/a.png`, seed: 4 });
      }),
    );
    const { data, status } = await generate();
    expect(sent).toEqual({ video_description: 'x' });
    expect(status).toBe(200);
    expect(data).toMatchObject({ image_url: `${BASE}/images/a.png`, seed: 4 });
  });

  it.each([
    [400, 'video_description must not be empty', false],
    [401, 'Authentication required', false],
    [402, 'Credits exhausted', false],
    [404, 'No API endpoint', false],
    [409, 'A video generation is already running', false],
    [413, 'image must be at most 10 MB', false],
    [415, 'image must be a JPG, PNG or WEBP file', false],
    [429, 'Rate limit reached', true],
    [500, 'Internal error', true],
    [503, 'Unavailable', true],
  ])('turns HTTP %i into an ApiError with the server message', async (status, message, transient) => {
    answer(status, { error: message, error_type: 'x' });
    const error = await failure(generate());
    expect(error).toMatchObject({ kind: 'http', status, message });
    expect(error.isTransient).toBe(transient);
  });

  it('reads Retry-After in seconds', async () => {
    answer(429, { error: 'slow down' }, { 'Retry-After': '7' });
    expect((await failure(generate())).retryAfterMs).toBe(7000);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const when = new Date(Date.now() + 30_000).toUTCString();
    answer(429, { error: 'slow down' }, { 'Retry-After': when });
    const { retryAfterMs } = await failure(generate());
    expect(retryAfterMs).toBeGreaterThan(25_000);
    expect(retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('explains an HTML error page from a proxy instead of crashing on it', async () => {
    server.use(http.post(`${BASE}/api/generate`, () => new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } })));
    const error = await failure(generate());
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/error page instead of data \(HTTP 502\)/);
    expect(error.isTransient).toBe(true);
  });

  it('names an error status that came without a message', async () => {
    server.use(http.post(`${BASE}/api/generate`, () => new HttpResponse('', { status: 413 })));
    expect((await failure(generate())).message).toBe('The upload is too large (at most 10 MB) (HTTP 413).');
  });

  it('refuses malformed JSON in a success answer', async () => {
    server.use(http.post(`${BASE}/api/generate`, () => new HttpResponse('{"success": tr', { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const error = await failure(generate());
    expect(error).toMatchObject({ kind: 'malformed', message: "The server's answer was not valid JSON (HTTP 200)." });
  });

  it('refuses an answer that does not match the contract', async () => {
    answer(200, { success: true, image_url: 'javascript:alert(1)' });
    const error = await failure(generate());
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/image_url: must be an http\(s\) URL/);
  });

  it('refuses an HTML page answered with status 200', async () => {
    server.use(http.post(`${BASE}/api/generate`, () => HttpResponse.html('<!doctype html><p>hello</p>')));
    expect((await failure(generate())).kind).toBe('malformed');
  });

  it('reports a network failure', async () => {
    server.use(http.post(`${BASE}/api/generate`, () => HttpResponse.error()));
    const error = await failure(generate());
    expect(error.kind).toBe('network');
    expect(error.isTransient).toBe(true);
  });

  it('stops when the caller aborts', async () => {
    server.use(http.post(`${BASE}/api/generate`, async () => { await delay('infinite'); return HttpResponse.json({}); }));
    const controller = new AbortController();
    const pending = generate({ signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    expect(error.kind).toBe('aborted');
    expect(error.isTransient).toBe(false);
  });

  it('gives up after the timeout', async () => {
    server.use(http.post(`${BASE}/api/generate`, async () => { await delay('infinite'); return HttpResponse.json({}); }));
    const error = await failure(generate({ timeoutMs: 50 }));
    expect(error).toMatchObject({ kind: 'timeout', message: 'The server did not answer within 0 s.' });
  });

  it('accepts every shape of a video poll answer', async () => {
    const poll = (body: JsonBodyType, status = 200) => {
      server.use(http.get(`${BASE}/api/img2video/result/abc`, () => HttpResponse.json(body, { status })));
      return apiRequest({ baseUrl: BASE, path: '/api/img2video/result/abc', schema: videoResultResponseSchema, timeoutMs: 1000 });
    };
    expect((await poll({ status: 'in-progress', message: 'wait' }, 202)).status).toBe(202);
    expect((await poll({ status: 'retry' })).data).toEqual({ status: 'retry' });
    expect((await poll({ status: 'complete', video_url: '/processed_videos/v.mp4', finish_reason: 'SUCCESS', seed: '12' })).data).toMatchObject({ seed: '12' });
    expect((await failure(poll({ status: 'exploded' }))).kind).toBe('malformed');
  });
});
