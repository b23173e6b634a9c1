/**
 * The History button beside a prompt: opens the searchable list of earlier prompts, loaded on
 * first use. After a pick the focus goes to the prompt, once the list has closed (while it is
 * open the page behind it cannot take the focus).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { SentPrompt } from '../../prompt-library/prompt-history-entry';

const PromptHistoryDialog = lazy(() => import('./prompt-history-dialog'));

export default function PromptHistoryButton({ promptId, onPick }: { promptId: string; onPick(sent: SentPrompt): void }) {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState(0);
  useEffect(() => {
    if (picked) document.getElementById(promptId)?.focus();
  }, [picked, promptId]);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="inline-flex min-h-8 items-center gap-1 rounded-md px-2 text-xs font-medium text-muted hover:bg-raised hover:text-fg"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v2.2h2.2M8 5v3.2l2 1.3" />
        </svg>
        History
      </button>
      {open && (
        <Suspense fallback={null}>
          <PromptHistoryDialog
            onPick={(sent) => {
              setOpen(false);
              setPicked((count) => count + 1);
              onPick(sent);
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
