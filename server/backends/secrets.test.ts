/**
 * Keys never leave the server: with distinctive keys configured and fakes that echo them back in
 * their errors, no answer, header, engine info or log line of the running engine holds one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeAutomatic1111, startFakeAutomatic1111 } from '../testing/fakes/fake-automatic1111';
import { startFakeOpenAiImages } from '../testing/fakes/fake-openai-images';
import type { FakeServer } from '../testing/fakes/fake-server';
import { type FakeStability, startFakeStability } from '../testing/fakes/fake-stability';
import { form, postForm, postJson, testPicture } from '../testing/fixtures';
import { type SpawnedEngine, spawnEngine } from '../testing/spawn-engine';

const STABILITY_KEY = 'sk-StabilityZebraKey9f8e7d6c5b4a';
const OPENAI_KEY = 'sk-OpenAiWalrusKey1a2b3c4d5e6f7';
const A1111_AUTH = 'artist:PelicanPass8x7y6z';
const TOKEN = 'access-token-Heron-0123456789';
const SECRET_FORMS = [
  STABILITY_KEY,
  OPENAI_KEY,
  A1111_AUTH,
  'PelicanPass8x7y6z',
  Buffer.from(A1111_AUTH).toString('base64'),
  TOKEN,
];

let stability: FakeStability;
let openai: FakeServer;
let a1111: FakeAutomatic1111;
let engine: SpawnedEngine;
let dataDir: string;
const seen: string[] = [];
const logged: string[] = [];

beforeAll(async () => {
  stability = await startFakeStability({ key: STABILITY_KEY, pollsBeforeVideo: 0 });
  openai = await startFakeOpenAiImages({ key: OPENAI_KEY });
  a1111 = await startFakeAutomatic1111({ checkpoints: [{ title: 'base.safetensors', model_name: 'base' }], auth: A1111_AUTH });
  dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-secrets-'));
  engine = await spawnEngine(
    {
      AIART_DATA_DIR: dataDir,
      AIART_LOG: 'on',
      AIART_VIDEO_SECONDS: '0',
      AIART_ACCESS_TOKEN: TOKEN,
      AIART_STABILITY_API_KEY: STABILITY_KEY,
      AIART_STABILITY_URL: stability.url,
      AIART_OPENAI_API_KEY: OPENAI_KEY,
      AIART_OPENAI_URL: openai.url,
      AIART_A1111_URL: a1111.url,
      AIART_A1111_AUTH: A1111_AUTH,
    },
    (line) => logged.push(line),
  );
});
afterAll(async () => {
  engine.process.kill('SIGTERM');
  await engine.exited;
  await Promise.all([stability.close(), openai.close(), a1111.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

const auth = { Authorization: `Bearer ${TOKEN}` };

/** Records everything a client could read of an answer. */
async function record(res: Response): Promise<Response> {
  const text = await res.clone().text();
  seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${text}`);
  return res;
}

const generate = (body: Record<string, unknown>) =>
  postJson(`${engine.url}/api/generate`, body, { headers: { 'Content-Type': 'application/json', ...auth } }).then(record);

it('keeps every key out of answers, engine info and logs, through successes and echoing failures', async () => {
  await record(await fetch(`${engine.url}/engine.json`));
  expect((await generate({ video_description: 'ok', model: 'stability:core' })).status).toBe(200);
  expect((await generate({ video_description: 'ok', model: 'openai:gpt-image-1' })).status).toBe(200);
  expect((await generate({ video_description: 'ok', model: 'a1111:base.safetensors' })).status).toBe(200);

  stability.failNext({ status: 500, body: { name: 'internal', errors: [`key ${STABILITY_KEY} crashed us`] } });
  expect((await generate({ video_description: 'x', model: 'stability:core' })).status).toBe(502);
  stability.failNext({ status: 401, body: { name: 'unauthorized', errors: [`Bearer ${STABILITY_KEY} is not valid`] } });
  expect((await generate({ video_description: 'x', model: 'stability:core' })).status).toBe(401);

  openai.failNext({ status: 401, body: { error: { message: `Incorrect API key provided: ${OPENAI_KEY}.`, type: 'invalid_request_error', code: 'invalid_api_key' } } });
  expect((await generate({ video_description: 'x', model: 'openai:gpt-image-1' })).status).toBe(401);
  openai.failNext({ status: 400, body: { error: { message: `bad request from ${OPENAI_KEY}`, type: 'invalid_request_error', code: null } } });
  expect((await generate({ video_description: 'x', model: 'openai:gpt-image-1' })).status).toBe(400);

  a1111.failNext({ status: 500, body: { error: 'RuntimeError', detail: '', body: '', errors: `login ${A1111_AUTH} / ${Buffer.from(A1111_AUTH).toString('base64')}` } });
  expect((await generate({ video_description: 'x', model: 'a1111:base.safetensors' })).status).toBe(502);

  const start = await record(
    await postForm(`${engine.url}/api/img2video`, form({ model: 'stability:stable-video-diffusion' }, { bytes: await testPicture(640, 360), name: 'a.png' }), auth),
  );
  const { id } = (await start.json()) as { id: string };
  const poll = await record(await fetch(`${engine.url}/api/img2video/result/${id}`, { headers: auth }));
  expect(await poll.json()).toMatchObject({ status: 'complete', model: 'stability:stable-video-diffusion' });

  engine.process.kill('SIGTERM');
  await engine.exited;
  const everything = [...seen, ...logged, engine.errors()].join('\n');
  expect(everything).toContain('"path":"/api/generate"');
  for (const secret of SECRET_FORMS) expect(everything).not.toContain(secret);
});
