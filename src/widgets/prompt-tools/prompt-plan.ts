/**
 * Prompt templates as forms use them. A prompt with no brace, backslash or double underscore is
 * plain: one run per image, worked out here. Only a prompt that may be a template loads the
 * expansion code and the wildcard lists, so the first page carries neither.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PlannedPrompt, RunCount } from '../../lib/prompt-combinations';

type Planner = typeof import('../../prompt-library/prompt-planner');

export const mayBeTemplate = (prompt: string) => /[{}\\]|__/.test(prompt);

let loaded: Planner | undefined;
const loadPlanner = async () => (loaded ??= await import('../../prompt-library/prompt-planner'));

/** The runs a prompt makes with these seeds (every combination once per seed), or why it cannot be sent. */
export async function planPrompt(template: string, seeds: readonly number[]): Promise<{ ok: true; runs: PlannedPrompt[] } | { ok: false; problem: string }> {
  if (!mayBeTemplate(template)) return { ok: true, runs: seeds.map((seed) => ({ prompt: template, seed })) };
  const planner = await loadPlanner().catch(() => undefined);
  if (!planner) return { ok: false, problem: 'This prompt could not be expanded: part of the studio failed to load. Reload the page and try again.' };
  return planner.planPromptRuns(template, seeds);
}

/** How many runs a prompt makes with `imagesPerRun` images each; undefined while the expansion code loads. */
export function useRunCount(template: string, imagesPerRun: number): RunCount | undefined {
  const [planner, setPlanner] = useState(loaded);
  const templated = mayBeTemplate(template);
  useEffect(() => {
    if (templated && !planner) loadPlanner().then(setPlanner, () => undefined);
  }, [templated, planner]);
  return useMemo(() => {
    if (!templated) return { ok: true, runs: imagesPerRun, combinations: 1, wildcards: [], templated: false };
    return planner?.countPromptRuns(template.trim(), imagesPerRun);
  }, [templated, planner, template, imagesPerRun]);
}
