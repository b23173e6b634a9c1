/** Hand-made PNG files for upload edge cases: exact byte sizes and shapes image tools refuse to create. */
import { crc32, createDeflate } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunk length, type and CRC around each chunk's data. */
const CHUNK_OVERHEAD = 12;

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A valid PNG padded to exactly `size` bytes with a private ancillary chunk, which decoders skip. */
export function padPng(png: Buffer, size: number): Buffer {
  const iend = png.length - CHUNK_OVERHEAD;
  const padding = size - png.length - CHUNK_OVERHEAD;
  if (padding < 0) throw new Error(`the PNG is already ${png.length} bytes`);
  return Buffer.concat([png.subarray(0, iend), chunk('prVt', Buffer.alloc(padding)), png.subarray(iend)]);
}

/** A black 8-bit greyscale PNG of any size, compressed as it is made (a 1x40,000,000 one is about 80 KB). */
export async function blackPng(width: number, height: number): Promise<Buffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (part: Buffer) => compressed.push(part));
  const finished = new Promise((resolve) => deflate.on('end', resolve));
  // Each row is a filter byte and `width` zero samples: all zero, so one buffer serves every row.
  const rowsPerWrite = Math.max(1, Math.floor((1 << 20) / (width + 1)));
  const rows = Buffer.alloc((width + 1) * rowsPerWrite);
  for (let row = 0; row < height; row += rowsPerWrite) {
    const slice = rows.subarray(0, (width + 1) * Math.min(rowsPerWrite, height - row));
    if (!deflate.write(slice)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await finished;
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', Buffer.concat(compressed)), chunk('IEND', Buffer.alloc(0))]);
}
