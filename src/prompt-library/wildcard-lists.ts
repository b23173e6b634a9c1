/**
 * The creator's wildcard lists: named lists that `__name__` in a prompt draws from, kept in
 * localStorage (read afresh, so a change made in another tab counts). Stored lists are untrusted
 * on the way back in: each is checked against the same rules and caps as the Settings editor,
 * and what breaks them is dropped.
 */
import type { WildcardLists } from '../lib/prompt-combinations';
import { STORAGE_KEYS } from '../lib/storage-keys';

export interface WildcardList {
  name: string;
  entries: string[];
}

export const WILDCARD_LIMITS = { lists: 50, entries: 500, entryChars: 300, nameChars: 40, totalChars: 200_000 } as const;

/** Letters, digits, and single `-` or `_` between them: what `__name__` in a prompt can spell. */
const NAME = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

const sizeOf = (list: WildcardList) => list.name.length + list.entries.reduce((sum, entry) => sum + entry.length, 0);

/** Checks a list as the creator typed it: a name and one entry per line (blank lines are skipped). */
export function parseWildcardList(rawName: string, text: string): { list: WildcardList } | { problem: string } {
  const name = rawName.trim().toLowerCase();
  if (!name) return { problem: 'Give the list a name: it is what you write between double underscores, as in __colour__.' };
  if (name.length > WILDCARD_LIMITS.nameChars) return { problem: `The name is too long: at most ${WILDCARD_LIMITS.nameChars} characters.` };
  if (!NAME.test(name)) return { problem: `“${name.slice(0, WILDCARD_LIMITS.nameChars)}” cannot be a list name: use letters and digits, with single - or _ between them.` };
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const long = lines.findIndex((line) => line.length > WILDCARD_LIMITS.entryChars);
  if (long >= 0) return { problem: `Line ${long + 1} is too long: an entry holds at most ${WILDCARD_LIMITS.entryChars} characters.` };
  const entries = lines.filter(Boolean);
  if (entries.length === 0) return { problem: 'Write at least one entry, one per line.' };
  if (entries.length > WILDCARD_LIMITS.entries) return { problem: `The list has ${entries.length.toLocaleString('en')} entries; a list holds at most ${WILDCARD_LIMITS.entries}.` };
  return { list: { name, entries } };
}

/** The lists with `list` saved in place of `replacing` (or added), or why that cannot be kept. */
export function withList(lists: readonly WildcardList[], list: WildcardList, replacing?: string): { lists: WildcardList[] } | { problem: string } {
  if (list.name !== replacing && lists.some((other) => other.name === list.name)) return { problem: `There is already a list named “${list.name}”.` };
  const index = replacing === undefined ? -1 : lists.findIndex((other) => other.name === replacing);
  const next = index >= 0 ? lists.with(index, list) : [...lists, list];
  if (next.length > WILDCARD_LIMITS.lists) return { problem: `You can keep at most ${WILDCARD_LIMITS.lists} wildcard lists.` };
  if (next.reduce((sum, other) => sum + sizeOf(other), 0) > WILDCARD_LIMITS.totalChars) {
    return { problem: `All lists together may hold at most ${WILDCARD_LIMITS.totalChars.toLocaleString('en')} characters; shorten this one or remove another.` };
  }
  return { lists: next };
}

/** Rebuilds stored lists: a list that breaks a rule is dropped, and reading stops at the caps. */
export function restoreWildcardLists(saved: unknown): WildcardList[] {
  let lists: WildcardList[] = [];
  for (const raw of Array.isArray(saved) ? saved.slice(0, WILDCARD_LIMITS.lists) : []) {
    const { name, entries } = (raw ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string')) continue;
    const parsed = parseWildcardList(name, entries.join('\n'));
    if (!('list' in parsed) || parsed.list.name !== name) continue;
    const added = withList(lists, parsed.list);
    if ('lists' in added) lists = added.lists;
  }
  return lists;
}

/** The lists by name, as prompt expansion reads them. */
export const listsByName = (lists: readonly WildcardList[]): WildcardLists => new Map(lists.map((list) => [list.name, list.entries]));

let lastRead: { raw: string | null; lists: WildcardList[] } | undefined;

/** The stored lists, rebuilt; parsed again only when the stored text changed. */
export function readWildcardLists(): WildcardList[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STORAGE_KEYS.wildcardLists);
  } catch {
    // Storage blocked: there are no lists to draw from.
  }
  if (lastRead?.raw !== raw) {
    let saved: unknown;
    try {
      saved = raw === null ? [] : JSON.parse(raw);
    } catch {
      saved = [];
    }
    lastRead = { raw, lists: restoreWildcardLists(saved) };
  }
  return lastRead.lists;
}

/** Stores the lists; throws with a plain message when the browser refuses. */
export function saveWildcardLists(lists: readonly WildcardList[]): void {
  try {
    localStorage.setItem(STORAGE_KEYS.wildcardLists, JSON.stringify(lists));
  } catch {
    throw new Error('The lists could not be saved: this browser refused the studio its storage, or it is full.');
  }
}
