/**
 * Writes the `parameters` text into a JPEG as EXIF UserComment (where AUTOMATIC1111 writes it),
 * and the studio's recipe as XMP, replacing earlier EXIF and XMP segments. An existing EXIF
 * orientation is kept, so the picture never turns on its side; the rest of a backend's EXIF
 * (camera fields no generated picture has) is not carried over. The scan data is never read.
 */
import type { PixelSize } from '../api/contract';
import { ascii, asciiBytes, byteSource } from './byte-source';
import { buildExif, readExif } from './exif';
import { EXIF_SIGNATURE, frameSize, type JpegSegment, listJpegSegments } from './jpeg-metadata';
import { recipeParametersText } from './recipe-parameters';
import { recipeJson, type StudioRecipe } from './studio-recipe';
import { buildXmp, XMP_JPEG_SIGNATURE } from './xmp-packet';

const APP0 = 0xe0;
const APP1 = 0xe1;
const MAX_SEGMENT_DATA = 65_533;

/** An APP1 segment holding `signature` then `body`, or undefined when it would not fit one segment. */
function app1(signature: string, body: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  const length = 2 + signature.length + body.length;
  if (length - 2 > MAX_SEGMENT_DATA) return undefined;
  const segment = new Uint8Array(2 + length);
  segment.set([0xff, APP1, length >> 8, length & 0xff]);
  segment.set(asciiBytes(signature), 4);
  segment.set(body, 4 + signature.length);
  return segment;
}

/** The JPEG with the recipe written in, or undefined when the file is not a JPEG whose header can be walked. */
export async function writeJpegRecipe(jpeg: Blob, recipe: StudioRecipe): Promise<Blob | undefined> {
  const source = byteSource(jpeg);
  const { segments, complete } = await listJpegSegments(source);
  if (!complete) return undefined;
  const replaced: JpegSegment[] = [];
  let orientation: number | undefined;
  let size: PixelSize | undefined;
  for (const segment of segments) {
    size ??= await frameSize(source, segment);
    if (segment.marker !== APP1) continue;
    const data = await source.bytes(segment.offset + 4, segment.dataLength);
    const isExif = ascii(data.subarray(0, EXIF_SIGNATURE.length)) === EXIF_SIGNATURE;
    if (isExif) orientation ??= readExif(data.subarray(EXIF_SIGNATURE.length)).orientation;
    if (isExif || ascii(data.subarray(0, XMP_JPEG_SIGNATURE.length)) === XMP_JPEG_SIGNATURE) replaced.push(segment);
  }
  const parameters = recipeParametersText(recipe, size);
  const exif = app1(EXIF_SIGNATURE, buildExif(parameters, orientation));
  const xmp = app1(XMP_JPEG_SIGNATURE, new TextEncoder().encode(buildXmp(parameters, recipeJson(recipe))));
  const added = [exif, xmp].filter((part): part is Uint8Array<ArrayBuffer> => part !== undefined);
  if (added.length === 0) return undefined;
  // JFIF wants its APP0 first; the EXIF segment follows it.
  const insertAt = segments[0]?.marker === APP0 ? segments[0].offset + 4 + segments[0].dataLength : 2;
  const parts: BlobPart[] = [jpeg.slice(0, insertAt), ...added];
  let from = insertAt;
  for (const segment of replaced) {
    parts.push(jpeg.slice(from, segment.offset));
    from = segment.offset + 4 + segment.dataLength;
  }
  parts.push(jpeg.slice(from));
  return new Blob(parts, { type: 'image/jpeg' });
}
