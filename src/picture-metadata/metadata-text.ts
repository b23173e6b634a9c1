/**
 * What a container walker hands the format readers: the texts a file carries under their names,
 * the file's own pixel size, and every piece of metadata it refused, with a named reason.
 */
import type { PixelSize } from '../api/contract';

export type Container = 'png' | 'jpeg' | 'webp' | 'mp4';

/** A text the file carries, named as its format names it ('parameters', 'prompt', 'aiart-recipe'…). */
export interface MetadataText {
  key: string;
  text: string;
}

export type MetadataProblemReason =
  | 'text-too-large'
  | 'too-much-text'
  | 'compressed-text-damaged'
  | 'compressed-text-too-large'
  | 'checksum-mismatch'
  | 'structure-damaged'
  | 'json-too-deep'
  | 'json-invalid'
  | 'unsupported-version'
  | 'recipe-invalid';

/** A piece of metadata that was not read: why, and a sentence a page can show as plain text. */
export interface MetadataProblem {
  reason: MetadataProblemReason;
  message: string;
}

export interface ContainerMetadata {
  container: Container;
  texts: MetadataText[];
  problems: MetadataProblem[];
  /** The pixel size the file's own header states. */
  size?: PixelSize;
}

/** One text chunk or segment is never read beyond this; real recipes are a few kilobytes. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** All texts of one file together. */
export const MAX_TOTAL_TEXT_BYTES = 4 * 1024 * 1024;

/** A name from the file, made safe to quote in a message: printable, short. */
export function quotedName(name: string): string {
  return `“${name.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)}”`;
}

export const byteCount = (bytes: number): string => `${bytes.toLocaleString('en')} bytes`;

/** Collects texts under the per-file budget; a text past it becomes a problem instead. */
export class TextCollector {
  readonly texts: MetadataText[] = [];
  readonly problems: MetadataProblem[] = [];
  private total = 0;

  /** True when a text of `bytes` may still be read; otherwise records why not. */
  admit(key: string, bytes: number): boolean {
    if (bytes > MAX_TEXT_BYTES) {
      this.problems.push({ reason: 'text-too-large', message: `The text ${quotedName(key)} (${byteCount(bytes)}) was not read: metadata over ${byteCount(MAX_TEXT_BYTES)} is refused.` });
      return false;
    }
    if (this.total + bytes > MAX_TOTAL_TEXT_BYTES) {
      this.problems.push({ reason: 'too-much-text', message: `The text ${quotedName(key)} was not read: the file carries more than ${byteCount(MAX_TOTAL_TEXT_BYTES)} of metadata.` });
      return false;
    }
    this.total += bytes;
    return true;
  }

  add(key: string, text: string): void {
    this.texts.push({ key, text });
  }

  problem(reason: MetadataProblemReason, message: string): void {
    this.problems.push({ reason, message });
  }
}
