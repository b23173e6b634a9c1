/** Stability AI through the engine, against a fake that checks every request as the v2beta API defines it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sizeOf } from '../testing/fakes/fake-media';
import { readForm } from '../testing/fakes/fake-server';
import { type FakeStability, startFakeStability } from '../testing/fakes/fake-stability';
import { decodedSize, download, form, pollVideo, postForm, postJson, testPicture } from '../testing/fixtures';
import { startTestEngine, type TestEngine } from '../testing/test-engine';

const KEY = 'sk-stabilityTestKey0123456789';
let fake: FakeStability;
let engine: TestEngine;
beforeAll(async () => {
  fake = await startFakeStability({ key: KEY });
  engine = await startTestEngine({ AIART_STABILITY_API_KEY: KEY, AIART_STABILITY_URL: fake.url });
});
afterAll(async () => {
  await engine.dispose();
  await fake.close();
});

const lastRequest = () => fake.requests.at(-1)!;
const generate = (body: Record<string, unknown>) => postJson(`${engine.url}/api/generate`, body);
const errorOf = async (res: Response) => (await res.json()) as { error: string; error_type?: string };

describe('Stability AI backend', () => {
  it('lists its image models and Stable Video Diffusion, before the local preview', async () => {
    const info = (await (await fetch(`${engine.url}/engine.json`)).json()) as { engine: string; models: Array<{ id: string; operations: string[] }> };
    expect(info.engine).toBe('gateway');
    expect(info.models.map((m) => m.id)).toEqual([
      'stability:ultra',
      'stability:core',
      'stability:sd3.5-large',
      'stability:sd3.5-large-turbo',
      'stability:sd3.5-medium',
      'stability:stable-video-diffusion',
      'local:preview',
    ]);
    expect(info.models.find((m) => m.id === 'stability:core')!.operations).toEqual(['text-to-image']);
  });

  it('sends text to image as multipart with the key, Accept image/*, its own ratio and the preset', async () => {
    const res = await generate({ video_description: 'a lighthouse', negative_prompt: 'fog', style_preset: 'anime', aspect_ratio: '4:3', output_format: 'jpg', seed: 77 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { image_url: string; seed: number; model: string; width: number; height: number };
    expect(body).toMatchObject({ seed: 77, model: 'stability:ultra', width: 1088, height: 896 });
    const request = lastRequest();
    expect(request.path).toBe('/v2beta/stable-image/generate/ultra');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.headers.accept).toBe('image/*');
    expect((await readForm(request))!.fields).toEqual({
      prompt: 'a lighthouse',
      negative_prompt: 'fog',
      style_preset: 'anime',
      seed: '77',
      output_format: 'jpeg',
      aspect_ratio: '5:4',
    });
    expect(body.image_url).toMatch(new RegExp(`^${engine.url}/images/generated_77_[a-f0-9]+\\.jpg$`));
    expect(await decodedSize(await download(body.image_url))).toEqual({ format: 'jpeg', width: 1088, height: 896 });
  });

  it('sends an SD 3.5 model to the sd3 endpoint with its mode, and converts to WEBP itself', async () => {
    const res = await generate({ video_description: 'a fox', model: 'stability:sd3.5-large-turbo', output_format: 'webp', aspect_ratio: '9:16', seed: 3 });
    expect(res.status).toBe(200);
    const fields = (await readForm(lastRequest()))!.fields;
    expect(lastRequest().path).toBe('/v2beta/stable-image/generate/sd3');
    expect(fields).toMatchObject({ model: 'sd3.5-large-turbo', mode: 'text-to-image', output_format: 'png', aspect_ratio: '9:16' });
    const { image_url } = (await res.json()) as { image_url: string };
    expect(await decodedSize(await download(image_url))).toEqual({ format: 'webp', width: 768, height: 1344 });
  });

  it('transforms with the image fitted to the ratio and the strength, and no ratio field', async () => {
    const res = await postForm(
      `${engine.url}/api/img2img`,
      form({ prompt: 'ink drawing', strength: '0.35', aspect_ratio: '16:9', seed: '9', model: 'stability:sd3.5-medium' }, { bytes: await testPicture(900, 900, 'jpeg'), name: 'a.jpg' }),
    );
    expect(res.status).toBe(200);
    const sent = (await readForm(lastRequest()))!;
    expect(sent.fields).toMatchObject({ prompt: 'ink drawing', strength: '0.35', mode: 'image-to-image', model: 'sd3.5-medium', seed: '9' });
    expect(sent.fields.aspect_ratio).toBeUndefined();
    expect(sent.files.image.type).toBe('image/png');
    expect(await sizeOf(sent.files.image.bytes)).toMatchObject({ width: 1344, height: 768 });
    expect(await res.json()).toMatchObject({ width: 1344, height: 768, model: 'stability:sd3.5-medium' });
  });

  it('refuses image to image with Core before asking Stability', async () => {
    const before = fake.requests.length;
    const res = await postForm(`${engine.url}/api/img2img`, form({ prompt: 'x', model: 'stability:core' }, { bytes: await testPicture(64, 64), name: 'a.png' }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error).toBe('model "stability:core" (Stable Image Core) cannot do image to image; /engine.json lists what each model can do.');
    expect(fake.requests.length).toBe(before);
  });

  it('answers a moderation refusal and a blurred result as clear refusals, keeping nothing', async () => {
    const before = await engine.files();
    for (const prompt of ['forbidden scene', 'blurred scene']) {
      const res = await generate({ video_description: prompt });
      expect(res.status).toBe(400);
      const body = await errorOf(res);
      expect(body.error_type).toBe('content_moderation');
      expect(body.error).toMatch(/^Stability AI (refused this request|blurred the picture): its content moderation flagged/);
    }
    expect(await engine.files()).toEqual(before);
  });

  it.each([
    [401, { name: 'unauthorized', errors: ['bad key'] }, {}, 401, /Stability AI refused the engine's credentials \(HTTP 401\): check AIART_STABILITY_API_KEY\./],
    [402, { name: 'payment_required', errors: ['lack sufficient credits'] }, {}, 402, /^Stability AI is out of credits \(the account of the key in AIART_STABILITY_API_KEY\)/],
    [429, { name: 'rate_limit_exceeded', errors: ['too many'] }, { 'Retry-After': '7' }, 429, /^Stability AI is limiting requests: retry in 7 s\.$/],
    [500, { name: 'internal_error', errors: ['boom'] }, {}, 502, /^Stability AI failed \(HTTP 500\): boom$/],
    [413, { name: 'payload_too_large', errors: ['too big'] }, {}, 413, /too large/],
  ])('maps an upstream %i to %i in plain words', async (status, body, headers, expected, message) => {
    fake.failNext({ status, body: { id: 'x', ...body }, headers }, '/v2beta/stable-image');
    const res = await generate({ video_description: 'x' });
    expect(res.status).toBe(expected);
    expect((await errorOf(res)).error).toMatch(message);
    if (expected === 429) expect(res.headers.get('retry-after')).toBe('7');
  });

  it('starts a video with the frame fitted to its size, reports 202 while Stability renders, then keeps the MP4', async () => {
    const start = await postForm(`${engine.url}/api/img2video`, form({ seed: '12', cfg_scale: '2', motion_bucket_id: '90', model: 'stability:stable-video-diffusion' }, { bytes: await testPicture(1600, 900, 'jpeg'), name: 'a.jpg' }));
    expect(start.status).toBe(200);
    const sent = (await readForm(lastRequest()))!;
    expect(sent.fields).toEqual({ seed: '12', cfg_scale: '2', motion_bucket_id: '90' });
    expect(await sizeOf(sent.files.image.bytes)).toMatchObject({ width: 1024, height: 576 });
    const { id } = (await start.json()) as { id: string };
    const first = await fetch(`${engine.url}/api/img2video/result/${id}`);
    expect(first.status).toBe(202);
    expect(lastRequest().headers.accept).toBe('video/*');
    const done = await pollVideo(engine.url, id, '', 1);
    expect(done.body).toMatchObject({ status: 'complete', finish_reason: 'SUCCESS', seed: '12', model: 'stability:stable-video-diffusion' });
    const video = await fetch(`${engine.url}${(done.body as { video_url: string }).video_url}`);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await video.arrayBuffer()).toString('latin1', 4, 8)).toBe('ftyp');
  });

  it('keeps polling a Stability video job after the engine restarts', async () => {
    const first = await startTestEngine({ AIART_STABILITY_API_KEY: KEY, AIART_STABILITY_URL: fake.url });
    const start = await postForm(`${first.url}/api/img2video`, form({ seed: '5', model: 'stability:stable-video-diffusion' }, { bytes: await testPicture(576, 1024), name: 'a.png' }));
    const started = (await start.json()) as { id: string };
    expect(started).toMatchObject({ success: true, model: 'stability:stable-video-diffusion' });
    const { id } = started;
    await first.close();
    const second = await startTestEngine({ AIART_STABILITY_API_KEY: KEY, AIART_STABILITY_URL: fake.url }, first.dataDir);
    try {
      expect((await pollVideo(second.url, id, '', 1)).body).toMatchObject({ status: 'complete', seed: '5' });
    } finally {
      await second.dispose();
    }
  });

  it('ends a video job Stability no longer knows as a failure', async () => {
    const start = await postForm(`${engine.url}/api/img2video`, form({ model: 'stability:stable-video-diffusion' }, { bytes: await testPicture(800, 800), name: 'a.png' }));
    const { id } = (await start.json()) as { id: string };
    fake.failNext({ status: 404, body: { id: 'x', name: 'not_found', errors: ['gone'] } }, '/v2beta/image-to-video/result');
    const res = await fetch(`${engine.url}/api/img2video/result/${id}`);
    expect(res.status).toBe(500);
    expect((await errorOf(res)).error).toMatch(/no longer has this video/);
  });

  it('refuses a model it does not offer, naming it', async () => {
    const res = await generate({ video_description: 'x', model: 'stability:sdxl-beta' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error).toBe('model "stability:sdxl-beta" is not offered by this engine: Stability AI has no such model. /engine.json lists the models.');
  });
});
