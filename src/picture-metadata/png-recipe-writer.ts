/**
 * Writes the studio's recipe and the `parameters` text into a PNG as text chunks right after
 * IHDR, replacing earlier ones of the same names. The pixel data is never read or copied: the
 * new file is a Blob of slices of the old one around the new chunks.
 */
import { crc32 } from '../lib/crc32';
import { ascii, asciiBytes, byteSource } from './byte-source';
import { chunkSpan, listPngChunks, type PngChunk } from './png-chunks';
import { recipeParametersText } from './recipe-parameters';
import { RECIPE_KEY, recipeJson, type StudioRecipe } from './studio-recipe';

const PARAMETERS_KEY = 'parameters';
const REPLACED = new Set([RECIPE_KEY, PARAMETERS_KEY]);
const TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt']);

/** One chunk: length, type, data, and the CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(asciiBytes(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** tEXt for plain ASCII (every reader takes it), iTXt (UTF-8) for anything else. */
export function textChunk(keyword: string, text: string): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const key = encoder.encode(keyword);
  const body = encoder.encode(text);
  const plain = /^[\x20-\x7e\n]*$/.test(text);
  // tEXt: keyword, NUL, text. iTXt: keyword, NUL, uncompressed, method 0, empty language tag and translated keyword, text.
  const headerLength = key.length + (plain ? 1 : 5);
  const data = new Uint8Array(headerLength + body.length);
  data.set(key);
  data.set(body, headerLength);
  return pngChunk(plain ? 'tEXt' : 'iTXt', data);
}

/** The PNG with the recipe written in, or undefined when the file is not a complete PNG. */
export async function writePngRecipe(png: Blob, recipe: StudioRecipe): Promise<Blob | undefined> {
  const source = byteSource(png);
  const { chunks, end } = await listPngChunks(source);
  const [header] = chunks;
  if (end !== 'complete' || header?.type !== 'IHDR' || header.dataLength < 8) return undefined;
  const ihdr = new DataView((await source.bytes(header.offset + 8, 8)).slice().buffer);
  const size = { width: ihdr.getUint32(0), height: ihdr.getUint32(4) };
  const replaced: PngChunk[] = [];
  for (const chunk of chunks) {
    if (!TEXT_CHUNKS.has(chunk.type)) continue;
    const peek = await source.bytes(chunk.offset + 8, Math.min(chunk.dataLength, 80));
    const keywordEnd = peek.indexOf(0);
    if (keywordEnd > 0 && REPLACED.has(ascii(peek.subarray(0, keywordEnd)))) replaced.push(chunk);
  }
  const afterHeader = header.offset + chunkSpan(header);
  const parts: BlobPart[] = [png.slice(0, afterHeader), textChunk(RECIPE_KEY, recipeJson(recipe)), textChunk(PARAMETERS_KEY, recipeParametersText(recipe, size))];
  let from = afterHeader;
  for (const chunk of replaced) {
    parts.push(png.slice(from, chunk.offset));
    from = chunk.offset + chunkSpan(chunk);
  }
  parts.push(png.slice(from));
  return new Blob(parts, { type: 'image/png' });
}
