/**
 * Random access to a file's bytes without reading all of it: the container walkers ask for small
 * ranges (chunk headers, one text chunk), served from windows of the file read a few at a time.
 */

/** A window this size holds a picture's leading chunks and the headers of many pixel-data chunks. */
const WINDOW_BYTES = 256 * 1024;

export interface ByteSource {
  readonly size: number;
  /** The bytes at [offset, offset + length), fewer at the end of the file. Valid until the next call. */
  bytes(offset: number, length: number): Promise<Uint8Array>;
}

export type PictureInput = Blob | ArrayBuffer | Uint8Array;

interface Window {
  start: number;
  data: Uint8Array;
}

/**
 * Two windows are kept, the last two read: a walker that reads a file's start and then its end
 * (PNG) comes back to the start for the text chunks without reading it again. Each read of a
 * browser File costs about a millisecond whatever its size, so reads are few and not tiny.
 */
export function byteSource(input: PictureInput): ByteSource {
  if (!(input instanceof Blob)) {
    const all = input instanceof Uint8Array ? input : new Uint8Array(input);
    return { size: all.length, bytes: async (offset, length) => all.subarray(offset, offset + length) };
  }
  let windows: Window[] = [];
  return {
    size: input.size,
    async bytes(offset, length) {
      const end = Math.min(offset + length, input.size);
      let window = windows.find((candidate) => offset >= candidate.start && end <= candidate.start + candidate.data.length);
      if (!window) {
        const data = new Uint8Array(await input.slice(offset, Math.max(end, Math.min(offset + WINDOW_BYTES, input.size))).arrayBuffer());
        window = { start: offset, data };
        windows = [window, ...windows.slice(0, 1)];
      }
      return window.data.subarray(offset - window.start, end - window.start);
    },
  };
}

/** Short tags only (chunk types, signatures). */
export const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** The bytes of a short ASCII tag. */
export const asciiBytes = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
