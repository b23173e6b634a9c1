/**
 * Prompt templates: `{red|blue} car` makes one run per choice (groups multiply and may nest),
 * `__colour__` draws one entry from the creator's list of that name, the same for the same seed.
 * `\{`, `\}`, `\|`, `\_` and `\\` stand for the character itself. Malformed templates are refused
 * with a message that names the problem, never guessed at.
 */
import { MAX_PROMPT_LENGTH } from '../api/contract';

/** The most runs one send may queue: combinations × images per run. */
export const MAX_RUNS = 100;
const MAX_DEPTH = 10;

/** The creator's wildcard lists, by lower-case name; every list has at least one entry. */
export type WildcardLists = ReadonlyMap<string, readonly string[]>;

type Piece = string | { wildcard: string } | { choices: Piece[][] };

/** A wildcard's name: letters, digits, and single `-` or `_` between them. */
const WILDCARD = /^__([a-z0-9]+(?:[-_][a-z0-9]+)*)__/i;
const ESCAPABLE = '{}|_\\';

class TemplateError extends Error {}

const at = (index: number) => `(character ${(index + 1).toLocaleString('en')})`;

/** Reads `template` into pieces: text, wildcards and groups of choices. */
function parse(template: string): Piece[] {
  let i = 0;
  function sequence(depth: number, inGroup: boolean): Piece[] {
    const pieces: Piece[] = [];
    let text = '';
    const flush = () => {
      if (text) pieces.push(text);
      text = '';
    };
    while (i < template.length) {
      const char = template[i];
      if (char === '\\' && ESCAPABLE.includes(template[i + 1] ?? '')) {
        text += template[i + 1];
        i += 2;
      } else if (char === '{') {
        if (depth >= MAX_DEPTH) throw new TemplateError(`Combinations nest at most ${MAX_DEPTH} deep ${at(i)}.`);
        flush();
        const opened = i++;
        const choices = [sequence(depth + 1, true)];
        while (template[i] === '|') {
          i++;
          choices.push(sequence(depth + 1, true));
        }
        if (template[i] !== '}') throw new TemplateError(`The prompt has a “{” with no closing “}” ${at(opened)}. Close it, or write \\{ for a brace.`);
        i++;
        pieces.push({ choices });
      } else if (inGroup && (char === '|' || char === '}')) {
        break;
      } else if (char === '}') {
        throw new TemplateError(`The prompt has a “}” with no opening “{” ${at(i)}. Remove it, or write \\} for a brace.`);
      } else {
        const wildcard = char === '_' ? WILDCARD.exec(template.slice(i, i + 64)) : null;
        if (wildcard) {
          flush();
          pieces.push({ wildcard: wildcard[1].toLowerCase() });
          i += wildcard[0].length;
        } else {
          text += char;
          i++;
        }
      }
    }
    flush();
    return pieces;
  }
  return sequence(0, false);
}

/** How many prompts a sequence makes, held at a safe integer so a huge template cannot overflow. */
function countOf(pieces: Piece[]): number {
  let count = 1;
  for (const piece of pieces) {
    if (typeof piece === 'object' && 'choices' in piece) count = Math.min(Number.MAX_SAFE_INTEGER, count * piece.choices.reduce((sum, choice) => sum + countOf(choice), 0));
  }
  return count;
}

function wildcardsOf(pieces: Piece[], found: Array<{ wildcard: string }> = []) {
  for (const piece of pieces) {
    if (typeof piece !== 'object') continue;
    if ('wildcard' in piece) found.push(piece);
    else for (const choice of piece.choices) wildcardsOf(choice, found);
  }
  return found;
}

/** Every combination of a sequence, in order (the first group varies slowest), wildcards still in place. */
function combinations(pieces: Piece[]): Piece[][] {
  let made: Piece[][] = [[]];
  for (const piece of pieces) {
    const options = typeof piece === 'object' && 'choices' in piece ? piece.choices.flatMap(combinations) : [[piece]];
    made = made.flatMap((start) => options.map((option) => [...start, ...option]));
  }
  return made;
}

