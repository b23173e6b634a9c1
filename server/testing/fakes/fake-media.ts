/** Pictures and videos the fakes answer with: small, real, and different for different requests. */
import { createHash } from 'node:crypto';
import HME from 'h264-mp4-encoder';
import sharp from 'sharp';

/** A solid picture whose colour comes from `key`, so different requests give different bytes. */
export function fakePicture(width: number, height: number, key: string, format: 'png' | 'jpeg' | 'webp' = 'png'): Promise<Buffer> {
  const [r, g, b] = createHash('sha256').update(key).digest();
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } }).toFormat(format).toBuffer();
}

let mp4: Promise<Buffer> | undefined;

/** A real two-frame H.264 MP4, made once. */
export function fakeMp4(): Promise<Buffer> {
  mp4 ??= (async () => {
    const encoder = await HME.createH264MP4Encoder();
    encoder.width = 64;
    encoder.height = 64;
    encoder.initialize();
    for (let frame = 0; frame < 2; frame++) encoder.addFrameRgba(new Uint8Array(64 * 64 * 4).fill(frame * 100));
    encoder.finalize();
    const bytes = Buffer.from(encoder.FS.readFile(encoder.outputFilename));
    encoder.delete();
    return bytes;
  })();
  return mp4;
}

export async function sizeOf(bytes: Buffer): Promise<{ width: number; height: number; format: string }> {
  const meta = await sharp(bytes).metadata();
  return { width: meta.width ?? 0, height: meta.height ?? 0, format: meta.format ?? '' };
}
