/**
 * One remembered prompt, and the history's rules: how a stored record is rebuilt (it is untrusted),
 * the two orders it is shown in, and which entries a full history lets go.
 */
import { MAX_PROMPT_LENGTH, STYLE_PRESETS, type StylePreset } from '../api/contract';
import { asRecord } from '../lib/form-fields';

/** What was sent: the prompt as typed (a template stays a template), its negative prompt and style. */
export interface SentPrompt {
  prompt: string;
  negativePrompt: string;
  stylePreset: StylePreset | '';
}

/** Just the sent fields of a history entry or a form, to fill a form with. */
export const sentPart = ({ prompt, negativePrompt, stylePreset }: SentPrompt): SentPrompt => ({ prompt, negativePrompt, stylePreset });

export interface PromptHistoryEntry extends SentPrompt {
  usedAt: number;
  pinned: boolean;
}

/** The newest unpinned prompts kept, the most pins, and the most records ever read at once. */
export const HISTORY_LIMITS = { kept: 500, pinned: 100, read: 1000 } as const;

const isText = (value: unknown, allowEmpty: boolean): value is string =>
  typeof value === 'string' && value.length <= MAX_PROMPT_LENGTH && (allowEmpty || value.trim().length > 0);

/** A stored record rebuilt field by field, or undefined when it is not one the studio writes. */
export function restoreHistoryEntry(raw: unknown): PromptHistoryEntry | undefined {
  const record = asRecord(raw);
  const { prompt, negativePrompt, stylePreset, usedAt } = record;
  if (!isText(prompt, false) || prompt !== prompt.trim() || !isText(negativePrompt, true)) return undefined;
  if (typeof usedAt !== 'number' || !Number.isFinite(usedAt) || usedAt < 0) return undefined;
  const style = (STYLE_PRESETS as readonly unknown[]).includes(stylePreset) ? (stylePreset as StylePreset) : '';
  return { prompt, negativePrompt, stylePreset: style, usedAt, pinned: record.pinned === true };
}

/** Newest first: the order the Up arrow walks. */
export const byRecency = (a: PromptHistoryEntry, b: PromptHistoryEntry) => b.usedAt - a.usedAt;

/** Pinned first, then newest first: the order of the History list. */
export const pinnedFirst = (a: PromptHistoryEntry, b: PromptHistoryEntry) => Number(b.pinned) - Number(a.pinned) || byRecency(a, b);

/** The prompts a history lets go: unpinned ones older than the newest `HISTORY_LIMITS.kept`. Pins are never let go. */
export function promptsToPrune(entries: readonly PromptHistoryEntry[]): string[] {
  return entries
    .filter((entry) => !entry.pinned)
    .sort(byRecency)
    .slice(HISTORY_LIMITS.kept)
    .map((entry) => entry.prompt);
}
