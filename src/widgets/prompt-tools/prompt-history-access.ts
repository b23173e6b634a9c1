/**
 * The prompt history as pages reach it: its module loads the first time a page reads or writes
 * it, so the first page carries none of it. Keeping a prompt is best effort: a browser that
 * refuses storage loses the history entry, never the run.
 */
import { STORAGE_KEYS } from '../../lib/storage-keys';
import type { PromptHistory } from '../../prompt-library/prompt-history';
import type { SentPrompt } from '../../prompt-library/prompt-history-entry';

let history: PromptHistory | undefined;

/** The studio's prompt history, its code loaded on first use. */
export const loadPromptHistory = async () => (history ??= (await import('../../prompt-library/prompt-history')).createPromptHistory(STORAGE_KEYS.promptHistoryDb));

/** Keeps a prompt that was just sent. */
export function rememberPrompt(sent: SentPrompt): void {
  void loadPromptHistory()
    .then((history) => history.remember(sent))
    .catch(() => undefined);
}
