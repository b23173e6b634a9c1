/**
 * The contract's rows that hold whatever makes the picture, run against every backend through
 * its fake: defaults, pixel sizes read from the file, formats, validation that never reaches the
 * upstream, and, where a backend animates, a video job to the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASPECT_RATIOS, type AspectRatio, IMAGE_SIZES, OUTPUT_FORMATS, type PixelSize } from '../../src/api/contract';
import { startFakeAutomatic1111 } from '../testing/fakes/fake-automatic1111';
import { startFakeComfyUi } from '../testing/fakes/fake-comfyui';
import { startFakeOpenAiImages } from '../testing/fakes/fake-openai-images';
import type { FakeServer } from '../testing/fakes/fake-server';
import { startFakeStability } from '../testing/fakes/fake-stability';
import { decodedSize, download, form, pollVideo, postForm, postJson, testPicture } from '../testing/fixtures';
import { startTestEngine, type TestEngine } from '../testing/test-engine';
import { openAiSize, STABILITY_SIZES } from './native-sizes';

interface Setup {
  name: string;
  /** Starts the fake and names the engine's settings for it; none for the local preview. */
  start(): Promise<{ fake?: FakeServer; env: Record<string, string> }>;
  sizes: Record<AspectRatio, PixelSize>;
  seeded: boolean;
  video: boolean;
}

const KEY = 'sk-contractKey0123';
const SETUPS: Setup[] = [
  { name: 'local preview', start: async () => ({ env: {} }), sizes: IMAGE_SIZES, seeded: true, video: true },
  {
    name: 'Stability AI',
    start: async () => {
      const fake = await startFakeStability({ key: KEY, pollsBeforeVideo: 1 });
      return { fake, env: { AIART_STABILITY_API_KEY: KEY, AIART_STABILITY_URL: fake.url } };
    },
    sizes: STABILITY_SIZES,
    seeded: true,
    video: true,
  },
  {
    name: 'AUTOMATIC1111',
    start: async () => {
      const fake = await startFakeAutomatic1111({ checkpoints: [{ title: 'base.safetensors [1]', model_name: 'base' }] });
      return { fake, env: { AIART_A1111_URL: fake.url } };
    },
    sizes: IMAGE_SIZES,
    seeded: true,
    video: false,
  },
  {
    name: 'ComfyUI',
    start: async () => {
      const fake = await startFakeComfyUi({ checkpoints: ['base.safetensors'], pollsBeforeDone: 0 });
      return { fake, env: { AIART_COMFYUI_URL: fake.url } };
    },
    sizes: IMAGE_SIZES,
    seeded: true,
    video: false,
  },
  {
    name: 'OpenAI-compatible images',
    start: async () => {
      const fake = await startFakeOpenAiImages({ key: KEY });
      return { fake, env: { AIART_OPENAI_API_KEY: KEY, AIART_OPENAI_URL: fake.url } };
    },
    sizes: Object.fromEntries(ASPECT_RATIOS.map((r) => [r, openAiSize('gpt-image-1', r)])) as Record<AspectRatio, PixelSize>,
    seeded: false,
    video: false,
  },
];

