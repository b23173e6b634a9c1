/**
 * Keyboard shortcuts: ? anywhere outside a text field opens their list, and so does this button
 * in the desktop navigation. The list loads the first time it opens.
 */
import { lazy, Suspense, useState } from 'react';
import { useKeyShortcut } from '../lib/use-key-shortcut';

const ShortcutsDialog = lazy(() => import('./shortcuts-dialog'));

export default function ShortcutsButton() {
  const [open, setOpen] = useState(false);
  const show = () => setOpen(true);
  useKeyShortcut('?', (event) => {
    event.preventDefault();
    show();
  });
  return (
    <>
      <button
        type="button"
        aria-keyshortcuts="?"
        onClick={show}
        className="hidden min-h-9 w-full items-center justify-center gap-1.5 rounded-lg text-[11px] font-medium text-muted hover:bg-raised/60 hover:text-fg lg:flex"
      >
        <kbd aria-hidden="true" className="rounded border border-line px-1 font-mono">
          ?
        </kbd>
        Shortcuts
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShortcutsDialog
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
