/** A short notice at the bottom of the screen, read out politely, with an optional action. */
import { useEffect } from 'react';

interface ToastProps {
  message: string;
  action?: { label: string; run(): void };
  onClose(): void;
  durationMs?: number;
}

export function Toast({ message, action, onClose, durationMs = 10_000 }: ToastProps) {
  useEffect(() => {
    const timer = setTimeout(onClose, durationMs);
    return () => clearTimeout(timer);
  }, [onClose, durationMs, message]);
  return (
    <div role="status" className="fixed inset-x-4 bottom-20 z-50 mx-auto flex max-w-md items-center gap-3 rounded-lg border border-line bg-raised px-4 py-3 text-sm shadow-lg lg:bottom-6">
      <span className="flex-1">{message}</span>
      {action && (
        <button type="button" className="min-h-9 rounded-md px-3 font-semibold text-accent hover:bg-panel" onClick={action.run}>
          {action.label}
        </button>
      )}
      <button type="button" aria-label="Dismiss" className="min-h-9 min-w-9 rounded-md text-muted hover:text-fg" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
