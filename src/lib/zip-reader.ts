/**
 * Reads a zip held in a Blob by random access, for archives that are hostile input: the central
 * directory at the end names every entry with its sizes, checksum and place, so only the
 * entries asked for are ever read. Each is streamed, inflated under a cap that stops feeding the
 * inflater (never more than about a megabyte past it), and checked against its CRC. A stored
 * entry comes back as a slice of the archive itself: nothing is copied.
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  crc: number;
  headerOffset: number;
}

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

/**
 * too-large: the directory states more than the cap; larger-than-stated: it inflates past what
 * the directory states (a forged entry, or a zip bomb); damaged: it does not match its CRC or
 * size, or cannot be inflated; unsupported: encrypted, or compressed other than by deflate.
 */
export type ZipEntryOutcome = { ok: true; blob: Blob } | { ok: false; reason: 'too-large' | 'larger-than-stated' | 'damaged' | 'unsupported' };

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_BYTES = 22;
const MAX_COMMENT = 0xffff;
/** Deflate expands at most about 1032 times: a piece this size inflates to at most about 16 MB. */
const INFLATE_PIECE = 16 * 1024;
/** Inflated output is gathered into a Blob every few megabytes, so it is not held twice. */
const GATHER_BYTES = 4 * 1024 * 1024;

const readBytes = async (blob: Blob, start: number, end: number) => new Uint8Array(await blob.slice(start, end).arrayBuffer());

async function findEnd(zip: Blob): Promise<{ view: DataView; at: number }> {
  const tailStart = Math.max(0, zip.size - END_BYTES - MAX_COMMENT);
  const tail = await readBytes(zip, tailStart, zip.size);
  const view = new DataView(tail.buffer);
  for (let at = tail.length - END_BYTES; at >= 0; at--) if (view.getUint32(at, true) === END_SIGNATURE) return { view, at };
  throw new ZipFormatError('no end of central directory');
}

/**
 * Every entry of the archive by name (the first of a repeated name). The entry count in the end
 * record is not trusted (16 bits, it wraps past 65,535 entries): the directory is walked to its end.
 */
export async function readZipDirectory(zip: Blob, limits: { maxEntries: number; maxDirectoryBytes: number }): Promise<Map<string, ZipEntry>> {
  const { view: end, at } = await findEnd(zip);
  const directorySize = end.getUint32(at + 12, true);
  const directoryOffset = end.getUint32(at + 16, true);
  if (directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not read');
  if (directorySize > limits.maxDirectoryBytes) throw new ZipFormatError('central directory too large');
  if (directoryOffset + directorySize > zip.size) throw new ZipFormatError('central directory outside the file');
  const directory = await readBytes(zip, directoryOffset, directoryOffset + directorySize);
  const view = new DataView(directory.buffer);
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  let count = 0;
  for (let offset = 0; offset + 46 <= directory.length; count++) {
    if (view.getUint32(offset, true) !== ENTRY_SIGNATURE) throw new ZipFormatError('damaged central directory');
    if (count >= limits.maxEntries) throw new ZipFormatError('too many entries');
    const nameLength = view.getUint16(offset + 28, true);
    const skip = view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    const name = decoder.decode(directory.subarray(offset + 46, offset + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      headerOffset: view.getUint32(offset + 42, true),
    };
    if (!entries.has(name)) entries.set(name, entry);
    offset += 46 + nameLength + skip;
  }
  return entries;
}

/** Feeds `data` to an inflater a piece at a time, gathering its output; stops as soon as it passes `limit`. */
async function inflateEntry(data: Blob, limit: number): Promise<{ blob: Blob; size: number; crc: number } | 'too-large' | 'damaged'> {
  let gathered = new Blob([]);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let size = 0;
  let crc = 0;
  let finished = false;
  const inflater = new Inflate((piece, final) => {
    size += piece.length;
    if (size > limit) return;
    crc = crc32(piece, crc);
    pending.push(piece);
    pendingBytes += piece.length;
    finished ||= final;
  });
  const gather = () => {
    gathered = new Blob([gathered, ...(pending as Uint8Array<ArrayBuffer>[])]);
    pending = [];
    pendingBytes = 0;
  };
  const reader = data.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      for (let at = 0; value && at < value.length; at += INFLATE_PIECE) {
        inflater.push(value.subarray(at, at + INFLATE_PIECE));
        if (size > limit) return 'too-large';
      }
      if (pendingBytes >= GATHER_BYTES) gather();
      if (done) break;
    }
    inflater.push(new Uint8Array(0), true);
  } catch {
    return 'damaged';
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  if (size > limit) return 'too-large';
  if (!finished) return 'damaged';
  gather();
  return { blob: gathered, size, crc };
}

/** The CRC of a stored entry, read a stream chunk at a time. */
async function storedCrc(data: Blob): Promise<number> {
  const reader = data.stream().getReader();
  let crc = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return crc;
    crc = crc32(value, crc);
  }
}

/** One entry's contents, or why not. */
export async function readZipEntry(zip: Blob, entry: ZipEntry, maxBytes: number): Promise<ZipEntryOutcome> {
  if (entry.size > maxBytes) return { ok: false, reason: 'too-large' };
  if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) return { ok: false, reason: 'unsupported' };
  const header = new DataView((await readBytes(zip, entry.headerOffset, entry.headerOffset + 30)).buffer);
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL_SIGNATURE) return { ok: false, reason: 'damaged' };
  const start = entry.headerOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > zip.size) return { ok: false, reason: 'damaged' };
  const data = zip.slice(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size || (await storedCrc(data)) !== entry.crc) return { ok: false, reason: 'damaged' };
    return { ok: true, blob: data };
  }
  // The directory's size, already checked against the cap, bounds the inflating.
  const inflated = await inflateEntry(data, entry.size);
  if (inflated === 'too-large') return { ok: false, reason: 'larger-than-stated' };
  if (inflated === 'damaged' || inflated.size !== entry.size || inflated.crc !== entry.crc) return { ok: false, reason: 'damaged' };
  return { ok: true, blob: inflated.blob };
}