/** A well-mixed index for the `occurrence`-th wildcard of a run with this seed (murmur3's finaliser). */
export function drawIndex(seed: number, occurrence: number, length: number): number {
  let h = (seed ^ Math.imul(occurrence + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % length;
}

const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

export type RunCount =
  | {
      ok: true;
      runs: number;
      combinations: number;
      /** The wildcard lists it draws from, by name. */
      wildcards: string[];
      /** True when the prompt uses combinations, wildcards or escapes. */
      templated: boolean;
    }
  | { ok: false; problem: string };

function check(template: string, lists: WildcardLists, imagesPerRun: number): RunCount & { pieces?: Piece[] } {
  let pieces: Piece[];
  try {
    pieces = parse(template);
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, problem: error.message };
    throw error;
  }
  const wildcards = [...new Set(wildcardsOf(pieces).map((found) => found.wildcard))];
  const unknown = wildcards.filter((name) => !lists.get(name)?.length);
  if (unknown.length) {
    const names = unknown.map((name) => `“${name}”`);
    const named = names.length === 1 ? `is no wildcard list named ${names[0]}` : `are no wildcard lists named ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    return { ok: false, problem: `There ${named}. Add ${names.length === 1 ? 'it' : 'them'} in Settings, under Wildcard lists, or write \\__${unknown[0]}__ to keep the words as they are.` };
  }
  const count = countOf(pieces);
  const runs = Math.min(Number.MAX_SAFE_INTEGER, count * imagesPerRun);
  if (runs > MAX_RUNS) {
    const made = imagesPerRun > 1 ? ` (${plural(count, 'combination')} × ${plural(imagesPerRun, 'image')} per run)` : '';
    const shown = runs > 1_000_000 ? 'over a million' : runs.toLocaleString('en');
    return { ok: false, problem: `This prompt makes ${shown} runs${made}; at most ${MAX_RUNS} can go at once. Remove some choices${imagesPerRun > 1 ? ' or lower Images per run' : ''}.` };
  }
  const templated = pieces.length !== 1 || pieces[0] !== template;
  return { ok: true, runs, combinations: count, wildcards, templated, pieces };
}

/** How many runs `template` makes with `imagesPerRun` images each, or why it cannot be sent. */
export function countRuns(template: string, lists: WildcardLists, imagesPerRun = 1): RunCount {
  const { pieces: _pieces, ...count } = check(template, lists, imagesPerRun);
  return count;
}

export type PlannedPrompt = { prompt: string; seed: number };

/**
 * The runs `template` makes: every combination once per seed, combination by combination, each
 * wildcard drawn from its list by the run's seed. Every combination gets the same seeds, so they
 * differ only by their words.
 */
export function planRuns(template: string, lists: WildcardLists, seeds: readonly number[]): { ok: true; runs: PlannedPrompt[] } | { ok: false; problem: string } {
  const checked = check(template, lists, seeds.length);
  if (!checked.ok) return checked;
  if (!checked.templated) return { ok: true, runs: seeds.map((seed) => ({ prompt: template, seed })) };
  const runs: PlannedPrompt[] = [];
  for (const combination of combinations(checked.pieces!)) {
    for (const seed of seeds) {
      let occurrence = 0;
      const words = combination.map((piece) => {
        if (typeof piece === 'string') return piece;
        const list = lists.get((piece as { wildcard: string }).wildcard)!;
        return list[drawIndex(seed, occurrence++, list.length)];
      });
      const prompt = words.join('').replace(/ {2,}/g, ' ').trim();
      if (!prompt) return { ok: false, problem: 'One of the combinations comes out empty: give every choice some words.' };
      if (prompt.length > MAX_PROMPT_LENGTH) return { ok: false, problem: `One of the combinations is longer than ${MAX_PROMPT_LENGTH.toLocaleString('en')} characters.` };
      runs.push({ prompt, seed });
    }
  }
  return { ok: true, runs };
}
