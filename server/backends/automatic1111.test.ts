/** AUTOMATIC1111 / Forge through the engine, against a fake that checks its API's fields and basic auth. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAutomatic1111, startFakeAutomatic1111 } from '../testing/fakes/fake-automatic1111';
import { sizeOf } from '../testing/fakes/fake-media';
import { closedPort, readJsonBody } from '../testing/fakes/fake-server';
import { decodedSize, download, form, postForm, postJson, testPicture } from '../testing/fixtures';
import { startTestEngine, type TestEngine } from '../testing/test-engine';
import { STYLE_WORDS } from './style-prompts';

const AUTH = 'painter:s3cret-pass';
const CHECKPOINTS = [
  { title: 'sd_xl_base_1.0.safetensors [31e35c80fc]', model_name: 'sd_xl_base_1.0' },
  { title: 'juggernautXL_v9.safetensors [c9e3e68f89]', model_name: 'juggernautXL_v9' },
];
let fake: FakeAutomatic1111;
let engine: TestEngine;
beforeAll(async () => {
  fake = await startFakeAutomatic1111({ checkpoints: CHECKPOINTS, auth: AUTH });
  engine = await startTestEngine({ AIART_A1111_URL: fake.url, AIART_A1111_AUTH: AUTH });
});
afterAll(async () => {
  await engine.dispose();
  await fake.close();
});

const lastBody = () => readJsonBody(fake.requests.at(-1)!) as Record<string, unknown>;
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;
const juggernaut = `a1111:${CHECKPOINTS[1].title}`;

describe('AUTOMATIC1111 backend', () => {
  it('lists every checkpoint, the loaded one first', async () => {
    const info = (await (await fetch(`${engine.url}/engine.json`)).json()) as { models: Array<{ id: string; label: string; operations: string[] }> };
    expect(info.models.map((m) => [m.id, m.label])).toEqual([
      [`a1111:${CHECKPOINTS[0].title}`, 'sd_xl_base_1.0'],
      [juggernaut, 'juggernautXL_v9'],
      ['local:preview', 'Local preview (procedural art, not AI)'],
    ]);
    expect(info.models[0].operations).toEqual(['text-to-image', 'image-to-image']);
  });

  it('sends txt2img as JSON with basic auth, the checkpoint override, the size of the ratio and the style as words', async () => {
    const res = await postJson(`${engine.url}/api/generate`, {
      video_description: 'a castle',
      negative_prompt: 'people',
      style_preset: 'pixel-art',
      aspect_ratio: '16:9',
      seed: 42,
      model: juggernaut,
    });
    expect(res.status).toBe(200);
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe('/sdapi/v1/txt2img');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(AUTH).toString('base64')}`);
    expect(lastBody()).toMatchObject({
      prompt: STYLE_WORDS['pixel-art'].prompt.replace('{prompt}', 'a castle'),
      negative_prompt: `people, ${STYLE_WORDS['pixel-art'].avoid}`,
      seed: 42,
      width: 1344,
      height: 768,
      override_settings: { sd_model_checkpoint: CHECKPOINTS[1].title },
      override_settings_restore_afterwards: false,
    });
    expect(fake.loaded()).toBe(CHECKPOINTS[1].title);
    const body = (await res.json()) as { image_url: string; seed: number; model: string };
    expect(body).toMatchObject({ seed: 42, model: juggernaut });
    expect(await decodedSize(await download(body.image_url))).toEqual({ format: 'png', width: 1344, height: 768 });
  });

  it('reports the seed AUTOMATIC1111 used, from its info', async () => {
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'dunes', aspect_ratio: '1:1', output_format: 'webp' });
    const body = (await res.json()) as { seed: number; image_url: string };
    expect(body.seed).toBe(lastBody().seed);
    expect(await decodedSize(await download(body.image_url))).toEqual({ format: 'webp', width: 1024, height: 1024 });
  });

  it('sends img2img with the picture as base64 at the output size and the strength as denoising', async () => {
    const res = await postForm(`${engine.url}/api/img2img`, form({ prompt: 'watercolour', strength: '0.4', aspect_ratio: '3:4', seed: '8' }, { bytes: await testPicture(600, 400, 'webp'), name: 'a.webp' }));
    expect(res.status).toBe(200);
    const body = lastBody();
    expect(fake.requests.at(-1)!.path).toBe('/sdapi/v1/img2img');
    expect(body).toMatchObject({ prompt: 'watercolour', denoising_strength: 0.4, width: 896, height: 1152, seed: 8 });
    const init = Buffer.from((body.init_images as string[])[0], 'base64');
    expect(await sizeOf(init)).toEqual({ width: 896, height: 1152, format: 'png' });
    expect(await res.json()).toMatchObject({ width: 896, height: 1152, seed: 8 });
  });

  it('refuses an unknown checkpoint without sending it', async () => {
    const before = fake.requests.filter((r) => r.method === 'POST').length;
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'x', model: 'a1111:dreamshaper_8.safetensors' });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('model "a1111:dreamshaper_8.safetensors" is not offered by this engine: AUTOMATIC1111 has no such model. /engine.json lists the models.');
    expect(fake.requests.filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('says which variable holds the login when AUTOMATIC1111 refuses it', async () => {
    const wrong = await startTestEngine({ AIART_A1111_URL: fake.url, AIART_A1111_AUTH: 'painter:wrong-pass' });
    try {
      const res = await postJson(`${wrong.url}/api/generate`, { video_description: 'x' });
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toBe("AUTOMATIC1111 refused the engine's credentials (HTTP 401): check AIART_A1111_AUTH.");
      const info = (await (await fetch(`${wrong.url}/engine.json`)).json()) as { backends: Array<{ id: string; ready: boolean; problem?: string }> };
      expect(info.backends[0]).toMatchObject({ id: 'a1111', ready: false, problem: expect.stringMatching(/AIART_A1111_AUTH/) });
    } finally {
      await wrong.dispose();
    }
  });

  it('passes a validation failure on as a 400 with its detail', async () => {
    fake.failNext({ status: 422, body: { detail: [{ loc: ['body', 'steps'], msg: 'ensure this value is less than 150', type: 'value_error' }] } }, '/sdapi/v1/txt2img');
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'x' });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('AUTOMATIC1111 did not accept the request (HTTP 422): ensure this value is less than 150');
  });

  it('answers 502 naming the address when AUTOMATIC1111 is not running', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const down = await startTestEngine({ AIART_A1111_URL: url });
    try {
      const res = await postJson(`${down.url}/api/generate`, { video_description: 'x' });
      expect(res.status).toBe(502);
      expect(await errorOf(res)).toBe(`AUTOMATIC1111 at ${url} did not answer (connection refused). Is it running, started with --api?`);
    } finally {
      await down.dispose();
    }
  });

  it('gives up on an AUTOMATIC1111 that accepts the request but never answers', async () => {
    const stuck = await startFakeAutomatic1111({ checkpoints: CHECKPOINTS });
    const impatient = await startTestEngine({ AIART_A1111_URL: stuck.url, AIART_BACKEND_TIMEOUT_SECONDS: '0.3' });
    try {
      stuck.failNext({ hang: true }, '/sdapi/v1/txt2img');
      const res = await postJson(`${impatient.url}/api/generate`, { video_description: 'x' });
      expect(res.status).toBe(502);
      expect(await errorOf(res)).toBe(`AUTOMATIC1111 at ${stuck.url} did not answer within 0.3 s. Is it running, started with --api?`);
    } finally {
      await impatient.dispose();
      await stuck.close();
    }
  });
});
