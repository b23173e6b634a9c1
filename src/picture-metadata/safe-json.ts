/**
 * JSON from metadata, parsed without trusting it: the nesting depth is counted before JSON.parse
 * runs (a text nested 10,000 deep would exhaust the stack), whole numbers too long for a double
 * (seeds go up to 2^64) are kept exactly as text, and NaN and Infinity, which Python writes,
 * read as null. Never throws.
 */

export const MAX_JSON_DEPTH = 64;

export type JsonOutcome = { ok: true; value: unknown } | { ok: false; reason: 'json-too-deep' | 'json-invalid' };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Characters a JSON number or bare word is made of. */
function isTokenChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2b || c === 0x2e;
}

/** The token rewritten so JSON.parse keeps its meaning, or undefined to keep it as it is. */
function rewrite(token: string): string | undefined {
  if (token === 'NaN' || token === 'Infinity' || token === '-Infinity') return 'null';
  if (/^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) return `"${token}"`;
  return undefined;
}

export function parseMetadataJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonOutcome {
  let depth = 0;
  const pieces: string[] = [];
  let copiedTo = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return { ok: false, reason: 'json-too-deep' };
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (isTokenChar(c)) {
      let end = i + 1;
      while (end < text.length && isTokenChar(text.charCodeAt(end))) end++;
      const replacement = rewrite(text.slice(i, end));
      if (replacement !== undefined) {
        pieces.push(text.slice(copiedTo, i), replacement);
        copiedTo = end;
      }
      i = end - 1;
    }
  }
  try {
    return { ok: true, value: JSON.parse(pieces.length ? pieces.join('') + text.slice(copiedTo) : text) };
  } catch {
    return { ok: false, reason: 'json-invalid' };
  }
}

/** The object at `value`, or an empty one: metadata fields are read from it one by one. */
export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
