/**
 * Reads a JPEG's settings without decoding it: the marker segments before the image data, where
 * EXIF (APP1 "Exif"), XMP (APP1 with Adobe's namespace) and the frame header (SOFn, the pixel
 * size) live. The walk stops at the start of the scan.
 */
import type { PixelSize } from '../api/contract';
import { ascii, type ByteSource } from './byte-source';
import { exifTexts, readExif } from './exif';
import { type ContainerMetadata, TextCollector } from './metadata-text';
import { decodeText } from './text-decoding';
import { XMP_JPEG_SIGNATURE, xmpTexts } from './xmp-packet';

export const EXIF_SIGNATURE = 'Exif\0\0';
const MAX_SEGMENTS = 10_000;
const START_OF_SCAN = 0xda;
const END_OF_IMAGE = 0xd9;
const isFrameHeader = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const hasNoLength = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

export interface JpegSegment {
  marker: number;
  /** Where the segment starts (its 0xFF byte). */
  offset: number;
  /** Bytes after the two length bytes. */
  dataLength: number;
}

/** The segments before the image data; `complete` is false when the file ends or breaks first. */
export async function listJpegSegments(source: ByteSource): Promise<{ segments: JpegSegment[]; complete: boolean }> {
  const segments: JpegSegment[] = [];
  let offset = 2;
  while (segments.length < MAX_SEGMENTS) {
    const head = await source.bytes(offset, 4);
    if (head.length < 2 || head[0] !== 0xff) return { segments, complete: false };
    const marker = head[1];
    if (marker === 0xff) {
      offset++; // Fill byte.
      continue;
    }
    if (marker === END_OF_IMAGE) return { segments, complete: true };
    if (hasNoLength(marker)) {
      offset += 2;
      continue;
    }
    if (head.length < 4) return { segments, complete: false };
    const length = (head[2] << 8) | head[3];
    if (length < 2 || offset + 2 + length > source.size) return { segments, complete: false };
    segments.push({ marker, offset, dataLength: length - 2 });
    if (marker === START_OF_SCAN) return { segments, complete: true };
    offset += 2 + length;
  }
  return { segments, complete: false };
}

/** The pixel size a frame header (SOFn) states, or undefined for any other segment. */
export async function frameSize(source: ByteSource, segment: JpegSegment): Promise<PixelSize | undefined> {
  if (!isFrameHeader(segment.marker) || segment.dataLength < 5) return undefined;
  const frame = await source.bytes(segment.offset + 4, 5);
  return { width: (frame[3] << 8) | frame[4], height: (frame[1] << 8) | frame[2] };
}

export async function readJpegMetadata(source: ByteSource): Promise<ContainerMetadata> {
  const { segments, complete } = await listJpegSegments(source);
  const texts = new TextCollector();
  if (!complete) texts.problem('structure-damaged', 'The file is damaged or cut short before its image data; only the segments before the damage were read.');
  let size: ContainerMetadata['size'];
  for (const segment of segments) {
    size ??= await frameSize(source, segment);
    if (segment.marker === 0xe1) {
      const data = await source.bytes(segment.offset + 4, segment.dataLength);
      if (ascii(data.subarray(0, EXIF_SIGNATURE.length)) === EXIF_SIGNATURE && texts.admit('EXIF', data.length)) {
        for (const { key, text } of exifTexts(readExif(data.subarray(EXIF_SIGNATURE.length)))) texts.add(key, text);
      } else if (ascii(data.subarray(0, XMP_JPEG_SIGNATURE.length)) === XMP_JPEG_SIGNATURE && texts.admit('XMP', data.length)) {
        for (const { key, text } of xmpTexts(decodeText(data.subarray(XMP_JPEG_SIGNATURE.length), 'utf-8'))) texts.add(key, text);
      }
    }
  }
  return { container: 'jpeg', texts: texts.texts, problems: texts.problems, size };
}
