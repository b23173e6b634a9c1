/**
 * The few EXIF fields that carry settings, read from and written to a TIFF structure (the body of
 * a JPEG APP1 "Exif" segment or a WebP EXIF chunk): UserComment, where AUTOMATIC1111 and Fooocus
 * write their parameters; Make and Model, where ComfyUI's WebP writer puts its graphs; and
 * Orientation, which the writer keeps so a picture never turns on its side.
 */
import { asciiBytes } from './byte-source';
import { decodeText, decodeUtf16 } from './text-decoding';

export interface ExifFields {
  userComment?: string;
  orientation?: number;
  make?: string;
  model?: string;
}

const TAG = { orientation: 0x0112, make: 0x010f, model: 0x0110, exifIfd: 0x8769, userComment: 0x9286 } as const;
const TYPE_BYTES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };
const MAX_IFD_ENTRIES = 1000;

interface Entry {
  tag: number;
  type: number;
  value: Uint8Array;
}

/** The entries of the IFD at `offset`, each with its value's bytes; entries pointing outside are left out. */
function readIfd(tiff: Uint8Array, view: DataView, little: boolean, offset: number): Entry[] {
  if (offset + 2 > tiff.length) return [];
  const count = Math.min(view.getUint16(offset, little), MAX_IFD_ENTRIES);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    if (at + 12 > tiff.length) break;
    const type = view.getUint16(at + 2, little);
    const length = (TYPE_BYTES[type] ?? 0) * view.getUint32(at + 4, little);
    const start = length <= 4 ? at + 8 : view.getUint32(at + 8, little);
    if (!TYPE_BYTES[type] || start + length > tiff.length) continue;
    entries.push({ tag: view.getUint16(at, little), type, value: tiff.subarray(start, start + length) });
  }
  return entries;
}

/** UserComment starts with eight bytes naming its character code. */
function decodeUserComment(value: Uint8Array, little: boolean): string {
  const code = String.fromCharCode(...value.subarray(0, 8)).replace(/\0+$/, '');
  const body = value.subarray(8);
  if (code === 'UNICODE') return decodeUtf16(body, little ? 'le' : 'be');
  return decodeText(body, code === 'ASCII' ? 'latin1' : 'utf-8');
}

export function readExif(tiff: Uint8Array): ExifFields {
  if (tiff.length < 8) return {};
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.length);
  const order = view.getUint16(0);
  if ((order !== 0x4949 && order !== 0x4d4d) || view.getUint16(2, order === 0x4949) !== 42) return {};
  const little = order === 0x4949;
  const fields: ExifFields = {};
  const text = (entry: Entry) => decodeText(entry.value, 'latin1');
  for (const entry of readIfd(tiff, view, little, view.getUint32(4, little))) {
    const entryView = new DataView(entry.value.buffer, entry.value.byteOffset, entry.value.length);
    if (entry.tag === TAG.orientation && entry.type === 3) fields.orientation = entryView.getUint16(0, little);
    else if (entry.tag === TAG.make && entry.type === 2) fields.make = text(entry);
    else if (entry.tag === TAG.model && entry.type === 2) fields.model = text(entry);
    else if (entry.tag === TAG.exifIfd && entry.type === 4) {
      const comment = readIfd(tiff, view, little, entryView.getUint32(0, little)).find((e) => e.tag === TAG.userComment);
      if (comment) fields.userComment = decodeUserComment(comment.value, little);
    }
  }
  return fields;
}

/** A big-endian TIFF holding UserComment (as UTF-16, as AUTOMATIC1111 writes it) and the orientation when there is one. */
export function buildExif(userComment: string, orientation?: number): Uint8Array {
  const ifd0Entries = orientation ? 2 : 1;
  const exifIfdOffset = 8 + 2 + 12 * ifd0Entries + 4;
  const commentOffset = exifIfdOffset + 2 + 12 + 4;
  const commentBytes = 8 + userComment.length * 2;
  const tiff = new Uint8Array(commentOffset + commentBytes);
  const view = new DataView(tiff.buffer);
  tiff.set([0x4d, 0x4d, 0, 42, 0, 0, 0, 8]);
  let at = 8;
  const entry = (tag: number, type: number, count: number, value: (position: number) => void) => {
    view.setUint16(at, tag);
    view.setUint16(at + 2, type);
    view.setUint32(at + 4, count);
    value(at + 8);
    at += 12;
  };
  view.setUint16(at, ifd0Entries);
  at += 2;
  if (orientation) entry(TAG.orientation, 3, 1, (position) => view.setUint16(position, orientation));
  entry(TAG.exifIfd, 4, 1, (position) => view.setUint32(position, exifIfdOffset));
  at += 4; // No next IFD.
  view.setUint16(at, 1);
  at += 2;
  entry(TAG.userComment, 7, commentBytes, (position) => view.setUint32(position, commentOffset));
  tiff.set(asciiBytes('UNICODE\0'), commentOffset);
  for (let i = 0; i < userComment.length; i++) view.setUint16(commentOffset + 8 + i * 2, userComment.charCodeAt(i));
  return tiff;
}

/**
 * The texts EXIF fields carry, named as PNG chunks name them: UserComment holds AUTOMATIC1111's
 * or Fooocus's `parameters`; ComfyUI writes "prompt:{…}" and "workflow:{…}" into Model and Make.
 */
export function exifTexts(fields: ExifFields): Array<{ key: string; text: string }> {
  const texts: Array<{ key: string; text: string }> = [];
  if (fields.userComment) texts.push({ key: 'parameters', text: fields.userComment });
  for (const value of [fields.model, fields.make]) {
    const named = value && /^(prompt|workflow):/.exec(value);
    if (named) texts.push({ key: named[1], text: value.slice(named[0].length) });
  }
  return texts;
}
