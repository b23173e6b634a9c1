/**
 * Checks an image a creator hands the studio before anything is uploaded: judged by its bytes,
 * never by its name or declared type, with a message that names the file and what is wrong.
 */
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, type PixelSize, UPLOAD_TYPES } from '../api/contract';

export type UploadType = (typeof UPLOAD_TYPES)[number];

export interface CheckedImage extends PixelSize {
  /** The bytes as given, typed by what they really are. */
  file: File;
  type: UploadType;
  bytes: number;
}

export type ImageCheck = { ok: true; image: CheckedImage } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** What the first bytes say the file is, for the accepted types. */
export function sniffImageType(head: Uint8Array): UploadType | undefined {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

/** A name for what a refused file seems to be, to make the message concrete. */
function describeOther(head: Uint8Array): string | undefined {
  if (startsWith(head, ascii('GIF8'))) return 'a GIF';
  if (startsWith(head, ascii('%PDF'))) return 'a PDF';
  if (startsWith(head, ascii('ftyp'), 4)) return 'an HEIC or video file';
  if (startsWith(head, [0x42, 0x4d])) return 'a BMP';
  const text = new TextDecoder().decode(head.subarray(0, 256)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'an SVG';
  if (text.startsWith('<')) return 'an HTML or XML document';
  return undefined;
}

/** True when the file ends where its format says it should, so a cut-off download is caught. */
function looksComplete(type: UploadType, head: Uint8Array, tail: Uint8Array, size: number): boolean {
  if (type === 'image/png') return startsWith(tail, [...ascii('IEND'), 0xae, 0x42, 0x60, 0x82], tail.length - 8);
  if (type === 'image/jpeg') {
    // Some cameras append padding after the end marker; it must still be there.
    for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
    return false;
  }
  const riffSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(4, true);
  return riffSize + 8 <= size;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** Reads the pixel size by decoding; rejects when the browser cannot decode the file. */
export type ImageDecoder = (file: Blob) => Promise<PixelSize>;

const decodeWithBrowser: ImageDecoder = async (file) => {
  const bitmap = await createImageBitmap(file);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
};

export async function checkImageFile(file: File, decode: ImageDecoder = decodeWithBrowser): Promise<ImageCheck> {
  const name = `“${file.name.slice(0, 120) || 'The image'}”`;
  const refuse = (reason: string): ImageCheck => ({ ok: false, message: `${name} ${reason}` });
  if (file.size === 0) return refuse('is empty (0 bytes).');
  if (file.size > MAX_UPLOAD_BYTES) {
    const limit = `${MAX_UPLOAD_BYTES / 1024 / 1024} MB (${MAX_UPLOAD_BYTES.toLocaleString('en')} bytes)`;
    return refuse(`is ${file.size.toLocaleString('en')} bytes; images can be at most ${limit}.`);
  }
  const head = await bytesOf(file.slice(0, 512));
  const type = sniffImageType(head);
  if (!type) {
    const seems = describeOther(head);
    return refuse(`is ${seems ?? 'not an image the studio can use'}: only JPG, PNG and WEBP images are accepted.`);
  }
  const tail = await bytesOf(file.slice(Math.max(0, file.size - 64)));
  if (!looksComplete(type, head, tail, file.size)) return refuse('is incomplete: the file ends too early. Save or download it again.');
  let size: PixelSize;
  try {
    size = await decode(file);
  } catch {
    return refuse('could not be read as an image: the file is damaged.');
  }
  if (size.width * size.height > MAX_INPUT_PIXELS) {
    return refuse(`is ${size.width}×${size.height} pixels; at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels are accepted.`);
  }
  const typed = file.type === type ? file : new File([file], file.name, { type, lastModified: file.lastModified });
  return { ok: true, image: { file: typed, type, bytes: file.size, ...size } };
}
