/** The contract's text-to-image rows, over real HTTP against a started engine. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASPECT_RATIOS, IMAGE_SIZES, OUTPUT_FORMATS, STYLE_PRESETS } from '../src/api/contract';
import { decodedSize, download, postJson } from './testing/fixtures';
import { startTestEngine, type TestEngine } from './testing/test-engine';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.dispose());

const generate = (body: unknown) => postJson(`${engine.url}/api/generate`, body);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function generated(body: Record<string, unknown>) {
  const res = await generate(body);
  expect(res.status).toBe(200);
  const json = (await res.json()) as { success: boolean; image_url: string; seed: number };
  expect(json.success).toBe(true);
  return { json, bytes: await download(json.image_url) };
}

describe('POST /api/generate', () => {
  it('applies the defaults: 16:9 PNG, a random seed reported back, an absolute image URL', async () => {
    const { json, bytes } = await generated({ video_description: 'a lighthouse on a cliff' });
    expect(json.image_url).toMatch(new RegExp(`^${engine.url}/images/[a-z0-9_]+\\.png$`));
    expect(json.seed).toBeGreaterThan(0);
    expect(await decodedSize(bytes)).toEqual({ format: 'png', width: 1344, height: 768 });
  });

  it.each(ASPECT_RATIOS)('renders aspect ratio %s at its pixel size', async (ratio) => {
    const { bytes } = await generated({ video_description: 'dunes', aspect_ratio: ratio, output_format: 'jpg', seed: 3 });
    const size = await decodedSize(bytes);
    expect([size.width, size.height]).toEqual([IMAGE_SIZES[ratio].width, IMAGE_SIZES[ratio].height]);
  });

  it.each(OUTPUT_FORMATS)('encodes output format %s', async (format) => {
    const { json, bytes } = await generated({ video_description: 'a fox', output_format: format, aspect_ratio: '1:1', seed: 9 });
    expect(json.image_url.endsWith(`.${format}`)).toBe(true);
    expect((await decodedSize(bytes)).format).toBe(format === 'jpg' ? 'jpeg' : format);
    const served = await fetch(json.image_url);
    expect(served.headers.get('content-type')).toBe(format === 'jpg' ? 'image/jpeg' : `image/${format}`);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives byte-identical files for the same prompt, parameters and non-zero seed', async () => {
    const body = { video_description: 'castle in fog', style_preset: 'anime', aspect_ratio: '4:3', seed: 12345 };
    const first = await generated(body);
    const second = await generated(body);
    expect(first.json.image_url).not.toBe(second.json.image_url);
    expect(sha(first.bytes)).toBe(sha(second.bytes));
    expect(first.json.seed).toBe(12345);
  });

  it('changes the picture with the seed, the prompt and the negative prompt', async () => {
    const base = { video_description: 'castle in fog', aspect_ratio: '1:1', output_format: 'jpg', seed: 77 };
    const hashes = await Promise.all(
      [base, { ...base, seed: 78 }, { ...base, video_description: 'a city at night' }, { ...base, negative_prompt: 'clouds, fog' }].map(
        async (body) => sha((await generated(body)).bytes),
      ),
    );
    expect(new Set(hashes).size).toBe(4);
  });

  it('picks a different random seed for each seed-0 request', async () => {
    const a = await generated({ video_description: 'reef', seed: 0, output_format: 'jpg' });
    const b = await generated({ video_description: 'reef', seed: 0, output_format: 'jpg' });
    expect(a.json.seed).not.toBe(b.json.seed);
    expect(sha(a.bytes)).not.toBe(sha(b.bytes));
  });

  it('gives each of the 17 style presets its own look', async () => {
    const hashes = new Set<string>();
    for (const style of [undefined, ...STYLE_PRESETS]) {
      const { bytes } = await generated({ video_description: 'mountain lake', style_preset: style, output_format: 'jpg', aspect_ratio: '1:1', seed: 5 });
      hashes.add(sha(bytes));
    }
    expect(hashes.size).toBe(STYLE_PRESETS.length + 1);
  });

  it('accepts the largest seed and treats an empty style as none', async () => {
    const { json } = await generated({ video_description: 'x', seed: 4294967294, style_preset: '' });
    expect(json.seed).toBe(4294967294);
  });

  const invalid: Array<[string, unknown, RegExp]> = [
    ['a missing prompt', { seed: 1 }, /video_description is required/],
    ['an empty prompt', { video_description: '   ' }, /video_description must not be empty/],
    ['a prompt over 10,000 characters', { video_description: 'a'.repeat(10_001) }, /video_description must be at most 10000/],
    ['a prompt that is not text', { video_description: 42 }, /video_description is required and must be text/],
    ['an unknown style', { video_description: 'x', style_preset: 'watercolor' }, /style_preset must be one of/],
    ['an unknown aspect ratio', { video_description: 'x', aspect_ratio: '2:1' }, /aspect_ratio must be one of/],
    ['an unknown format', { video_description: 'x', output_format: 'gif' }, /output_format must be one of/],
    ['a negative seed', { video_description: 'x', seed: -1 }, /seed must be a whole number/],
    ['a fractional seed', { video_description: 'x', seed: 1.5 }, /seed must be a whole number/],
    ['a seed over the maximum', { video_description: 'x', seed: 4294967295 }, /seed must be a whole number/],
    ['a seed that is not a number', { video_description: 'x', seed: 'abc' }, /seed must be a whole number/],
    ['a negative prompt that is not text', { video_description: 'x', negative_prompt: ['a'] }, /negative_prompt must be text/],
    ['a body that is an array', [1, 2], /must be a JSON object/],
  ];
  it.each(invalid)('answers 400 naming the field for %s', async (_, body, message) => {
    const before = await engine.files();
    const res = await generate(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect(await engine.files()).toEqual(before);
  });

  it('answers 400 for a body that is not JSON, and 415 for another content type', async () => {
    const broken = await fetch(`${engine.url}/api/generate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"video_' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'The request body is not valid JSON' });
    const text = await fetch(`${engine.url}/api/generate`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
  });

  it('answers 405 to the wrong method and 404 JSON for an unknown endpoint', async () => {
    const get = await fetch(`${engine.url}/api/generate`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    const unknown = await fetch(`${engine.url}/api/upscale`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'No API endpoint at /api/upscale' });
  });
});
