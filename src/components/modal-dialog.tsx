/**
 * A modal dialog on the browser's own <dialog>, with its title and a Close button: focus kept
 * inside, Escape closes, the page behind inert, and on closing the focus goes back to where it was.
 */
import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { Button } from './button';

interface ModalDialogProps {
  title: string;
  onClose(): void;
  className?: string;
  children: ReactNode;
}

export function ModalDialog({ title, onClose, className = '', children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
    // Closed while still in the page, the browser hands the focus back to what had it before.
    return () => element.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto rounded-xl border border-line bg-panel p-0 text-fg backdrop:bg-black/70 ${className}`}
    >
      <div className="flex items-center justify-between gap-2 border-b border-line px-4 py-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <Button onClick={onClose}>Close</Button>
      </div>
      {children}
    </dialog>
  );
}
