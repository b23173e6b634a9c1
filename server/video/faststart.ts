/**
 * "Faststart" for MP4: moves the `moov` box (the index a player needs first) ahead of the media
 * data, so playback can begin before the whole file has arrived. The encoder writes it last.
 */

interface Box {
  type: string;
  start: number;
  end: number;
  /** Where the payload begins: after the 8-byte header, or 16 with a 64-bit size. */
  body: number;
}

/** Boxes on the way from `moov` to the chunk offset tables. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl']);

function boxesIn(bytes: Uint8Array, start: number, end: number): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  for (let at = start; at < end; ) {
    if (at + 8 > end) throw new Error(`MP4 box header at byte ${at} is cut short`);
    let size = view.getUint32(at);
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > end) throw new Error(`MP4 box header at byte ${at} is cut short`);
      size = Number(view.getBigUint64(at + 8));
      body = at + 16;
    } else if (size === 0) {
      size = end - at;
    }
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (size < body - at || at + size > end) throw new Error(`MP4 box "${type}" at byte ${at} has a bad size ${size}`);
    boxes.push({ type, start: at, end: at + size, body });
    at += size;
  }
  return boxes;
}

/** Calls `visit` for each stco (32-bit) and co64 (64-bit) chunk offset table under `box`. */
function forEachOffsetTable(bytes: Uint8Array, box: Box, visit: (table: Box) => void): void {
  for (const child of boxesIn(bytes, box.body, box.end)) {
    if (child.type === 'stco' || child.type === 'co64') visit(child);
    else if (CONTAINERS.has(child.type)) forEachOffsetTable(bytes, child, visit);
  }
}

/**
 * Returns the file with `moov` right before the first `mdat`, every chunk offset that pointed
 * past it shifted by the size of `moov`. A file already in that order comes back unchanged.
 */
export function moveMoovToFront(input: Uint8Array): Uint8Array {
  const boxes = boxesIn(input, 0, input.length);
  const moov = boxes.find((box) => box.type === 'moov');
  const firstMdat = boxes.find((box) => box.type === 'mdat');
  if (!moov) throw new Error('MP4 has no moov box');
  if (!firstMdat || moov.start < firstMdat.start) return input;

  const shift = moov.end - moov.start;
  // A copy: a Buffer's slice() would share the caller's memory.
  const movedMoov = new Uint8Array(input.subarray(moov.start, moov.end));
  const view = new DataView(movedMoov.buffer);
  // Media between the first mdat and the old moov moves down by the size of moov; nothing else moves.
  const shifted = (offset: number) => (offset >= firstMdat.start && offset < moov.start ? offset + shift : offset);
  forEachOffsetTable(movedMoov, { ...moov, start: 0, body: moov.body - moov.start, end: shift }, (table) => {
    const count = view.getUint32(table.body + 4);
    const wide = table.type === 'co64';
    const entrySize = wide ? 8 : 4;
    if (table.body + 8 + count * entrySize > table.end) throw new Error(`MP4 ${table.type} box is shorter than its ${count} entries`);
    for (let i = 0; i < count; i++) {
      const at = table.body + 8 + i * entrySize;
      const offset = shifted(wide ? Number(view.getBigUint64(at)) : view.getUint32(at));
      if (wide) view.setBigUint64(at, BigInt(offset));
      else if (offset > 0xffffffff) throw new Error('MP4 too large for 32-bit chunk offsets after moving moov');
      else view.setUint32(at, offset);
    }
  });

  const output = new Uint8Array(input.length);
  let at = 0;
  const append = (part: Uint8Array) => {
    output.set(part, at);
    at += part.length;
  };
  append(input.subarray(0, firstMdat.start));
  append(movedMoov);
  append(input.subarray(firstMdat.start, moov.start));
  append(input.subarray(moov.end));
  return output;
}
