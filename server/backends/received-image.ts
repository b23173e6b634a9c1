/**
 * Pictures crossing the gateway: what a backend returns is checked by its bytes (type sniffed,
 * real pixel size read from the file) and converted to the asked format; what it is sent is
 * fitted to the size the backend will draw.
 */
import sharp from 'sharp';
import { MAX_INPUT_PIXELS, type OutputFormat, type PixelSize } from '../../src/api/contract';
import { encodeAs } from '../art/encode';
import { ApiError } from '../http/api-error';
import { sniffImageKind } from '../upload/decode-image';

export interface ReceivedImage {
  bytes: Buffer;
  extension: OutputFormat;
  width: number;
  height: number;
}

export async function receiveImage(bytes: Buffer, wanted: OutputFormat, label: string): Promise<ReceivedImage> {
  const kind = sniffImageKind(bytes);
  if (!kind) throw new ApiError(502, `${label} answered with something that is not a PNG, JPEG or WEBP picture`);
  const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
    .metadata()
    .catch(() => {
      throw new ApiError(502, `${label} answered with a damaged ${kind.toUpperCase()} picture`);
    });
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height || width * height > MAX_INPUT_PIXELS) {
    throw new ApiError(502, `${label} answered with a picture of ${width}x${height} pixels, which the engine does not keep`);
  }
  const extension = kind === 'jpeg' ? 'jpg' : kind;
  if (extension === wanted) return { bytes, extension, width, height };
  try {
    const converted = await encodeAs(sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient(), wanted);
    return { bytes: converted, extension: wanted, width, height };
  } catch {
    throw new ApiError(502, `${label} answered with a damaged ${kind.toUpperCase()} picture`);
  }
}

/** The upload covered and centred at `size`, as PNG; passed through when it already is exactly that. */
export async function fitImage(bytes: Buffer, size: PixelSize): Promise<Buffer> {
  const meta = await sharp(bytes).metadata();
  if (meta.format === 'png' && meta.width === size.width && meta.height === size.height && !meta.orientation) return bytes;
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
    .autoOrient()
    .resize(size.width, size.height, { fit: 'cover' })
    .png({ compressionLevel: 4, adaptiveFiltering: false })
    .toBuffer();
}
