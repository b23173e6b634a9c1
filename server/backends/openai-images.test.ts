/**
 * OpenAI-compatible images through the engine: OpenAI from environment variables and a GhostAPI
 * stand-in from an AIART_BACKENDS file side by side, each against its own fake with its own key.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sizeOf } from '../testing/fakes/fake-media';
import { startFakeOpenAiImages } from '../testing/fakes/fake-openai-images';
import { type FakeServer, readForm, readJsonBody } from '../testing/fakes/fake-server';
import { decodedSize, download, form, postForm, postJson, testPicture } from '../testing/fixtures';
import { startTestEngine, type TestEngine } from '../testing/test-engine';
import { STYLE_WORDS } from './style-prompts';

const OPENAI_KEY = 'sk-openaiTestKey0123456789abcdef';
const GHOST_KEY = 'ghost-test-key-42';
let openai: FakeServer;
let ghost: FakeServer;
let engine: TestEngine;
let dir: string;
beforeAll(async () => {
  openai = await startFakeOpenAiImages({ key: OPENAI_KEY });
  ghost = await startFakeOpenAiImages({
    key: GHOST_KEY,
    models: [
      { id: 'img4', sizes: ['1024x1024', '1792x1024', '1024x1792'], answer: 'url', edits: false },
      { id: 'flux-schnell', sizes: ['1024x1024', '1792x1024', '1024x1792'], answer: 'b64_json', edits: false },
    ],
  });
  dir = await mkdtemp(path.join(tmpdir(), 'aiart-backends-'));
  const file = path.join(dir, 'backends.json');
  await writeFile(
    file,
    JSON.stringify({
      backends: [{ id: 'ghostapi', kind: 'openai', label: 'GhostAPI', url: `${ghost.url}/v1`, keyEnv: 'GHOSTAPI_KEY', models: [{ id: 'img4', label: 'Imagen 4' }] }],
    }),
  );
  engine = await startTestEngine({ AIART_OPENAI_API_KEY: OPENAI_KEY, AIART_OPENAI_URL: openai.url, AIART_BACKENDS: file, GHOSTAPI_KEY: GHOST_KEY });
});
afterAll(async () => {
  await engine.dispose();
  await openai.close();
  await ghost.close();
  await rm(dir, { recursive: true, force: true });
});

const lastRequest = (fake: FakeServer) => fake.requests.at(-1)!;
const errorOf = async (res: Response) => (await res.json()) as { error: string; error_type?: string };

describe('OpenAI-compatible images backend', () => {
  it('lists what each service offers: every listed model, or the ones the file names', async () => {
    const info = (await (await fetch(`${engine.url}/engine.json`)).json()) as {
      models: Array<{ id: string; label: string; operations: string[]; negativePrompt: boolean; seed: boolean }>;
    };
    expect(info.models.map((m) => [m.id, m.label, m.operations.join()])).toEqual([
      ['openai:gpt-image-1', 'gpt-image-1', 'text-to-image,image-to-image'],
      ['openai:dall-e-3', 'dall-e-3', 'text-to-image'],
      ['ghostapi:img4', 'Imagen 4', 'text-to-image'],
      ['local:preview', 'Local preview (procedural art, not AI)', 'text-to-image,image-to-image,image-to-video'],
    ]);
    expect(info.models[0]).toMatchObject({ negativePrompt: false, seed: false });
    expect(lastRequest(openai).headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
  });

  it('generates as JSON with its size for the ratio, the preset as words, and a base64 answer', async () => {
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'a koi pond', style_preset: 'line-art', aspect_ratio: '16:9', negative_prompt: 'ignored' });
    expect(res.status).toBe(200);
    expect(lastRequest(openai).path).toBe('/v1/images/generations');
    expect(readJsonBody(lastRequest(openai))).toEqual({
      model: 'gpt-image-1',
      prompt: STYLE_WORDS['line-art'].prompt.replace('{prompt}', 'a koi pond'),
      n: 1,
      size: '1536x1024',
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'openai:gpt-image-1', width: 1536, height: 1024 });
    expect(body.seed).toBeUndefined();
    expect(await decodedSize(await download(body.image_url as string))).toEqual({ format: 'png', width: 1536, height: 1024 });
  });

  it('fetches a url answer from the service that gave it', async () => {
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'a comet', model: 'openai:dall-e-3', aspect_ratio: '9:16', output_format: 'jpg' });
    expect(res.status).toBe(200);
    expect(openai.requests.at(-1)!.path).toMatch(/^\/files\/[a-f0-9]+\.png$/);
    expect(openai.requests.at(-1)!.headers.authorization).toBeUndefined();
    const { image_url } = (await res.json()) as { image_url: string };
    expect(await decodedSize(await download(image_url))).toEqual({ format: 'jpeg', width: 1024, height: 1792 });
  });

  it('sends edits as multipart with the picture fitted to the size', async () => {
    const res = await postForm(`${engine.url}/api/img2img`, form({ prompt: 'make it winter', aspect_ratio: '1:1' }, { bytes: await testPicture(800, 600, 'jpeg'), name: 'a.jpg' }));
    expect(res.status).toBe(200);
    const request = lastRequest(openai);
    expect(request.path).toBe('/v1/images/edits');
    const sent = (await readForm(request))!;
    expect(sent.fields).toEqual({ model: 'gpt-image-1', prompt: 'make it winter', n: '1', size: '1024x1024' });
    expect(await sizeOf(sent.files.image.bytes)).toEqual({ width: 1024, height: 1024, format: 'png' });
  });

  it('sends a GhostAPI model to GhostAPI with its own key, never to OpenAI', async () => {
    const before = openai.requests.length;
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'a glacier', model: 'ghostapi:img4', aspect_ratio: '16:9' });
    expect(res.status).toBe(200);
    expect(openai.requests.length).toBe(before);
    const generation = ghost.requests.find((r) => r.path === '/v1/images/generations')!;
    expect(generation.headers.authorization).toBe(`Bearer ${GHOST_KEY}`);
    expect(readJsonBody(generation)).toMatchObject({ model: 'img4', size: '1792x1024' });
    expect(await res.json()).toMatchObject({ model: 'ghostapi:img4', width: 1792, height: 1024 });
  });

  it('refuses a model the file did not name, though the service lists it', async () => {
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'x', model: 'ghostapi:flux-schnell' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error).toMatch(/^model "ghostapi:flux-schnell" is not offered by this engine: GhostAPI has no such model/);
  });

  it('answers the safety system as a refusal, and exhausted quota as out of credits', async () => {
    const refused = await postJson(`${engine.url}/api/generate`, { video_description: 'forbidden thing' });
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toMatchObject({ error_type: 'content_moderation', error: expect.stringMatching(/^OpenAI-compatible images refused this request/) });
    openai.failNext({ status: 429, body: { error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' } } }, '/v1/images');
    const broke = await postJson(`${engine.url}/api/generate`, { video_description: 'x' });
    expect(broke.status).toBe(402);
    expect((await errorOf(broke)).error).toBe('OpenAI-compatible images is out of credits (the account of the key in AIART_OPENAI_API_KEY): add credits, then try again.');
  });

  it('passes a rate limit on with a Retry-After, defaulting when the service gives none', async () => {
    openai.failNext({ status: 429, body: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } } }, '/v1/images');
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'x' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
  });

  it('refuses a link to something that is not a picture', async () => {
    openai.failNext({ body: { created: 1, data: [{ url: `${openai.url}/files/page.html` }] } }, '/v1/images');
    openai.failNext({ headers: { 'Content-Type': 'text/html' }, body: '<h1>hi</h1>' }, '/files/');
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'x' });
    expect(res.status).toBe(502);
    expect((await errorOf(res)).error).toBe('OpenAI-compatible images answered with a link to text/html, not a picture or video');
  });
});
