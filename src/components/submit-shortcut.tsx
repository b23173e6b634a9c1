/** Ctrl+Enter (⌘+Enter on a Mac) sends a page's form: the test for it and the hint on its button. */
import type { KeyboardEvent } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** For the button's aria-keyshortcuts, so assistive technology can announce it. */
export const SUBMIT_KEYS = isMac ? 'Meta+Enter' : 'Control+Enter';

export const isSubmitShortcut = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

/** The keys, drawn on the button on screens wide enough to have a keyboard. */
export function SubmitShortcutHint() {
  return (
    <kbd aria-hidden="true" className="hidden rounded border border-accent-fg/30 px-1.5 py-0.5 text-[11px] font-normal sm:inline">
      {isMac ? '⌘' : 'Ctrl'}+Enter
    </kbd>
  );
}
