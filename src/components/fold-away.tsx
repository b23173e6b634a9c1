/** Options that fold away and remember whether they were open. */
import type { ReactNode } from 'react';

export function FoldAway({ open, onToggle, summary = 'More options', children }: { open: boolean; onToggle(open: boolean): void; summary?: string; children: ReactNode }) {
  return (
    <details open={open} onToggle={(event) => onToggle(event.currentTarget.open)} className="rounded-lg border border-line p-3">
      <summary className="cursor-pointer text-sm font-medium">{summary}</summary>
      <div className="mt-4 flex flex-col gap-5">{children}</div>
    </details>
  );
}
