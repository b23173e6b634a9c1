/**
 * Uploads built to break the engine: cut-off and malformed multipart, forms past every limit, and
 * images at the edge of the limits. The engine runs as its own process, so a crash shows as an exit.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../src/api/contract';
import { testPicture } from './testing/fixtures';
import { BOUNDARY, type Part, multipartBody, multipartRequest } from './testing/multipart';
import { blackPng, padPng } from './testing/png-files';
import { sendRaw } from './testing/raw-http';
import { type SpawnedEngine, spawnEngine } from './testing/spawn-engine';

let engine: SpawnedEngine;
let dataDir: string;
let host: string;
let picture: Buffer;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-hostile-'));
  engine = await spawnEngine({ AIART_DATA_DIR: dataDir, AIART_VIDEO_SECONDS: '0' });
  host = new URL(engine.url).host;
  picture = await testPicture(64, 48, 'png');
});
afterAll(async () => {
  engine.process.kill('SIGTERM');
  await engine.exited;
  await rm(dataDir, { recursive: true, force: true });
});

const image = (bytes: Uint8Array): Part => ({ name: 'image', filename: 'in.png', type: 'image/png', bytes });

async function post(endpoint: string, body: Buffer) {
  const answer = await sendRaw(engine.url, [multipartRequest(endpoint, host, body)], { timeoutMs: 30_000 });
  expect(engine.process.exitCode).toBeNull();
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  return { status: answer.status, error: (JSON.parse(answer.body) as { error: string }).error };
}

describe.each(['/api/img2img', '/api/img2video'])('hostile multipart on %s', (endpoint) => {
  it('answers 400 to a form cut off before its closing boundary, and the engine keeps running', async () => {
    const whole = multipartBody([{ name: 'prompt', value: 'x' }, image(picture)]);
    const cut = whole.subarray(0, whole.length - 200);
    expect(await post(endpoint, cut)).toEqual({ status: 400, error: 'The upload ended in the middle of the image file' });
    expect((await fetch(`${engine.url}/engine.json`)).status).toBe(200);
  });

  it('answers 400 to a form cut off inside the part headers', async () => {
    const whole = multipartBody([image(picture)]);
    expect(await post(endpoint, whole.subarray(0, 60))).toMatchObject({ status: 400 });
  });

  it('names the field size limit', async () => {
    const body = multipartBody([{ name: 'prompt', value: 'p'.repeat(64 * 1024 + 1) }, image(picture)]);
    expect(await post(endpoint, body)).toEqual({ status: 400, error: 'prompt must be at most 65536 bytes' });
  });

  it('names the field count limit instead of dropping fields', async () => {
    const fields = Array.from({ length: 33 }, (_, i) => ({ name: `extra${i}`, value: 'x' }));
    const body = multipartBody([...fields, { name: 'prompt', value: 'x' }, image(picture)]);
    expect(await post(endpoint, body)).toEqual({ status: 400, error: 'The form may have at most 32 text fields' });
  });

  it('names the part count limit', async () => {
    // Parts without a Content-Disposition are neither fields nor files, but they are parts.
    const body = Buffer.from(`${`--${BOUNDARY}\r\nX-Part: 1\r\n\r\nx\r\n`.repeat(41)}--${BOUNDARY}--\r\n`);
    expect(await post(endpoint, body)).toEqual({ status: 400, error: 'The form may have at most 40 parts' });
  });

  it('names a field that has no name', async () => {
    const body = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--\r\n`);
    expect(await post(endpoint, body)).toEqual({ status: 400, error: 'Every form field needs a name' });
  });

  it('refuses a field sent twice and a file in another field', async () => {
    const twice = multipartBody([{ name: 'seed', value: '1' }, { name: 'seed', value: '2' }, image(picture)]);
    expect(await post(endpoint, twice)).toEqual({ status: 400, error: 'seed is sent twice; send each field once' });
    const elsewhere = multipartBody([{ name: 'mask', filename: 'm.png', type: 'image/png', bytes: picture }]);
    expect(await post(endpoint, elsewhere)).toEqual({ status: 400, error: 'Files are accepted only in the image field, not in mask' });
  });
});

describe('image limits', () => {
  it('accepts an image of exactly 10 MiB and refuses one byte more', async () => {
    const exact = padPng(picture, MAX_UPLOAD_BYTES);
    const accepted = await post('/api/img2img', multipartBody([{ name: 'prompt', value: 'x' }, image(exact)]));
    expect(accepted.status).toBe(200);
    const over = padPng(picture, MAX_UPLOAD_BYTES + 1);
    expect(await post('/api/img2img', multipartBody([{ name: 'prompt', value: 'x' }, image(over)]))).toEqual({
      status: 413,
      error: 'image must be at most 10 MB (10485760 bytes)',
    });
  });

  it('names the shape limit for a valid 1x40,000,000 PNG instead of calling it damaged', async () => {
    const sliver = await blackPng(1, 40_000_000);
    expect(await post('/api/img2img', multipartBody([{ name: 'prompt', value: 'x' }, image(sliver)]))).toEqual({
      status: 400,
      error: 'image is 1x40000000 pixels; its longer side may be at most 1000 times its shorter side',
    });
  });
});
