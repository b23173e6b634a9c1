import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { byteSource } from './byte-source';
import { listPngChunks } from './png-chunks';
import { parseParametersText } from './parameters-text';
import { readContainerMetadata, readPictureSettings } from './read-picture-settings';
import type { StudioRecipe } from './studio-recipe';
import { writePictureRecipe } from './write-picture-recipe';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', name)));
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

const prompt = 'A lighthouse, at dusk: "calm" \u2014 caf\u00e9 \u{1f3ee}\nsecond line <script>alert(1)</script>';
const imageRecipe: StudioRecipe = {
  kind: 'image',
  seed: 4_000_000_001,
  request: { video_description: prompt, negative_prompt: 'blurry, text: none', style_preset: 'digital-art', aspect_ratio: '16:9', output_format: 'png', seed: 4_000_000_001 },
  itemId: 'item-42',
};
const transformRecipe: StudioRecipe = {
  kind: 'transform',
  seed: 77,
  request: { prompt: 'as a watercolour', negative_prompt: '', strength: 0.35, aspect_ratio: '1:1', output_format: 'webp', seed: 77 },
  itemId: 'item-43',
  sourceItemId: 'item-42',
};
const videoRecipe: StudioRecipe = { kind: 'video', seed: 9, request: { seed: 9, cfg_scale: 2.5, motion_bucket_id: 200 }, itemId: 'video-1', sourceItemId: 'item-42' };

/** Decoded pixels, to show the picture itself is untouched. */
const pixels = async (bytes: Uint8Array) => (await sharp(bytes).raw().toBuffer()).toString('base64');

