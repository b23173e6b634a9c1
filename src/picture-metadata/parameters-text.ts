/**
 * AUTOMATIC1111's `parameters` text, as AUTOMATIC1111 and Forge write and read it:
 *
 *   the prompt (any number of lines)
 *   Negative prompt: the negative prompt (any number of lines)
 *   Steps: 20, Sampler: Euler a, Seed: 42, Size: 512x512, Lora hashes: "a: 1, b: 2"
 *
 * The last line holds the settings when at least three `key: value` pairs are found in it;
 * pairs are split by commas, and a value with a comma, colon or line break is a JSON string.
 * Split by a linear scan, not a backtracking expression, so a hostile line cannot stall it.
 */

export interface ParametersText {
  prompt: string;
  negativePrompt: string;
  /** The settings line's pairs, in order. */
  settings: Map<string, string>;
}

const KEY = /^\w[\w \-/]+$/;
const NEGATIVE = 'Negative prompt:';

/** The pairs of a settings line; a piece without a valid key is passed over, as AUTOMATIC1111 does. */
export function settingsPairs(line: string): Map<string, string> {
  const pairs = new Map<string, string>();
  let at = 0;
  // Both searches only move forward, so the whole line is scanned a bounded number of times.
  let colon = -1;
  let comma = -1;
  while (at < line.length) {
    if (colon < at) colon = line.indexOf(':', at);
    if (comma < at && comma !== Infinity) comma = line.indexOf(',', at);
    if (comma < 0) comma = Infinity;
    if (colon < 0) break;
    if (comma < colon) {
      at = comma + 1;
      continue;
    }
    const key = line.slice(at, colon).trim();
    let valueStart = colon + 1;
    while (line[valueStart] === ' ') valueStart++;
    let value: string;
    let end: number;
    if (line[valueStart] === '"') {
      let close = valueStart + 1;
      while (close < line.length && line[close] !== '"') close += line[close] === '\\' ? 2 : 1;
      const quoted = line.slice(valueStart, close + 1);
      value = unquote(quoted);
      const next = line.indexOf(',', close);
      end = next < 0 ? line.length : next;
    } else {
      const next = line.indexOf(',', valueStart);
      end = next < 0 ? line.length : next;
      value = line.slice(valueStart, end).trim();
    }
    if (KEY.test(key)) pairs.set(key, value);
    at = end + 1;
  }
  return pairs;
}

function unquote(quoted: string): string {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : quoted;
  } catch {
    return quoted;
  }
}

export function parseParametersText(text: string): ParametersText {
  const lines = text.trim().split('\n');
  const lastLine = lines.pop() ?? '';
  let settings = settingsPairs(lastLine);
  if (settings.size < 3) {
    lines.push(lastLine);
    settings = new Map();
  }
  const prompt: string[] = [];
  const negative: string[] = [];
  let inNegative = false;
  for (const raw of lines) {
    let line = raw.trim();
    if (line.startsWith(NEGATIVE)) {
      inNegative = true;
      line = line.slice(NEGATIVE.length).trim();
    }
    (inNegative ? negative : prompt).push(line);
  }
  return { prompt: prompt.join('\n'), negativePrompt: negative.join('\n'), settings };
}

/** A value as AUTOMATIC1111 quotes it: as a JSON string when it holds a comma, colon or line break. */
export const quoteValue = (value: string): string => (/[,:\n]/.test(value) ? JSON.stringify(value) : value);

/** The text for `settings` (at least three pairs, or readers take the line for part of the prompt). */
export function formatParametersText(prompt: string, negativePrompt: string, settings: ReadonlyArray<readonly [string, string | number]>): string {
  const lines = prompt ? [prompt] : [];
  if (negativePrompt) lines.push(`${NEGATIVE} ${negativePrompt}`);
  lines.push(settings.map(([key, value]) => `${key}: ${quoteValue(String(value))}`).join(', '));
  return lines.join('\n');
}
