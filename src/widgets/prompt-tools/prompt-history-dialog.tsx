/**
 * The prompt history as a searchable list: pinned prompts first, then the newest. Type to search;
 * the arrow keys move from the search box through the list, Enter uses a prompt, Escape closes.
 * Using one fills the prompt, its negative prompt and its style.
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { STYLE_LABELS } from '../../components/style-picker';
import { type PromptHistoryEntry, type SentPrompt, sentPart } from '../../prompt-library/prompt-history-entry';
import { loadPromptHistory } from './prompt-history-access';

function matching(entries: readonly PromptHistoryEntry[], query: string): PromptHistoryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = `${entry.prompt}\n${entry.negativePrompt}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

function details(entry: PromptHistoryEntry): string {
  const parts = [entry.stylePreset ? STYLE_LABELS[entry.stylePreset] : 'No style'];
  if (entry.negativePrompt) parts.push(`not: ${entry.negativePrompt.slice(0, 80)}`);
  parts.push(new Date(entry.usedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  return parts.join(' · ');
}

export default function PromptHistoryDialog({ onPick, onClose }: { onPick(sent: SentPrompt): void; onClose(): void }) {
  const [entries, setEntries] = useState<PromptHistoryEntry[]>();
  const [problem, setProblem] = useState<string>();
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useMemo(() => matching(entries ?? [], query), [entries, query]);

  // After the dialog opens (its effect runs first), the search box takes the focus.
  useEffect(() => search.current?.focus(), []);

  useEffect(() => {
    let live = true;
    loadPromptHistory()
      .then((history) => history.read())
      .then(
        (read) => live && setEntries(read),
        () => live && setProblem('The prompt history could not be read: this browser refused the studio its storage.'),
      );
    return () => {
      live = false;
    };
  }, []);

  async function togglePin(entry: PromptHistoryEntry) {
    setProblem(undefined);
    try {
      const history = await loadPromptHistory();
      await history.setPinned(entry.prompt, !entry.pinned);
      setEntries(await history.read());
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  const pick = (entry: PromptHistoryEntry) => onPick(sentPart(entry));

  /** Arrow keys, Home and End move between the search box and the prompts. */
  function move(event: KeyboardEvent, from: number) {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('[data-entry]') ?? [])];
    const to = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined || (from === -1 && (event.key === 'Home' || event.key === 'End'))) return;
    event.preventDefault();
    if (to < 0) search.current?.focus();
    else buttons[Math.min(to, buttons.length - 1)]?.focus();
  }

  return (
    <ModalDialog title="Prompt history" onClose={onClose} className="max-h-[85vh] w-[min(40rem,95vw)] flex-col open:flex">
      <div className="flex flex-col gap-2 p-4 pb-2">
        <label htmlFor="history-search" className="sr-only">
          Search history
        </label>
        <input
          ref={search}
          id="history-search"
          type="search"
          value={query}
          placeholder="Search your prompts"
          aria-describedby="history-count"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && shown[0]) {
              event.preventDefault();
              pick(shown[0]);
            } else move(event, -1);
          }}
          className="min-h-11 w-full rounded-md border border-line bg-canvas px-3 text-sm"
        />
        <p id="history-count" role="status" className="text-xs text-muted">
          {entries === undefined
            ? 'Loading…'
            : `${shown.length.toLocaleString('en')} of ${entries.length.toLocaleString('en')} prompts. Pinned ones come first and are always kept; the newest 500 others are kept.`}
        </p>
        {problem && (
          <p role="alert" className="text-sm text-danger">
            {problem}
          </p>
        )}
      </div>
      <ul ref={list} aria-label="Earlier prompts" className="flex min-h-0 flex-1 flex-col gap-1.5 overflow-y-auto px-4 pb-4">
        {entries?.length === 0 && <li className="p-3 text-sm text-muted">No prompts yet. Every prompt you send from Create or Transform is kept here.</li>}
        {entries && entries.length > 0 && shown.length === 0 && <li className="p-3 text-sm text-muted">No prompt matches “{query}”.</li>}
        {shown.map((entry, index) => (
          <li key={entry.prompt} className={`flex items-start gap-1 rounded-lg border bg-canvas ${entry.pinned ? 'border-accent/60' : 'border-line'}`}>
            <button
              type="button"
              data-entry
              aria-labelledby={`history-prompt-${index}`}
              aria-describedby={`history-details-${index}`}
              onClick={() => pick(entry)}
              onKeyDown={(event) => move(event, index)}
              className="min-w-0 flex-1 rounded-lg p-3 text-left hover:bg-raised/60 focus-visible:outline-offset-[-2px]"
            >
              <span id={`history-prompt-${index}`} className="line-clamp-3 whitespace-pre-wrap break-words text-sm">
                {entry.prompt}
              </span>
              <span id={`history-details-${index}`} className="mt-1 block truncate text-xs text-muted">
                {details(entry)}
              </span>
            </button>
            <button
              type="button"
              aria-label={entry.pinned ? 'Unpin' : 'Pin'}
              title={entry.pinned ? 'Unpin: it may be let go when the history is full' : 'Pin: keep it first, always'}
              onClick={() => void togglePin(entry)}
              className={`m-1.5 inline-flex min-h-9 min-w-9 shrink-0 items-center justify-center rounded-md text-xs font-medium hover:bg-raised ${entry.pinned ? 'text-accent' : 'text-muted'}`}
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill={entry.pinned ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round">
                <path d="M6 1.8h4l-.6 4.1 2.6 2.4v1.2H4v-1.2l2.6-2.4L6 1.8ZM8 9.5v4.7" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}
