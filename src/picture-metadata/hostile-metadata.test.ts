import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngChunk, textChunk } from './png-recipe-writer';
import { readPictureSettings } from './read-picture-settings';
import { parseMetadataJson } from './safe-json';
import { recipeJson } from './studio-recipe';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', name)));
const encode = (text: string) => new TextEncoder().encode(text);
/** The signature and IHDR of a real 64×36 PNG. */
const PNG_HEAD = fixture('studio-engine.png').subarray(0, 33);
const IEND = pngChunk('IEND', new Uint8Array(0));
const png = (...chunks: BlobPart[]) => new Blob([PNG_HEAD, ...chunks, IEND]);

const zTXt = (keyword: string, compressed: Uint8Array) => pngChunk('zTXt', new Uint8Array([...encode(keyword), 0, 0, ...compressed]));
const goodParameters = textChunk('parameters', 'a lighthouse\nNegative prompt: fog\nSteps: 20, Seed: 42, Size: 512x512');
const studioRecipe = textChunk('aiart-recipe', recipeJson({ kind: 'image', seed: 5, request: { video_description: 'kept', negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: 5 } }));

/** A Blob that counts the bytes read from it through slices. */
class CountingBlob extends Blob {
  bytesRead = 0;
  override slice(start = 0, end = this.size, type?: string): Blob {
    this.bytesRead += Math.min(end, this.size) - start;
    return super.slice(start, end, type);
  }
}

