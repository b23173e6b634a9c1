/**
 * Writes the recipe into an MP4 as iTunes-style metadata (moov/udta/meta/ilst), the kind players
 * and tagging tools show: the `parameters` text as the comment (©cmt) and the studio's recipe as
 * a free-form item. Only the movie box is rebuilt; when it comes before the media data, the
 * chunk offsets inside it move by the bytes it grew. The media data is never read.
 */
import { asciiBytes, byteSource } from './byte-source';
import { childBoxes, listTopBoxes, MAX_MOVIE_BOX_BYTES, type Mp4Box } from './mp4-boxes';
import { COMMENT_ITEM, RECIPE_MEAN, RECIPE_NAME } from './mp4-metadata';
import { recipeParametersText } from './recipe-parameters';
import { recipeJson, type StudioRecipe } from './studio-recipe';

type Bytes = Uint8Array<ArrayBuffer>;
const encoder = new TextEncoder();

function box(type: string, ...contents: Uint8Array[]): Bytes {
  const size = 8 + contents.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(asciiBytes(type), 4);
  let at = 8;
  for (const part of contents) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Version and flags, then the contents. */
const fullBox = (type: string, ...contents: Uint8Array[]) => box(type, new Uint8Array(4), ...contents);
/** A `data` box of UTF-8 text: type 1, locale 0. */
const textData = (text: string) => box('data', new Uint8Array([0, 0, 0, 1, 0, 0, 0, 0]), encoder.encode(text));

function metadataBox(recipe: StudioRecipe): Bytes {
  // The handler says the metadata is Apple's "mdir" kind, which is what players look for.
  const handler = fullBox('hdlr', new Uint8Array(4), new Uint8Array(asciiBytes('mdir')), new Uint8Array(asciiBytes('appl')), new Uint8Array(9));
  const comment = box(COMMENT_ITEM, textData(recipeParametersText(recipe)));
  const freeform = box('----', fullBox('mean', encoder.encode(RECIPE_MEAN)), fullBox('name', encoder.encode(RECIPE_NAME)), textData(recipeJson(recipe)));
  return fullBox('meta', handler, box('ilst', comment, freeform));
}

const CONTAINERS = ['trak', 'mdia', 'minf', 'stbl'];

/** Adds `delta` to every chunk offset (stco, co64) under `parent`; false when one no longer fits. */
function shiftChunkOffsets(bytes: Uint8Array, parent: Mp4Box, delta: number): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (const child of childBoxes(bytes, parent.offset + parent.headerLength, parent.offset + parent.size)) {
    if (CONTAINERS.includes(child.type) && !shiftChunkOffsets(bytes, child, delta)) return false;
    if (child.type !== 'stco' && child.type !== 'co64') continue;
    const start = child.offset + child.headerLength + 8;
    const wide = child.type === 'co64';
    const count = Math.min(view.getUint32(start - 4), (child.offset + child.size - start) / (wide ? 8 : 4));
    for (let i = 0; i < count; i++) {
      const at = start + i * (wide ? 8 : 4);
      if (wide) view.setBigUint64(at, view.getBigUint64(at) + BigInt(delta));
      else {
        const moved = view.getUint32(at) + delta;
        if (moved > 0xffffffff) return false;
        view.setUint32(at, moved);
      }
    }
  }
  return true;
}

/** The MP4 with the recipe written in, or undefined when its structure is not one the writer can safely change. */
export async function writeMp4Recipe(mp4: Blob, recipe: StudioRecipe): Promise<Blob | undefined> {
  const source = byteSource(mp4);
  const { boxes, complete } = await listTopBoxes(source);
  const moov = boxes.find((candidate) => candidate.type === 'moov');
  if (!complete || !moov || moov.size > MAX_MOVIE_BOX_BYTES) return undefined;
  const old = (await source.bytes(moov.offset, moov.size)).slice();
  const children = childBoxes(old, moov.headerLength, moov.size);
  const udta = children.find((child) => child.type === 'udta');
  // Keep what else the user data holds; the metadata box is replaced by the studio's.
  const kept = udta ? childBoxes(old, udta.offset + udta.headerLength, udta.offset + udta.size).filter((child) => child.type !== 'meta') : [];
  const slice = (child: Mp4Box) => old.subarray(child.offset, child.offset + child.size);
  const newUdta = box('udta', ...kept.map(slice), metadataBox(recipe));
  const rebuilt = box('moov', ...children.filter((child) => child.type !== 'udta').map(slice), newUdta);
  const mediaAfter = boxes.some((candidate) => candidate.type === 'mdat' && candidate.offset > moov.offset);
  if (mediaAfter && !shiftChunkOffsets(rebuilt, { type: 'moov', offset: 0, headerLength: 8, size: rebuilt.length }, rebuilt.length - moov.size)) return undefined;
  return new Blob([mp4.slice(0, moov.offset), rebuilt, mp4.slice(moov.offset + moov.size)], { type: 'video/mp4' });
}
