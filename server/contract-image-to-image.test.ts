/** The contract's image-to-image rows and upload validation, over real HTTP. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedSize, download, form, postForm, testPicture } from './testing/fixtures';
import { startTestEngine, type TestEngine } from './testing/test-engine';

let engine: TestEngine;
let photo: Buffer;
beforeAll(async () => {
  engine = await startTestEngine();
  photo = await testPicture(1200, 800, 'jpeg');
});
afterAll(() => engine.dispose());

const transform = (fields: Record<string, string>, image?: Parameters<typeof form>[1]) =>
  postForm(`${engine.url}/api/img2img`, form(fields, image));

/** Mean absolute difference per channel between two images of one size, 0..255. */
async function difference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const raw = (bytes: Uint8Array) => sharp(bytes).resize(256, 256, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  const [x, y] = await Promise.all([raw(a), raw(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i] - y[i]);
  return sum / x.length;
}

describe('POST /api/img2img', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('transforms a %s upload into a 1:1 PNG by default', async (kind) => {
    const res = await transform({ prompt: 'a watercolor' }, { bytes: await testPicture(900, 600, kind), name: `photo.${kind}` });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { image_url: string; seed: number; success: boolean };
    expect(json.success).toBe(true);
    expect(json.seed).toBeGreaterThan(0);
    expect(json.image_url).toMatch(new RegExp(`^${engine.url}/processed_images/[a-z0-9_]+\\.png$`));
    expect(await decodedSize(await download(json.image_url))).toEqual({ format: 'png', width: 1024, height: 1024 });
  });

  it('honours aspect ratio, format and seed, reproducibly', async () => {
    const fields = { prompt: 'neon city', aspect_ratio: '9:16', output_format: 'webp', seed: '99', style_preset: 'neon-punk' };
    const first = (await (await transform(fields, { bytes: photo, name: 'a.jpg' })).json()) as { image_url: string; seed: number };
    const second = (await (await transform(fields, { bytes: photo, name: 'a.jpg' })).json()) as { image_url: string };
    expect(first.seed).toBe(99);
    const bytes = await download(first.image_url);
    expect(await decodedSize(bytes)).toEqual({ format: 'webp', width: 768, height: 1344 });
    expect(bytes.equals(await download(second.image_url))).toBe(true);
  });

  it('keeps more of the upload at low strength than at high strength', async () => {
    const source = await sharp(photo).resize(1024, 1024, { fit: 'cover' }).png().toBuffer();
    const at = async (strength: string) => {
      const res = await transform({ prompt: 'a forest at night', strength, seed: '4', style_preset: 'comic-book' }, { bytes: photo, name: 'p.jpg' });
      return difference(source, await download(((await res.json()) as { image_url: string }).image_url));
    };
    const [none, low, high] = [await at('0'), await at('0.2'), await at('0.9')];
    expect(none).toBeLessThan(2);
    expect(low).toBeGreaterThan(none);
    expect(high).toBeGreaterThan(low * 1.5);
  });

  const truncatedPng = async () => (await testPicture(400, 400, 'png')).subarray(0, 300);
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
  const bomb = () => sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#000' } }).png().toBuffer();
  const invalid: Array<[string, () => Promise<{ fields: Record<string, string>; image?: Parameters<typeof form>[1] }>, number, RegExp]> = [
    ['no image', async () => ({ fields: { prompt: 'x' } }), 400, /image is required/],
    ['an empty file', async () => ({ fields: { prompt: 'x' }, image: { bytes: new Uint8Array(), name: 'e.png' } }), 400, /image is empty/],
    ['no prompt', async () => ({ fields: {}, image: { bytes: photo, name: 'a.jpg' } }), 400, /prompt is required/],
    ['a strength over 1', async () => ({ fields: { prompt: 'x', strength: '1.5' }, image: { bytes: photo, name: 'a.jpg' } }), 400, /strength must be a number from 0.0 to 1.0/],
    ['a strength that is not a number', async () => ({ fields: { prompt: 'x', strength: 'lots' }, image: { bytes: photo, name: 'a.jpg' } }), 400, /strength must be/],
    ['an unknown style', async () => ({ fields: { prompt: 'x', style_preset: 'oil' }, image: { bytes: photo, name: 'a.jpg' } }), 400, /style_preset must be one of/],
    ['text renamed .png', async () => ({ fields: { prompt: 'x' }, image: { bytes: Buffer.from('hello, not an image'), name: 'fake.png', type: 'image/png' } }), 415, /must be a JPG, PNG or WEBP/],
    ['an SVG', async () => ({ fields: { prompt: 'x' }, image: { bytes: svg, name: 'a.svg', type: 'image/svg+xml' } }), 415, /must be a JPG, PNG or WEBP/],
    ['a GIF', async () => ({ fields: { prompt: 'x' }, image: { bytes: await testPicture(20, 20, 'gif'), name: 'a.gif' } }), 415, /must be a JPG, PNG or WEBP/],
    ['a truncated PNG', async () => ({ fields: { prompt: 'x' }, image: { bytes: await truncatedPng(), name: 't.png' } }), 415, /damaged or truncated|not a readable PNG/],
    ['a decompression bomb', async () => ({ fields: { prompt: 'x' }, image: { bytes: await bomb(), name: 'b.png' } }), 413, /8000x8000 pixels; at most 40 megapixels/],
    ['a file over 10 MB', async () => ({ fields: { prompt: 'x' }, image: { bytes: new Uint8Array(10 * 1024 * 1024 + 1), name: 'big.png' } }), 413, /at most 10 MB/],
  ];
  it.each(invalid)('refuses %s with a JSON error and writes nothing', async (_, make, status, message) => {
    const { fields, image } = await make();
    const before = await engine.files();
    const res = await transform(fields, image);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect(await engine.files()).toEqual(before);
  });

  it('refuses a body that is not multipart', async () => {
    const res = await fetch(`${engine.url}/api/img2img`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/multipart\/form-data/);
  });
});