async function refused(file: Blob) {
  const result = await readPictureSettings(file);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('hostile metadata', () => {
  it('refuses a 50 MB text chunk without reading it', async () => {
    const huge = new Uint8Array(50 * 1024 * 1024);
    huge.set(encode('parameters\0'));
    const file = new CountingBlob([png(pngChunk('tEXt', huge))]);
    const result = await refused(file);
    expect(file.bytesRead).toBeLessThan(4 * 1024 * 1024);
    expect(result.reason).toBe('text-too-large');
    expect(result.message).toMatch(/“parameters” \(52,428,800 bytes\) was not read/);
  });

  it('still reads the settings beside a refused chunk, and says what it left out', async () => {
    const huge = new Uint8Array(2 * 1024 * 1024);
    huge.set(encode('Comment\0'));
    const result = await readPictureSettings(png(pngChunk('tEXt', huge), goodParameters));
    expect(result).toMatchObject({ ok: true, source: 'a1111', found: { prompt: 'a lighthouse', seed: '42' } });
    expect(result.ok && result.notes.at(-1)).toMatch(/“Comment” .* was not read/);
  });

  it('refuses a broken zTXt with a named reason', async () => {
    const result = await refused(png(zTXt('parameters', encode('this is not zlib data at all'))));
    expect(result.reason).toBe('compressed-text-damaged');
    const cut = deflateSync(encode('a prompt\nSteps: 1, Seed: 2, Size: 3x3'));
    expect((await refused(png(zTXt('parameters', cut.subarray(0, cut.length - 8))))).reason).toBe('compressed-text-damaged');
  });

  it('stops inflating a small zTXt that would grow to 100 MB', async () => {
    const bomb = deflateSync(new Uint8Array(100 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const result = await refused(png(zTXt('parameters', bomb)));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.reason).toBe('compressed-text-too-large');
  });

  it('reads a healthy zTXt and a compressed iTXt', async () => {
    const text = 'a quiet harbour\nNegative prompt: rain\nSteps: 20, Seed: 7, Size: 640x480';
    expect(await readPictureSettings(png(zTXt('parameters', deflateSync(encode(text)))))).toMatchObject({ ok: true, found: { prompt: 'a quiet harbour', negativePrompt: 'rain' } });
    const iTXt = pngChunk('iTXt', new Uint8Array([...encode('parameters'), 0, 1, 0, 0, 0, ...deflateSync(encode(text.replace('harbour', 'harbour \u00e0 Nice')))]));
    expect(await readPictureSettings(png(iTXt))).toMatchObject({ ok: true, found: { prompt: 'a quiet harbour \u00e0 Nice' } });
  });

  it('refuses JSON nested 10,000 deep before parsing it, in every JSON format', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(parseMetadataJson(deep)).toEqual({ ok: false, reason: 'json-too-deep' });
    expect(parseMetadataJson('['.repeat(1_000_000))).toEqual({ ok: false, reason: 'json-too-deep' });
    for (const keyword of ['prompt', 'aiart-recipe', 'invokeai_metadata']) {
      expect((await refused(png(textChunk(keyword, deep)))).reason).toBe('json-too-deep');
    }
    expect((await refused(png(textChunk('parameters', `{"metadata_scheme": "fooocus", "x": ${'['.repeat(10_000)}`)))).reason).toBe('json-too-deep');
  });

  it('keeps script in a prompt as plain text', async () => {
    const prompt = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const result = await readPictureSettings(png(textChunk('parameters', `${prompt}\nNegative prompt: </textarea><b>\nSteps: 1, Seed: 3, Size: 64x64`)));
    expect(result).toMatchObject({ ok: true, requests: { image: { video_description: prompt, negative_prompt: '</textarea><b>' } } });
  });

  it('refuses a recipe whose settings the contract does not accept, or of another version', async () => {
    const hostileStyle = textChunk('aiart-recipe', JSON.stringify({ format: 'aiart-recipe', version: 1, kind: 'image', seed: 1, request: { video_description: 'x', style_preset: '<img onerror=alert(1)>' } }));
    expect((await refused(png(hostileStyle))).reason).toBe('recipe-invalid');
    const future = textChunk('aiart-recipe', JSON.stringify({ format: 'aiart-recipe', version: 2, kind: 'image', seed: 1, request: {} }));
    expect((await refused(png(future))).reason).toBe('unsupported-version');
  });

  it('refuses a text chunk whose checksum does not match', async () => {
    const altered = studioRecipe.slice();
    altered[40] ^= 1;
    expect((await refused(png(altered))).reason).toBe('checksum-mismatch');
  });

  it('refuses past the per-file budget of text', async () => {
    const filler = (i: number) => textChunk(`filler${i}`, 'x'.repeat(900_000));
    const result = await readPictureSettings(png(...Array.from({ length: 5 }, (_, i) => filler(i)), studioRecipe));
    expect(result).toMatchObject({ ok: true, source: 'studio', notes: [expect.stringMatching(/“filler4” was not read: the file carries more than 4,194,304 bytes of metadata/)] });
    expect(await readPictureSettings(png(...Array.from({ length: 5 }, (_, i) => filler(i))))).toMatchObject({ ok: false, reason: 'too-much-text' });
  });

  it('walks a ComfyUI graph whose links form a cycle, and finds no prompt in it', async () => {
    const graph = { 1: { class_type: 'KSampler', inputs: { seed: 5, positive: ['2', 0], negative: ['2', 0], latent_image: ['3', 0] } }, 2: { class_type: 'Loop', inputs: { conditioning: ['2', 0] } }, 3: { class_type: 'Loop', inputs: { samples: ['3', 0] } } };
    expect((await refused(png(textChunk('prompt', JSON.stringify(graph))))).reason).toBe('no-prompt');
  });

  it('maps seeds honestly: -1 and out-of-range seeds become random, and says so', async () => {
    const withSeed = (seed: string) => readPictureSettings(png(textChunk('parameters', `a cat\nCFG scale: 7, Seed: ${seed}, Size: 64x64`)));
    const cfg = 'Shown, not sent (the studio\'s backends choose these themselves): CFG scale 7.';
    expect(await withSeed('-1')).toMatchObject({ ok: true, requests: { image: { seed: 0 } }, notes: [expect.stringMatching(/random seed \(-1\)/), cfg] });
    expect(await withSeed('4294967294')).toMatchObject({ ok: true, requests: { image: { seed: 4294967294 } }, fromPicture: expect.arrayContaining(['seed']), notes: [cfg] });
    expect(await withSeed('18446744073709551615')).toMatchObject({ ok: true, requests: { image: { seed: 0 } }, found: { seed: '18446744073709551615' }, notes: [expect.stringMatching(/beyond the studio's range/), cfg] });
  });

  it('answers every damaged or altered file with a named reason, never an exception', async () => {
    let state = 12345;
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const name of ['automatic1111.png', 'automatic1111.jpg', 'comfyui-img2img.png', 'novelai.png', 'studio-engine.webp', 'faststart.mp4']) {
      const original = fixture(name);
      for (let run = 0; run < 150; run++) {
        const bytes = original.slice(0, run % 3 === 0 ? Math.floor(random() * original.length) : original.length);
        for (let flips = 0; flips < 4; flips++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        const result = await readPictureSettings(new Blob([bytes]));
        if (!result.ok) expect(result.reason, `${name} run ${run}`).not.toBe('unreadable');
      }
    }
  });
});
