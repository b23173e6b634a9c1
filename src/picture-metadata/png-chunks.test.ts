import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { byteSource } from './byte-source';
import { chunkSpan, listPngChunks } from './png-chunks';
import { pngChunk, textChunk } from './png-recipe-writer';
import { readPictureSettings } from './read-picture-settings';
import { writePictureRecipe } from './write-picture-recipe';

/** Every chunk type in order, by a plain walk of the bytes, to compare the fast listing with. */
function allChunks(bytes: Uint8Array): Array<{ type: string; offset: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const chunks = [];
  for (let at = 8; at < bytes.length; at += 12 + view.getUint32(at)) chunks.push({ type: String.fromCharCode(...bytes.subarray(at + 4, at + 8)), offset: at });
  return chunks;
}

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const IEND = pngChunk('IEND', new Uint8Array(0));
const parameters = (prompt: string) => textChunk('parameters', `${prompt}\nSteps: 20, Seed: 9, Size: 1100x1000`);
let noise: Uint8Array;

beforeAll(async () => {
  const pixels = Buffer.alloc(1100 * 1000 * 3);
  let state = 7;
  for (let i = 0; i < pixels.length; i++) pixels[i] = (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24;
  noise = new Uint8Array(await sharp(pixels, { raw: { width: 1100, height: 1000, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer());
});

/** The noise PNG with `chunks` between its last IDAT and IEND. */
const withTrailer = (...chunks: Uint8Array[]) => concat(noise.subarray(0, noise.length - 12), ...chunks, IEND);

describe('listing a large PNG\u2019s chunks from its two ends', () => {
  it('finds the chunks after the image data without reading it', async () => {
    const bytes = withTrailer(parameters('after the pixels'), textChunk('Comment', 'hello'));
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    const { chunks, end } = await listPngChunks(byteSource(new Blob([bytes])));
    const every = allChunks(bytes);
    expect(every.length).toBeGreaterThan(300);
    expect(end).toBe('complete');
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IDAT', 'tEXt', 'tEXt', 'IEND']);
    expect(chunks.filter((chunk) => chunk.type !== 'IDAT')).toEqual(expect.arrayContaining(every.filter((chunk) => chunk.type !== 'IDAT').map((chunk) => expect.objectContaining(chunk))));
    expect(chunks[3].offset).toBe(every.filter((chunk) => chunk.type === 'IDAT').at(-1)!.offset);
    expect(await readPictureSettings(new Blob([bytes]))).toMatchObject({ ok: true, found: { prompt: 'after the pixels' } });
  });

  it('is not misled by the letters IDAT inside the image data', async () => {
    const lastImageData = allChunks(noise).filter((chunk) => chunk.type === 'IDAT').at(-1)!;
    const bytes = withTrailer(parameters('still found'));
    // A fake chunk header inside the last IDAT's data, pointing at the real trailer's middle.
    bytes.set([0, 0, 0, 5, 0x49, 0x44, 0x41, 0x54], lastImageData.offset + 100);
    const { chunks } = await listPngChunks(byteSource(new Blob([bytes])));
    expect(chunks.find((chunk) => chunk.type === 'tEXt')).toBeDefined();
    expect(chunks.filter((chunk) => chunk.type === 'IDAT').at(-1)!.offset).toBe(lastImageData.offset);
  });

  it('walks every chunk when what follows the image data is larger than the window it reads', async () => {
    const big = textChunk('Comment', 'x'.repeat(1_500_000));
    const bytes = withTrailer(big, parameters('beyond the window'));
    const { chunks, end } = await listPngChunks(byteSource(new Blob([bytes])));
    expect(end).toBe('complete');
    expect(chunks.length).toBe(allChunks(bytes).length);
    const result = await readPictureSettings(new Blob([bytes]));
    expect(result).toMatchObject({ ok: true, found: { prompt: 'beyond the window' }, notes: expect.arrayContaining([expect.stringMatching(/“Comment” .* was not read/)]) });
  });

  it('reads a picture stored as one large IDAT', async () => {
    const header = noise.subarray(0, 33);
    const single = pngChunk('IDAT', new Uint8Array(3 * 1024 * 1024));
    const bytes = concat(header, single, parameters('one chunk of pixels'), IEND);
    const { chunks } = await listPngChunks(byteSource(new Blob([bytes])));
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'tEXt', 'IEND']);
    expect(chunks[1]).toMatchObject({ offset: 33, dataLength: 3 * 1024 * 1024 });
    expect(chunkSpan(chunks[1])).toBe(single.length);
  });

  it('rewrites a large PNG\u2019s recipe, dropping the old one after the image data, with the same pixels', async () => {
    const bytes = withTrailer(parameters('the old settings'));
    const written = await writePictureRecipe(new Blob([bytes]), { kind: 'image', seed: 3, request: { video_description: 'the new settings', negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: 3 } });
    const out = new Uint8Array(await written.arrayBuffer());
    expect(allChunks(out).filter((chunk) => chunk.type === 'tEXt')).toHaveLength(2);
    expect(await readPictureSettings(written)).toMatchObject({ ok: true, source: 'studio', found: { prompt: 'the new settings' } });
    const decoded = await sharp(out).raw().toBuffer();
    expect(decoded.equals(await sharp(noise).raw().toBuffer())).toBe(true);
  });
});
