/**
 * Random access to a file's bytes without reading all of it: the container walkers ask for small
 * ranges (chunk headers, one text chunk), served from one window of the file read at a time.
 */

/** A window this size holds the headers of many pixel-data chunks, so a 10 MB file takes about ten reads. */
const WINDOW_BYTES = 1 << 20;

export interface ByteSource {
  readonly size: number;
  /** The bytes at [offset, offset + length), fewer at the end of the file. Valid until the next call. */
  bytes(offset: number, length: number): Promise<Uint8Array>;
}

export type PictureInput = Blob | ArrayBuffer | Uint8Array;

export function byteSource(input: PictureInput): ByteSource {
  if (!(input instanceof Blob)) {
    const all = input instanceof Uint8Array ? input : new Uint8Array(input);
    return { size: all.length, bytes: async (offset, length) => all.subarray(offset, offset + length) };
  }
  let windowStart = 0;
  let window = new Uint8Array(0);
  return {
    size: input.size,
    async bytes(offset, length) {
      const end = Math.min(offset + length, input.size);
      if (offset < windowStart || end > windowStart + window.length) {
        windowStart = offset;
        window = new Uint8Array(await input.slice(offset, Math.max(end, Math.min(offset + WINDOW_BYTES, input.size))).arrayBuffer());
      }
      return window.subarray(offset - windowStart, end - windowStart);
    },
  };
}

/** Short tags only (chunk types, signatures). */
export const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** The bytes of a short ASCII tag. */
export const asciiBytes = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
