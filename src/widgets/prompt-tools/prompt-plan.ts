/**
 * Prompt templates as forms send them. A prompt with no brace, backslash or double underscore is
 * plain: one run per seed, worked out here. Only a prompt that may be a template loads the
 * expansion code and the wildcard lists, so the first page carries neither.
 */
import type { PlannedPrompt } from '../../lib/prompt-combinations';

export const mayBeTemplate = (prompt: string) => /[{}\\]|__/.test(prompt);

/** The runs a prompt makes with these seeds (every combination once per seed), or why it cannot be sent. */
export async function planPrompt(template: string, seeds: readonly number[]): Promise<{ ok: true; runs: PlannedPrompt[] } | { ok: false; problem: string }> {
  if (!mayBeTemplate(template)) return { ok: true, runs: seeds.map((seed) => ({ prompt: template, seed })) };
  const planner = await import('../../prompt-library/prompt-planner').catch(() => undefined);
  if (!planner) return { ok: false, problem: 'This prompt could not be expanded: part of the studio failed to load. Reload the page and try again.' };
  return planner.planPromptRuns(template, seeds);
}