describe('writing the recipe into what the studio hands out', () => {
  it.each<[string, StudioRecipe, string]>([
    ['studio-engine.png', imageRecipe, 'image/png'],
    ['studio-engine.jpg', imageRecipe, 'image/jpeg'],
    ['studio-engine.webp', transformRecipe, 'image/webp'],
    ['lossless-alpha.webp', imageRecipe, 'image/webp'],
  ])('%s: reads back as the studio\u2019s recipe, with the same pixels', async (name, recipe, type) => {
    const original = fixture(name);
    const written = await writePictureRecipe(new Blob([original]), recipe);
    expect(written.type).toBe(type);
    const bytes = await bytesOf(written);
    expect(await pixels(bytes)).toBe(await pixels(original));

    const settings = await readPictureSettings(written);
    if (!settings.ok) throw new Error(settings.message);
    expect(settings).toMatchObject({ source: 'studio', kind: recipe.kind, itemId: recipe.itemId, sourceItemId: recipe.sourceItemId, notes: [] });
    const sent = recipe.kind === 'image' ? settings.requests.image : settings.requests.transform;
    expect(sent).toEqual({ ...recipe.request, seed: recipe.seed });
    if (recipe.kind === 'image') expect(settings.requests.transform).toMatchObject({ prompt, negative_prompt: recipe.request.negative_prompt, aspect_ratio: '16:9' });
  });

  it.each(['studio-engine.png', 'studio-engine.jpg', 'studio-engine.webp'])('%s: its parameters text follows AUTOMATIC1111\u2019s format', async (name) => {
    const original = fixture(name);
    const written = await writePictureRecipe(new Blob([original]), imageRecipe);
    const metadata = await readContainerMetadata(byteSource(written));
    const text = metadata?.texts.find((entry) => entry.key === 'parameters')?.text;
    const lines = text!.split('\n');
    expect(lines[lines.length - 2]).toBe('Negative prompt: blurry, text: none');
    expect(lines.at(-1)).toBe('Seed: 4000000001, Size: 64x36, Aspect ratio: "16:9", Style: digital-art, Generator: AiArt Studio');
    const parsed = parseParametersText(text!);
    expect(parsed.prompt).toBe(prompt);
    expect(parsed.negativePrompt).toBe('blurry, text: none');
    expect(parsed.settings.get('Aspect ratio')).toBe('16:9');
  });

  it('gives every PNG chunk a correct CRC, leaves the image data as it was, and replaces rather than repeats', async () => {
    const original = fixture('studio-engine.png');
    const once = await writePictureRecipe(new Blob([original]), imageRecipe);
    const twice = await writePictureRecipe(once, transformRecipe);
    const bytes = await bytesOf(twice);
    const { chunks, end } = await listPngChunks(byteSource(bytes));
    expect(end).toBe('complete');
    for (const chunk of chunks) {
      const stored = new DataView(bytes.buffer).getUint32(chunk.offset + 8 + chunk.dataLength);
      expect(stored).toBe(zlibCrc32(bytes.subarray(chunk.offset + 4, chunk.offset + 8 + chunk.dataLength)));
    }
    const types = chunks.map((chunk) => chunk.type);
    expect(types.slice(0, 3)).toEqual(['IHDR', 'tEXt', 'tEXt']);
    expect(types.filter((type) => type === 'tEXt' || type === 'iTXt')).toHaveLength(2);
    const settings = await readPictureSettings(twice);
    expect(settings).toMatchObject({ ok: true, kind: 'transform', itemId: 'item-43' });
  });

  it('writes a prompt outside ASCII as UTF-8 iTXt and a plain one as tEXt', async () => {
    const written = await bytesOf(await writePictureRecipe(new Blob([fixture('studio-engine.png')]), imageRecipe));
    const { chunks } = await listPngChunks(byteSource(written));
    expect(chunks.slice(1, 3).map((chunk) => chunk.type)).toEqual(['iTXt', 'iTXt']);
  });

  it('keeps a JPEG\u2019s orientation', async () => {
    const original = fixture('camera-rotated.jpg');
    expect((await sharp(original).metadata()).orientation).toBe(6);
    const written = await bytesOf(await writePictureRecipe(new Blob([original]), imageRecipe));
    expect((await sharp(written).metadata()).orientation).toBe(6);
    expect(await pixels(written)).toBe(await pixels(original));
  });

  it('flags EXIF and XMP in a WebP\u2019s header, so other readers find them', async () => {
    for (const name of ['studio-engine.webp', 'lossless-alpha.webp']) {
      const original = fixture(name);
      const written = await bytesOf(await writePictureRecipe(new Blob([original]), transformRecipe));
      const metadata = await sharp(written).metadata();
      expect(metadata.xmp?.toString('utf8')).toContain('aiart:recipe');
      expect(metadata.exif?.length).toBeGreaterThan(20);
      expect(metadata.hasAlpha).toBe((await sharp(original).metadata()).hasAlpha);
      expect(new DataView(written.buffer).getUint32(4, true)).toBe(written.length - 8);
    }
  });

  it.each(['studio-engine.mp4', 'faststart.mp4'])('%s: carries a video recipe, with chunk offsets still on their samples', async (name) => {
    const original = fixture(name);
    const written = await bytesOf(await writePictureRecipe(new Blob([original]), videoRecipe));
    const settings = await readPictureSettings(written);
    expect(settings).toMatchObject({ ok: true, source: 'studio', kind: 'video', requests: { video: { seed: 9, cfg_scale: 2.5, motion_bucket_id: 200 } }, sourceItemId: 'item-42' });
    const samples = (bytes: Uint8Array) => {
      const at = Buffer.from(bytes).indexOf('stco');
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      const offsets = Array.from({ length: view.getUint32(at + 8) }, (_, i) => view.getUint32(at + 12 + 4 * i));
      return offsets.map((offset) => Buffer.from(bytes.subarray(offset, offset + 16)).toString('hex'));
    };
    expect(samples(written)).toEqual(samples(original));
  });

  it('hands out a damaged file unchanged', async () => {
    const cut = new Blob([fixture('studio-engine.png').subarray(0, 200)]);
    expect(await writePictureRecipe(cut, imageRecipe)).toBe(cut);
    const text = new Blob(['<svg onload=alert(1)>']);
    expect(await writePictureRecipe(text, imageRecipe)).toBe(text);
  });
});