describe.each(SETUPS)('the contract through $name', (setup) => {
  let engine: TestEngine;
  let fake: FakeServer | undefined;
  beforeAll(async () => {
    const started = await setup.start();
    fake = started.fake;
    engine = await startTestEngine(started.env);
  });
  afterAll(async () => {
    await engine.dispose();
    await fake?.close();
  });

  async function generated(body: Record<string, unknown>) {
    const res = await postJson(`${engine.url}/api/generate`, body);
    expect(res.status).toBe(200);
    const json = (await res.json()) as { success: boolean; image_url: string; seed?: number };
    expect(json.success).toBe(true);
    return { json, bytes: await download(json.image_url) };
  }

  it('applies the defaults: a 16:9 PNG under an absolute image URL, with the seed where the backend takes one', async () => {
    const { json, bytes } = await generated({ video_description: 'a lighthouse on a cliff' });
    expect(json.image_url).toMatch(new RegExp(`^${engine.url}/images/[a-z0-9_]+\\.png$`));
    if (setup.seeded) expect(json.seed).toBeGreaterThan(0);
    else expect(json.seed).toBeUndefined();
    expect(await decodedSize(bytes)).toEqual({ format: 'png', ...setup.sizes['16:9'] });
  });

  it.each(ASPECT_RATIOS)('answers aspect ratio %s at the size read from the file', async (ratio) => {
    const { bytes } = await generated({ video_description: 'dunes', aspect_ratio: ratio, output_format: 'jpg', seed: 3 });
    expect(await decodedSize(bytes)).toEqual({ format: 'jpeg', ...setup.sizes[ratio] });
  });

  it.each(OUTPUT_FORMATS)('keeps output format %s, served with its type', async (format) => {
    const { json, bytes } = await generated({ video_description: 'a fox', output_format: format, aspect_ratio: '1:1', seed: 9 });
    expect(json.image_url.endsWith(`.${format}`)).toBe(true);
    expect((await decodedSize(bytes)).format).toBe(format === 'jpg' ? 'jpeg' : format);
    const served = await fetch(json.image_url);
    expect(served.headers.get('content-type')).toBe(format === 'jpg' ? 'image/jpeg' : `image/${format}`);
  });

  it.each([
    ['a missing prompt', { seed: 1 }, /video_description is required/],
    ['an unknown style', { video_description: 'x', style_preset: 'watercolor' }, /style_preset must be one of/],
    ['a seed over the maximum', { video_description: 'x', seed: 4294967295 }, /seed must be a whole number/],
    ['a model written without its backend', { video_description: 'x', model: 'ultra' }, /model must be a model id from \/engine\.json written backend:model/],
    ['a backend this engine lacks', { video_description: 'x', model: 'midjourney:v7' }, /model "midjourney:v7" is not offered by this engine: it has no backend "midjourney"/],
  ])('answers 400 for %s, asking the backend nothing and writing nothing', async (_, body, message) => {
    const before = { files: await engine.files(), asked: fake?.requests.length };
    const res = await postJson(`${engine.url}/api/generate`, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect({ files: await engine.files(), asked: fake?.requests.length }).toEqual(before);
  });

  if (setup.name !== 'local preview') it('sends a model only to the backend that lists it: local:preview is drawn here', async () => {
    const asked = fake?.requests.length;
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'x', model: 'local:preview', aspect_ratio: '1:1', output_format: 'jpg' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ model: 'local:preview' });
    expect(fake?.requests.length).toBe(asked);
  });

  it('transforms an upload into a 1:1 PNG by default', async () => {
    const res = await postForm(`${engine.url}/api/img2img`, form({ prompt: 'a watercolour' }, { bytes: await testPicture(900, 600, 'jpeg'), name: 'photo.jpg' }));
    expect(res.status).toBe(200);
    const json = (await res.json()) as { image_url: string };
    expect(json.image_url).toMatch(new RegExp(`^${engine.url}/processed_images/[a-z0-9_]+\\.png$`));
    expect(await decodedSize(await download(json.image_url))).toEqual({ format: 'png', ...setup.sizes['1:1'] });
  });

  it('refuses an upload that is not a picture before asking the backend', async () => {
    const asked = fake?.requests.length;
    const res = await postForm(`${engine.url}/api/img2img`, form({ prompt: 'x' }, { bytes: Buffer.from('hello, not an image'), name: 'fake.png', type: 'image/png' }));
    expect(res.status).toBe(415);
    expect(fake?.requests.length).toBe(asked);
  });

  if (setup.video) it('runs a video job to a playable MP4', async () => {
    const start = await postForm(`${engine.url}/api/img2video`, form({ seed: '11' }, { bytes: await testPicture(1600, 900, 'png'), name: 'in.png' }));
    expect(start.status).toBe(200);
    const { id } = (await start.json()) as { id: string };
    const result = await pollVideo(engine.url, id, '', 5);
    expect(result.body).toMatchObject({ status: 'complete', finish_reason: 'SUCCESS', seed: '11' });
    const video = await fetch(`${engine.url}${(result.body as { video_url: string }).video_url}`);
    expect(video.headers.get('content-type')).toBe('video/mp4');
  });
});
