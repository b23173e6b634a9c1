/** Answers outside the routes: Node's own parser errors, slow clients, CONNECT, HEAD, OPTIONS and 416, all as JSON. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './testing/fixtures';
import { requestHead } from './testing/multipart';
import { type RawAnswer, sendRaw } from './testing/raw-http';
import { startTestEngine, type TestEngine } from './testing/test-engine';

let engine: TestEngine;
let host: string;
beforeAll(async () => {
  engine = await startTestEngine({ AIART_REQUEST_TIMEOUT_SECONDS: '0.5' });
  host = new URL(engine.url).host;
});
afterAll(() => engine.dispose());

function expectJsonError(answer: RawAnswer, status: number, message: RegExp) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  expect((JSON.parse(answer.body) as { error: string }).error).toMatch(message);
}

describe("Node's own refusals, as JSON", () => {
  it('answers 400 JSON to a request that is not HTTP, and closes the connection', async () => {
    const answer = await sendRaw(engine.url, ['HELLO THERE\r\n\r\n']);
    expectJsonError(answer, 400, /not valid HTTP/);
    expect(answer.headers.connection).toBe('close');
  });

  it('answers 400 JSON to two Content-Length headers', async () => {
    const head = `POST /api/generate HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`;
    expectJsonError(await sendRaw(engine.url, [head]), 400, /not valid HTTP/);
  });

  it('answers 431 JSON to headers over 16 KB', async () => {
    const answer = await sendRaw(engine.url, [requestHead('GET', '/engine.json', host, { 'X-Big': 'a'.repeat(20_000) })]);
    expectJsonError(answer, 431, /larger than the 16 KB/);
  });

  it('answers 408 JSON to a body that stops arriving, then closes', async () => {
    const head = requestHead('POST', '/api/generate', host, { 'Content-Type': 'application/json' }, 100);
    const answer = await sendRaw(engine.url, [head, '{"video_des']);
    expectJsonError(answer, 408, /did not arrive in time: headers within 0.5 s, the whole request within 0.5 s/);
    expect(answer.headers.connection).toBe('close');
  });

  it('answers 408 JSON to headers that stop arriving', async () => {
    expectJsonError(await sendRaw(engine.url, [`GET /engine.json HTTP/1.1\r\nHost: ${host}\r\n`]), 408, /did not arrive in time/);
  });

  it('answers 405 JSON to CONNECT', async () => {
    const answer = await sendRaw(engine.url, [`CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`]);
    expectJsonError(answer, 405, /not a proxy/);
  });
});

describe('HEAD, OPTIONS and ranges', () => {
  it('answers HEAD like GET, without the body', async () => {
    const get = await fetch(`${engine.url}/engine.json`);
    const head = await sendRaw(engine.url, [requestHead('HEAD', '/engine.json', host, {})], { head: true });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(get.headers.get('content-length'));
    const missing = await sendRaw(engine.url, [requestHead('HEAD', '/api/img2video/result/nothing', host, {})], { head: true });
    expect(missing).toMatchObject({ status: 404, body: '' });
  });

  it('answers OPTIONS with the methods a path takes', async () => {
    const generate = await fetch(`${engine.url}/api/generate`, { method: 'OPTIONS' });
    expect(generate.status).toBe(204);
    expect(generate.headers.get('allow')).toBe('POST, OPTIONS');
    const result = await fetch(`${engine.url}/api/img2video/result/0123456789abcdef0123456789abcdef`, { method: 'OPTIONS' });
    expect(result.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const server = await sendRaw(engine.url, [requestHead('OPTIONS', '*', host, {})]);
    expect(server).toMatchObject({ status: 204, headers: expect.objectContaining({ allow: 'GET, HEAD, POST, OPTIONS' }) });
    const nothing = await fetch(`${engine.url}/api/upscale`, { method: 'OPTIONS' });
    expect(nothing.status).toBe(404);
    expect(await nothing.json()).toEqual({ error: 'Nothing is served at /api/upscale' });
  });

  it('answers an unsatisfiable range with 416 JSON and the file size', async () => {
    const made = await postJson(`${engine.url}/api/generate`, { video_description: 'kite', output_format: 'jpg', seed: 1 });
    const url = ((await made.json()) as { image_url: string }).image_url;
    const size = (await (await fetch(url)).arrayBuffer()).byteLength;
    const res = await fetch(url, { headers: { Range: `bytes=${size + 5}-` } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(await res.json()).toEqual({ error: `The range bytes=${size + 5}- is outside the file's ${size} bytes` });
  });
});
