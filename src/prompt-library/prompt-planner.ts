/** Prompt templates against the creator's wildcard lists as they stand: how many runs, and which. */
import { countRuns, planRuns, type RunCount } from '../lib/prompt-combinations';
import { listsByName, readWildcardLists } from './wildcard-lists';

const currentLists = () => listsByName(readWildcardLists());

export const countPromptRuns = (template: string, imagesPerRun: number): RunCount => countRuns(template, currentLists(), imagesPerRun);

export const planPromptRuns = (template: string, seeds: readonly number[]) => planRuns(template, currentLists(), seeds);
