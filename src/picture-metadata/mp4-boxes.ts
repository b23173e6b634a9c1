/**
 * MP4 structure: boxes of a size (32-bit, or 64-bit after a size of 1, or "to the end" as 0) and
 * a four-letter type, nested. Only the top level is walked in the file; the movie box (moov),
 * where metadata lives, is read whole and walked in memory.
 */
import { ascii, type ByteSource } from './byte-source';

export interface Mp4Box {
  type: string;
  /** Where the box starts, in the file or in the bytes it was found in. */
  offset: number;
  headerLength: number;
  size: number;
}

const MAX_TOP_BOXES = 10_000;
/** The movie box of a few minutes of video is tens of kilobytes. */
export const MAX_MOVIE_BOX_BYTES = 16 * 1024 * 1024;

function boxAt(head: Uint8Array, offset: number, remaining: number): Mp4Box | undefined {
  if (head.length < 8) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.length);
  let size = view.getUint32(0);
  let headerLength = 8;
  if (size === 1) {
    if (head.length < 16) return undefined;
    size = Number(view.getBigUint64(8));
    headerLength = 16;
  } else if (size === 0) size = remaining;
  if (size < headerLength || size > remaining) return undefined;
  return { type: ascii(head.subarray(4, 8)), offset, headerLength, size };
}

export async function listTopBoxes(source: ByteSource): Promise<{ boxes: Mp4Box[]; complete: boolean }> {
  const boxes: Mp4Box[] = [];
  let offset = 0;
  while (offset < source.size && boxes.length < MAX_TOP_BOXES) {
    const box = boxAt(await source.bytes(offset, 16), offset, source.size - offset);
    if (!box) return { boxes, complete: false };
    boxes.push(box);
    offset += box.size;
  }
  return { boxes, complete: offset === source.size };
}

/** The boxes inside `bytes` between `start` and `end`. */
export function childBoxes(bytes: Uint8Array, start: number, end: number): Mp4Box[] {
  const boxes: Mp4Box[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    const box = boxAt(bytes.subarray(offset, Math.min(offset + 16, end)), offset, end - offset);
    if (!box) break;
    boxes.push(box);
    offset += box.size;
  }
  return boxes;
}

/** The first child of `parent` of a type, found by following a path of types. */
export function findBox(bytes: Uint8Array, parent: Mp4Box, path: string[]): Mp4Box | undefined {
  let current: Mp4Box | undefined = parent;
  for (const type of path) {
    if (!current) return undefined;
    current = childBoxes(bytes, current.offset + current.headerLength + (current.type === 'meta' ? metaFullBoxBytes(bytes, current) : 0), current.offset + current.size).find((box) => box.type === type);
  }
  return current;
}

/**
 * A meta box is a full box (four bytes of version and flags before its children) in MP4, and a
 * plain box in QuickTime files: the children start where a handler box (hdlr) does.
 */
export function metaFullBoxBytes(bytes: Uint8Array, meta: Mp4Box): number {
  const at = meta.offset + meta.headerLength;
  return ascii(bytes.subarray(at + 4, at + 8)) === 'hdlr' ? 0 : 4;
}
