/**
 * Writes the recipe into a WebP: an EXIF chunk with the `parameters` text as UserComment (where
 * AUTOMATIC1111 writes it) and an XMP chunk with the studio's recipe, flagged in the VP8X header.
 * A simple (VP8 or VP8L only) file becomes an extended one; the image data is never read.
 */
import { asciiBytes, byteSource } from './byte-source';
import { buildExif } from './exif';
import { recipeParametersText } from './recipe-parameters';
import { recipeJson, type StudioRecipe } from './studio-recipe';
import { listWebpChunks, webpCanvasSize, webpChunkSpan } from './webp-chunks';
import { buildXmp } from './xmp-packet';

const FLAG_XMP = 0x04;
const FLAG_EXIF = 0x08;
const FLAG_ALPHA = 0x10;
const REPLACED = new Set(['VP8X', 'EXIF', 'XMP ']);

function riffChunk(fourcc: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const chunk = new Uint8Array(webpChunkSpan({ dataLength: data.length }));
  chunk.set(asciiBytes(fourcc));
  new DataView(chunk.buffer).setUint32(4, data.length, true);
  chunk.set(data, 8);
  return chunk;
}

/** A VP8X header for a canvas, with its feature flags. */
function vp8x(flags: number, width: number, height: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(10);
  data[0] = flags;
  data.set([(width - 1) & 0xff, ((width - 1) >> 8) & 0xff, (width - 1) >> 16, (height - 1) & 0xff, ((height - 1) >> 8) & 0xff, (height - 1) >> 16], 4);
  return riffChunk('VP8X', data);
}

/** The WebP with the recipe written in, or undefined when the file is not a WebP whose chunks can be walked. */
export async function writeWebpRecipe(webp: Blob, recipe: StudioRecipe): Promise<Blob | undefined> {
  const source = byteSource(webp);
  const { chunks, complete } = await listWebpChunks(source);
  const [first] = chunks;
  if (!complete || !first || !['VP8X', 'VP8 ', 'VP8L'].includes(first.fourcc)) return undefined;
  const head = (await source.bytes(first.offset + 8, 10)).slice();
  const size = webpCanvasSize(first.fourcc, head);
  if (!size) return undefined;
  // An extended file keeps its flags; a lossless one says in its header whether it uses alpha.
  const alpha = first.fourcc === 'VP8L' && (new DataView(head.buffer).getUint32(1, true) >>> 28) & 1 ? FLAG_ALPHA : 0;
  const flags = (first.fourcc === 'VP8X' ? head[0] : alpha) | FLAG_EXIF | FLAG_XMP;
  const parameters = recipeParametersText(recipe, size);
  const parts: BlobPart[] = [vp8x(flags, size.width, size.height)];
  for (const chunk of chunks) if (!REPLACED.has(chunk.fourcc)) parts.push(webp.slice(chunk.offset, chunk.offset + webpChunkSpan(chunk)));
  parts.push(riffChunk('EXIF', buildExif(parameters)));
  parts.push(riffChunk('XMP ', new TextEncoder().encode(buildXmp(parameters, recipeJson(recipe)))));
  const body = new Blob(parts);
  const header = new Uint8Array(12);
  header.set(asciiBytes('RIFF'));
  new DataView(header.buffer).setUint32(4, 4 + body.size, true);
  header.set(asciiBytes('WEBP'), 8);
  return new Blob([header, body], { type: 'image/webp' });
}
