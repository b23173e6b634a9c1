/** Encodes a raster in the asked output format; fixed settings keep the bytes reproducible. */
import sharp, { type Sharp } from 'sharp';
import type { OutputFormat } from '../../src/api/contract';
import type { Raster } from './raster';

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/** Any sharp pipeline, encoded with the engine's settings for the format. */
export function encodeAs(image: Sharp, format: OutputFormat): Promise<Buffer> {
  switch (format) {
    case 'png':
      return image.png({ compressionLevel: 4, adaptiveFiltering: false }).toBuffer();
    case 'jpg':
      return image.jpeg({ quality: 90, mozjpeg: false }).toBuffer();
    case 'webp':
      return image.webp({ quality: 88, effort: 2 }).toBuffer();
  }
}

export function encodeRaster(raster: Raster, format: OutputFormat): Promise<Buffer> {
  return encodeAs(sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } }), format);
}
