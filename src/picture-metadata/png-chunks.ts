/** PNG structure: after the signature, chunks of length, type, data and CRC, up to IEND. */
import { ascii, type ByteSource } from './byte-source';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A picture of 100 MB written in 8 KB data chunks has about 12,800; more means a hostile file. */
const MAX_CHUNKS = 100_000;

export interface PngChunk {
  type: string;
  /** Where the chunk starts (its length field). */
  offset: number;
  dataLength: number;
}

export interface PngChunkList {
  chunks: PngChunk[];
  /** How the walk ended: at IEND, or early with what was wrong. */
  end: 'complete' | 'truncated' | 'damaged' | 'too-many-chunks';
}

/** The byte length of a chunk on disk: length, type, data, CRC. */
export const chunkSpan = (chunk: PngChunk): number => 12 + chunk.dataLength;

export async function listPngChunks(source: ByteSource): Promise<PngChunkList> {
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  while (offset < source.size) {
    if (chunks.length >= MAX_CHUNKS) return { chunks, end: 'too-many-chunks' };
    const head = await source.bytes(offset, 8);
    if (head.length < 8) return { chunks, end: 'truncated' };
    const dataLength = new DataView(head.buffer, head.byteOffset, 8).getUint32(0);
    const type = ascii(head.subarray(4, 8));
    if (dataLength > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) return { chunks, end: 'damaged' };
    const chunk = { type, offset, dataLength };
    if (offset + chunkSpan(chunk) > source.size) return { chunks, end: 'truncated' };
    chunks.push(chunk);
    if (type === 'IEND') return { chunks, end: 'complete' };
    offset += chunkSpan(chunk);
  }
  return { chunks, end: 'truncated' };
}
