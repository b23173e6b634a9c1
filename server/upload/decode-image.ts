/**
 * Checks an uploaded image by its bytes, never its name or declared type, and decodes it to a
 * raster of the wanted size. Pixel count is capped before decoding to stop decompression bombs.
 */
import sharp from 'sharp';
import type { Raster } from '../art/raster';
import { MAX_INPUT_PIXELS } from '../../src/api/contract';
import { ApiError } from '../http/api-error';

export type ImageKind = 'png' | 'jpeg' | 'webp';
/**
 * Covering an output frame scales the shorter side up to the frame: a sliver such as 1x40,000,000
 * would need a picture taller than the image library can address, so its shape is refused first.
 */
export const MAX_SIDE_RATIO = 1000;

export function sniffImageKind(bytes: Uint8Array): ImageKind | undefined {
  const starts = (signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}

export interface CheckedImage {
  kind: ImageKind;
  width: number;
  height: number;
}

/** Throws a 400, 413 or 415 ApiError naming what is wrong with the `image` field. */
export async function checkImage(bytes: Buffer | undefined, accepted: readonly ImageKind[]): Promise<CheckedImage> {
  if (!bytes) throw new ApiError(400, 'image is required: attach a JPG, PNG or WEBP file');
  if (bytes.length === 0) throw new ApiError(400, 'image is empty');
  const kind = sniffImageKind(bytes);
  if (!kind) throw new ApiError(415, 'image must be a JPG, PNG or WEBP file (checked by its content)');
  if (!accepted.includes(kind)) {
    throw new ApiError(400, `image must be ${accepted.map((k) => k.toUpperCase()).join(' or ')} here, not ${kind.toUpperCase()}`);
  }
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw new ApiError(415, `image is not a readable ${kind.toUpperCase()} file`);
    });
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw new ApiError(415, `image is not a readable ${kind.toUpperCase()} file`);
  if (width * height > MAX_INPUT_PIXELS) {
    throw new ApiError(
      413,
      `image is ${width}x${height} pixels; at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels are accepted`,
    );
  }
  if (Math.max(width, height) > MAX_SIDE_RATIO * Math.min(width, height)) {
    throw new ApiError(
      400,
      `image is ${width}x${height} pixels; its longer side may be at most ${MAX_SIDE_RATIO} times its shorter side`,
    );
  }
  return { kind, width, height };
}

/** Decodes fully (so a truncated file fails here) and covers `width` x `height`, centred. */
export async function decodeToRaster(bytes: Buffer, width: number, height: number): Promise<Raster> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .resize(width, height, { fit: 'cover' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
  } catch {
    throw new ApiError(415, 'image is damaged or truncated and cannot be decoded');
  }
}
