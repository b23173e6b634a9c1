/** Single values read from untrusted metadata: each is checked for its type and range, or left out. */
import { asObject, parseMetadataJson } from './safe-json';
import type { FormatReading } from './found-settings';
import type { MetadataProblem } from './metadata-text';

/** Prompts longer than this are not anyone's prompt; the mapping cuts at the contract's limit and says so. */
const MAX_FOUND_TEXT = 100_000;
const MAX_LABEL = 200;

export function textValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_FOUND_TEXT) : undefined;
}

/** A short name (model, sampler, style) for display: one line, printable, short. */
export function labelValue(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a label must not carry
  const label = String(value).replace(/[\0-\x1f\x7f]/g, ' ').trim().slice(0, MAX_LABEL);
  return label || undefined;
}

/** A seed of any size as decimal text: from a JSON number, or from text of digits. */
export function seedValue(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(-?)0*(\d{1,40})\s*$/.exec(value);
  return match ? `${match[2] === '0' ? '' : match[1]}${match[2]}` : undefined;
}

export function numberValue(value: unknown, min: number, max: number): number | undefined {
  const n = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

/** Pixel sides other tools use stay well under this. */
export const MAX_SIDE = 100_000;

export function sizeValue(width: unknown, height: unknown): { width?: number; height?: number } {
  const w = numberValue(width, 1, MAX_SIDE);
  const h = numberValue(height, 1, MAX_SIDE);
  return w && h && Number.isInteger(w) && Number.isInteger(h) ? { width: w, height: h } : {};
}

/** "512x400" as AUTOMATIC1111 writes sizes. */
export function sizeText(value: string | undefined): { width?: number; height?: number } {
  const match = value && /^\s*(\d{1,6})\s*x\s*(\d{1,6})\s*$/.exec(value);
  return match ? sizeValue(Number(match[1]), Number(match[2])) : {};
}

/** A JSON object from a text, or the problem that kept it from being read. */
export function jsonObject(text: string, what: string): { ok: true; value: Record<string, unknown> } | { ok: false; problem: MetadataProblem } {
  const parsed = parseMetadataJson(text);
  if (parsed.ok) return { ok: true, value: asObject(parsed.value) };
  const problem: MetadataProblem =
    parsed.reason === 'json-too-deep'
      ? { reason: 'json-too-deep', message: `The ${what} is nested deeper than any settings are: it was not read.` }
      : { reason: 'json-invalid', message: `The ${what} is not valid JSON: it was not read.` };
  return { ok: false, problem };
}

/** A reading that failed with `problem`. */
export const failed = (problem: MetadataProblem): FormatReading => ({ ok: false, problem });
