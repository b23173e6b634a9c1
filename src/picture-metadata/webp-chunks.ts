/** WebP structure: a RIFF header, then chunks of a four-letter name, a little-endian size, data and a pad byte to an even length. */
import type { PixelSize } from '../api/contract';
import { ascii, type ByteSource } from './byte-source';

const MAX_CHUNKS = 100_000;

export interface WebpChunk {
  fourcc: string;
  /** Where the chunk starts (its name). */
  offset: number;
  dataLength: number;
}

export const webpChunkSpan = (chunk: Pick<WebpChunk, 'dataLength'>): number => 8 + chunk.dataLength + (chunk.dataLength & 1);

export async function listWebpChunks(source: ByteSource): Promise<{ chunks: WebpChunk[]; complete: boolean }> {
  const header = await source.bytes(0, 12);
  const riffEnd = Math.min(source.size, 8 + new DataView(header.buffer, header.byteOffset, 12).getUint32(4, true));
  const chunks: WebpChunk[] = [];
  let offset = 12;
  while (offset + 8 <= riffEnd && chunks.length < MAX_CHUNKS) {
    const head = await source.bytes(offset, 8);
    const chunk = { fourcc: ascii(head.subarray(0, 4)), offset, dataLength: new DataView(head.buffer, head.byteOffset, 8).getUint32(4, true) };
    if (offset + 8 + chunk.dataLength > riffEnd) return { chunks, complete: false };
    chunks.push(chunk);
    offset += webpChunkSpan(chunk);
  }
  return { chunks, complete: offset >= riffEnd };
}

/** The canvas size from the first bytes of a VP8X, VP8 or VP8L chunk's data (10 bytes are enough). */
export function webpCanvasSize(fourcc: string, data: Uint8Array): PixelSize | undefined {
  if (data.length < 10) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.length);
  if (fourcc === 'VP8X') return { width: 1 + (view.getUint32(4, true) & 0xffffff), height: 1 + (view.getUint32(6, true) >>> 8) };
  if (fourcc === 'VP8 ' && data[3] === 0x9d && data[4] === 0x01 && data[5] === 0x2a) {
    return { width: view.getUint16(6, true) & 0x3fff, height: view.getUint16(8, true) & 0x3fff };
  }
  if (fourcc === 'VP8L' && data[0] === 0x2f) {
    const bits = view.getUint32(1, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  return undefined;
}
