/**
 * PNG structure: after the signature, chunks of length, type, data and CRC, up to IEND. Metadata
 * chunks sit before the image data (IDAT) or after it, never inside the run of IDAT chunks, so a
 * large file is read at its two ends only: the chunks up to the first IDAT from the start, and
 * those after the last IDAT from a window at the end, where the last IDAT is recognised by the
 * chain of valid chunks (types, CRCs) that follows it to IEND. When that chain is not found in
 * the window, every chunk is walked. The IDAT chunks in between are never listed or read.
 */
import { crc32 } from '../lib/crc32';
import { ascii, type ByteSource } from './byte-source';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A picture of 100 MB written in 8 KB data chunks has about 12,800; more means a hostile file. */
const MAX_CHUNKS = 100_000;
/** Files up to twice this are walked whole; larger ones have this much of their end read. */
const TAIL_BYTES = 1024 * 1024;
const IDAT = [0x49, 0x44, 0x41, 0x54];

export interface PngChunk {
  type: string;
  /** Where the chunk starts (its length field). */
  offset: number;
  dataLength: number;
}

export interface PngChunkList {
  /** Every chunk but the IDAT chunks between the first and the last. */
  chunks: PngChunk[];
  /** How the walk ended: at IEND, or early with what was wrong. */
  end: 'complete' | 'truncated' | 'damaged' | 'too-many-chunks';
}

/** The byte length of a chunk on disk: length, type, data, CRC. */
export const chunkSpan = (chunk: PngChunk): number => 12 + chunk.dataLength;

const isType = (type: string) => /^[A-Za-z]{4}$/.test(type);

/** Walks chunks from `offset`; with `untilImageData`, stops after the first IDAT. */
async function walk(source: ByteSource, offset: number, untilImageData: boolean, chunks: PngChunk[] = []): Promise<PngChunkList & { atImageData?: PngChunk }> {
  while (offset < source.size) {
    if (chunks.length >= MAX_CHUNKS) return { chunks, end: 'too-many-chunks' };
    const head = await source.bytes(offset, 8);
    if (head.length < 8) return { chunks, end: 'truncated' };
    const dataLength = new DataView(head.buffer, head.byteOffset, 8).getUint32(0);
    const type = ascii(head.subarray(4, 8));
    if (dataLength > 0x7fffffff || !isType(type)) return { chunks, end: 'damaged' };
    const chunk = { type, offset, dataLength };
    if (offset + chunkSpan(chunk) > source.size) return { chunks, end: 'truncated' };
    chunks.push(chunk);
    if (type === 'IEND') return { chunks, end: 'complete' };
    if (untilImageData && type === 'IDAT') return { chunks, end: 'complete', atImageData: chunk };
    offset += chunkSpan(chunk);
  }
  return { chunks, end: 'truncated' };
}

/** The chunks from `at` in `tail` to IEND at its very end, each with a valid type and CRC and none of them IDAT; undefined when there is no such chain. */
function chainToEnd(tail: Uint8Array, at: number, base: number): PngChunk[] | undefined {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.length);
  const chain: PngChunk[] = [];
  while (at + 12 <= tail.length && chain.length < MAX_CHUNKS) {
    const dataLength = view.getUint32(at);
    const type = ascii(tail.subarray(at + 4, at + 8));
    const end = at + 12 + dataLength;
    if (!isType(type) || type === 'IDAT' || end > tail.length) return undefined;
    if (crc32(tail.subarray(at + 4, end - 4)) !== view.getUint32(end - 4)) return undefined;
    chain.push({ type, offset: base + at, dataLength });
    if (type === 'IEND') return end === tail.length ? chain : undefined;
    at = end;
  }
  return undefined;
}

/** The last IDAT and the chunks after it, found in the file's last TAIL_BYTES; undefined when they are not all there. */
async function tailChunks(source: ByteSource, firstImageData: PngChunk): Promise<PngChunk[] | undefined> {
  const base = source.size - TAIL_BYTES;
  const tail = (await source.bytes(base, TAIL_BYTES)).slice();
  const firstEnd = firstImageData.offset + chunkSpan(firstImageData) - base;
  if (firstEnd >= 0) return chainToEnd(tail, firstEnd, base);
  const view = new DataView(tail.buffer);
  for (let at = tail.length - 24; at >= 0; at--) {
    if (tail[at + 4] !== IDAT[0] || tail[at + 5] !== IDAT[1] || tail[at + 6] !== IDAT[2] || tail[at + 7] !== IDAT[3]) continue;
    const chain = chainToEnd(tail, at + 12 + view.getUint32(at), base);
    if (chain) return [{ type: 'IDAT', offset: base + at, dataLength: view.getUint32(at) }, ...chain];
  }
  return undefined;
}

export async function listPngChunks(source: ByteSource): Promise<PngChunkList> {
  const large = source.size > 2 * TAIL_BYTES;
  const head = await walk(source, PNG_SIGNATURE.length, large);
  if (!head.atImageData) return head;
  const tail = await tailChunks(source, head.atImageData);
  if (tail) return { chunks: [...head.chunks, ...tail], end: 'complete' };
  return walk(source, head.atImageData.offset + chunkSpan(head.atImageData), false, head.chunks);
}
