/**
 * The Up arrow in an empty prompt box recalls the prompts sent before, newest first, each with its
 * negative prompt and style; Down walks back, and past the newest restores what the form held.
 * Editing a recalled prompt ends the walk, so the arrows move the caret again.
 */
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { SentPrompt } from '../../prompt-library/prompt-history-entry';
import { loadPromptHistory } from './prompt-history-access';

interface Walk {
  entries: SentPrompt[];
  index: number;
  /** What the form held before the walk began. */
  before: SentPrompt;
}

export function usePromptRecall(current: SentPrompt, recall: (sent: SentPrompt) => void) {
  const walk = useRef<Walk>(undefined);
  const latest = useRef(current);
  const loading = useRef(false);
  useEffect(() => {
    latest.current = current;
  });

  function show(next: Walk) {
    walk.current = next;
    recall(next.entries[next.index]);
  }

  async function begin() {
    loading.current = true;
    const entries = await loadPromptHistory()
      .then((history) => history.recent())
      .catch(() => []);
    loading.current = false;
    // The creator may have typed while the history loaded: their words win.
    if (entries.length === 0 || latest.current.prompt !== '') return;
    const { prompt, negativePrompt, stylePreset } = latest.current;
    show({ entries, index: 0, before: { prompt, negativePrompt, stylePreset } });
  }

  return function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const up = event.key === 'ArrowUp';
    if ((!up && event.key !== 'ArrowDown') || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    const state = walk.current;
    if (state && current.prompt !== state.entries[state.index].prompt) walk.current = undefined;
    if (!walk.current) {
      if (!up || current.prompt !== '') return;
      event.preventDefault();
      if (!loading.current) void begin();
      return;
    }
    event.preventDefault();
    const { index, entries, before } = walk.current;
    if (up) show({ ...walk.current, index: Math.min(index + 1, entries.length - 1) });
    else if (index > 0) show({ ...walk.current, index: index - 1 });
    else {
      walk.current = undefined;
      recall(before);
    }
  };
}
