/**
 * Reads what a test needs from an MP4: codec, frame size, frame count, duration, sample sizes,
 * where the chunks are, and the order of the top-level boxes.
 */

export interface Mp4Info {
  codec: string;
  width: number;
  height: number;
  frames: number;
  seconds: number;
  sampleSizes: number[];
  /** File offset of each sample, from the chunk offsets (stco or co64) and samples per chunk (stsc). */
  sampleOffsets: number[];
  /** Top-level box types in file order, e.g. ftyp, moov, mdat. */
  boxOrder: string[];
}

interface Box {
  type: string;
  start: number;
  end: number;
}

function* boxes(bytes: Buffer, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    const size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (size < 8 || at + size > end) return;
    yield { type, start: at + 8, end: at + size };
    at += size;
  }
}

function find(bytes: Buffer, path: string[], start = 0, end = bytes.length): Box {
  const [head, ...rest] = path;
  for (const box of boxes(bytes, start, end)) {
    if (box.type !== head) continue;
    return rest.length ? find(bytes, rest, box.start, box.end) : box;
  }
  throw new Error(`MP4 has no ${path.join('/')} box`);
}

export function readMp4(bytes: Buffer): Mp4Info {
  const trak = ['moov', 'trak'];
  const stbl = [...trak, 'mdia', 'minf', 'stbl'];
  const tkhd = find(bytes, [...trak, 'tkhd']);
  const version = bytes[tkhd.start];
  const sizeAt = tkhd.start + (version === 1 ? 88 : 76);
  const mdhd = find(bytes, [...trak, 'mdia', 'mdhd']);
  const mdhdVersion = bytes[mdhd.start];
  const timescale = bytes.readUInt32BE(mdhd.start + (mdhdVersion === 1 ? 20 : 12));
  const duration =
    mdhdVersion === 1 ? Number(bytes.readBigUInt64BE(mdhd.start + 24)) : bytes.readUInt32BE(mdhd.start + 16);
  const stsd = find(bytes, [...stbl, 'stsd']);
  const stsz = find(bytes, [...stbl, 'stsz']);
  const uniform = bytes.readUInt32BE(stsz.start + 4);
  const count = bytes.readUInt32BE(stsz.start + 8);
  const sampleSizes = Array.from({ length: count }, (_, i) =>
    uniform || bytes.readUInt32BE(stsz.start + 12 + i * 4),
  );
  return {
    codec: bytes.toString('latin1', stsd.start + 12, stsd.start + 16),
    width: bytes.readUInt32BE(sizeAt) / 65536,
    height: bytes.readUInt32BE(sizeAt + 4) / 65536,
    frames: count,
    seconds: duration / timescale,
    sampleSizes,
    sampleOffsets: sampleOffsets(bytes, stbl, sampleSizes),
    boxOrder: [...boxes(bytes, 0, bytes.length)].map((box) => box.type),
  };
}

function sampleOffsets(bytes: Buffer, stbl: string[], sampleSizes: number[]): number[] {
  const chunks = chunkOffsets(bytes, stbl);
  const stsc = find(bytes, [...stbl, 'stsc']);
  const runs = Array.from({ length: bytes.readUInt32BE(stsc.start + 4) }, (_, i) => ({
    firstChunk: bytes.readUInt32BE(stsc.start + 8 + i * 12) - 1,
    samples: bytes.readUInt32BE(stsc.start + 12 + i * 12),
  }));
  const offsets: number[] = [];
  chunks.forEach((chunkStart, chunk) => {
    const run = runs.findLast((r) => r.firstChunk <= chunk)!;
    let at = chunkStart;
    for (let i = 0; i < run.samples && offsets.length < sampleSizes.length; i++) {
      offsets.push(at);
      at += sampleSizes[offsets.length - 1];
    }
  });
  return offsets;
}

function chunkOffsets(bytes: Buffer, stbl: string[]): number[] {
  const parent = find(bytes, stbl);
  const table = [...boxes(bytes, parent.start, parent.end)].find((box) => box.type === 'stco' || box.type === 'co64');
  if (!table) throw new Error('MP4 has no stco or co64 box');
  const wide = table.type === 'co64';
  const count = bytes.readUInt32BE(table.start + 4);
  return Array.from({ length: count }, (_, i) =>
    wide ? Number(bytes.readBigUInt64BE(table.start + 8 + i * 8)) : bytes.readUInt32BE(table.start + 8 + i * 4),
  );
}
