/**
 * Inflates a zlib stream (PNG zTXt and compressed iTXt) without ever holding more than a cap:
 * the input goes in small pieces, so a tiny chunk that would inflate to gigabytes stops early.
 */
import { Unzlib } from 'fflate';
import { concatBytes } from '../lib/bytes';

/** Deflate expands at most about 1032 times, so one piece yields at most about 1 MB. */
const PIECE_BYTES = 1024;

export type InflateOutcome = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'damaged' | 'too-large' };

export function inflateCapped(compressed: Uint8Array, maxBytes: number): InflateOutcome {
  const pieces: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Unzlib((piece, final) => {
    pieces.push(piece);
    size += piece.length;
    ended ||= final;
  });
  try {
    for (let offset = 0; offset < compressed.length && size <= maxBytes; offset += PIECE_BYTES) {
      const end = Math.min(offset + PIECE_BYTES, compressed.length);
      inflater.push(compressed.subarray(offset, end), end === compressed.length);
    }
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (size > maxBytes) return { ok: false, reason: 'too-large' };
  if (!ended) return { ok: false, reason: 'damaged' };
  return { ok: true, bytes: concatBytes(pieces, size) };
}
