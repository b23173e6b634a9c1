import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../api/contract';
import { checkImageFile, type ImageDecoder, sniffImageType } from './image-file-check';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** A file whose bytes have the framing of a real PNG (signature ... IEND). */
const png = (middle = 40) => new Uint8Array([...PNG_SIGNATURE, ...new Array(middle).fill(7), ...PNG_END]);
const jpeg = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(1), 0xff, 0xd9]);
function webp(declaredBody = 30, actualBody = 30) {
  const bytes = new Uint8Array(8 + actualBody);
  bytes.set(ascii('RIFF'));
  new DataView(bytes.buffer).setUint32(4, declaredBody, true);
  bytes.set(ascii('WEBP'), 8);
  return bytes;
}
const file = (bytes: BlobPart, name: string, type = '') => new File([bytes], name, { type });

const decodes: ImageDecoder = async () => ({ width: 640, height: 480 });
const fails: ImageDecoder = async () => {
  throw new Error('cannot decode');
};

describe('sniffImageType', () => {
  it('knows PNG, JPEG and WEBP by their first bytes only', () => {
    expect(sniffImageType(png())).toBe('image/png');
    expect(sniffImageType(jpeg())).toBe('image/jpeg');
    expect(sniffImageType(webp())).toBe('image/webp');
    expect(sniffImageType(new Uint8Array(ascii('GIF89a')))).toBeUndefined();
    expect(sniffImageType(new Uint8Array())).toBeUndefined();
  });
});

describe('checkImageFile', () => {
  it('accepts a PNG renamed .jpg, and types it by its bytes', async () => {
    const result = await checkImageFile(file(png(), 'holiday.jpg', 'image/jpeg'), decodes);
    expect(result).toMatchObject({ ok: true, image: { type: 'image/png', width: 640, height: 480 } });
    if (result.ok) expect(result.image.file.type).toBe('image/png');
  });

  it('accepts JPEG and WEBP', async () => {
    expect((await checkImageFile(file(jpeg(), 'a.jpeg'), decodes)).ok).toBe(true);
    expect((await checkImageFile(file(webp(), 'a.webp'), decodes)).ok).toBe(true);
  });

  it('refuses a text file renamed .png, naming the file', async () => {
    const result = await checkImageFile(file('just some notes', 'notes.png', 'image/png'), decodes);
    expect(result).toEqual({ ok: false, message: '“notes.png” is not an image the studio can use: only JPG, PNG and WEBP images are accepted.' });
  });

  it('refuses a file one byte over 10 MB without reading it', async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(png());
    const result = await checkImageFile(file(big, 'huge.png'), decodes);
    expect(result).toEqual({ ok: false, message: '“huge.png” is 10,485,761 bytes; images can be at most 10 MB (10,485,760 bytes).' });
  });

  it('accepts a file of exactly 10 MB', async () => {
    const limit = new Uint8Array(MAX_UPLOAD_BYTES);
    limit.set(PNG_SIGNATURE);
    limit.set(PNG_END, limit.length - PNG_END.length);
    expect((await checkImageFile(file(limit, 'limit.png'), decodes)).ok).toBe(true);
  });

  it('refuses an SVG and says what it is', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const result = await checkImageFile(file(svg, 'logo.png', 'image/png'), decodes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^“logo\.png” is an SVG: only JPG, PNG and WEBP/);
  });

  it('refuses a GIF and says what it is', async () => {
    const result = await checkImageFile(file(new Uint8Array([...ascii('GIF89a'), 1, 2, 3]), 'cat.gif'), decodes);
    if (!result.ok) expect(result.message).toContain('is a GIF');
    expect(result.ok).toBe(false);
  });

  it('refuses a truncated PNG, JPEG and WEBP', async () => {
    for (const [bytes, name] of [
      [png().subarray(0, 30), 'cut.png'],
      [jpeg().subarray(0, 20), 'cut.jpg'],
      [webp(100, 30), 'cut.webp'],
    ] as const) {
      const result = await checkImageFile(file(bytes, name), decodes);
      expect(result, name).toEqual({ ok: false, message: `“${name}” is incomplete: the file ends too early. Save or download it again.` });
    }
  });

  it('refuses an empty file', async () => {
    expect(await checkImageFile(file(new Uint8Array(), 'empty.png'), decodes)).toEqual({ ok: false, message: '“empty.png” is empty (0 bytes).' });
  });

  it('refuses a file the browser cannot decode', async () => {
    expect(await checkImageFile(file(png(), 'broken.png'), fails)).toEqual({
      ok: false,
      message: '“broken.png” could not be read as an image: the file is damaged.',
    });
  });

  it('refuses more than 40 megapixels', async () => {
    const result = await checkImageFile(file(png(), 'bomb.png'), async () => ({ width: 20_000, height: 20_000 }));
    expect(result).toEqual({ ok: false, message: '“bomb.png” is 20000×20000 pixels; at most 40 megapixels are accepted.' });
  });
});
