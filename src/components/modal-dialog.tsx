/** A modal dialog on the browser's own <dialog>: focus kept inside, Escape closes, the page behind inert. */
import { type ReactNode, useEffect, useRef } from 'react';

interface ModalDialogProps {
  labelledBy: string;
  onClose(): void;
  className?: string;
  children: ReactNode;
}

export function ModalDialog({ labelledBy, onClose, className = '', children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto rounded-xl border border-line bg-panel text-fg backdrop:bg-black/70 ${className}`}
    >
      {children}
    </dialog>
  );
}
