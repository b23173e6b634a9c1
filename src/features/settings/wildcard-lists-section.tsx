/** Settings for wildcards: the named lists that `__name__` in a prompt draws from, made, edited and deleted here. */
import { type FormEvent, useCallback, useState } from 'react';
import { Button, buttonClass } from '../../components/button';
import { Toast } from '../../components/toast';
import { parseWildcardList, readWildcardLists, saveWildcardLists, WILDCARD_LIMITS, type WildcardList, withList } from '../../prompt-library/wildcard-lists';

type Draft = { name: string; text: string; replacing?: string };

const field = 'w-full rounded-md border border-line bg-canvas px-3 text-sm aria-invalid:border-danger';

interface ListEditorProps {
  draft: Draft;
  lists: readonly WildcardList[];
  /** Keeps the new lists, or throws with why they could not be kept. */
  onSave(lists: WildcardList[]): void;
  onDone(): void;
}

function ListEditor({ draft, lists, onSave, onDone }: ListEditorProps) {
  const [name, setName] = useState(draft.name);
  const [text, setText] = useState(draft.text);
  const [problem, setProblem] = useState<string>();

  function save(event: FormEvent) {
    event.preventDefault();
    const parsed = parseWildcardList(name, text);
    const saved = 'list' in parsed ? withList(lists, parsed.list, draft.replacing) : parsed;
    if ('problem' in saved) return setProblem(saved.problem);
    try {
      onSave(saved.lists);
      onDone();
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  return (
    <form aria-label={draft.replacing ? `Edit the list ${draft.replacing}` : 'New wildcard list'} onSubmit={save} noValidate className="mt-3 flex flex-col gap-3 rounded-lg border border-accent/50 bg-panel p-3">
      <div>
        <label htmlFor="wildcard-name" className="block text-sm font-medium">
          Name
        </label>
        <div className="mt-1 flex items-center gap-1 font-mono text-sm text-muted">
          __
          <input
            id="wildcard-name"
            value={name}
            maxLength={WILDCARD_LIMITS.nameChars}
            autoComplete="off"
            spellCheck={false}
            placeholder="colour"
            aria-invalid={Boolean(problem)}
            aria-describedby="wildcard-name-hint"
            onChange={(event) => setName(event.target.value)}
            className={`${field} min-h-11 font-sans text-fg`}
          />
          __
        </div>
        <p id="wildcard-name-hint" className="mt-1 text-xs text-muted">
          Letters and digits, with single - or _ between them. Names ignore case.
        </p>
      </div>
      <div>
        <label htmlFor="wildcard-entries" className="block text-sm font-medium">
          Entries, one per line
        </label>
        <textarea
          id="wildcard-entries"
          rows={6}
          value={text}
          placeholder={'red\nteal\nburnt orange'}
          aria-invalid={Boolean(problem)}
          aria-describedby="wildcard-entries-hint"
          onChange={(event) => setText(event.target.value)}
          className={`${field} mt-1 py-2 leading-relaxed`}
        />
        <p id="wildcard-entries-hint" className="mt-1 text-xs text-muted">
          Up to {WILDCARD_LIMITS.entries} entries of {WILDCARD_LIMITS.entryChars} characters; blank lines are skipped. Entries are used as written: braces and
          underscores in them are plain text.
        </p>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-danger">
          {problem}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass('primary')}>
          Save list
        </button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

export function WildcardListsSection() {
  const [lists, setLists] = useState(readWildcardLists);
  const [draft, setDraft] = useState<Draft>();
  const [removed, setRemoved] = useState<{ list: WildcardList; index: number }>();
  const [problem, setProblem] = useState<string>();
  const closeNotice = useCallback(() => setRemoved(undefined), []);

  function keep(next: WildcardList[]) {
    saveWildcardLists(next);
    setLists(next);
    setProblem(undefined);
  }

  /** Removing or restoring a list: a refusal is said beside the lists. */
  function change(next: WildcardList[]): boolean {
    try {
      keep(next);
      return true;
    } catch (error) {
      setProblem((error as Error).message);
      return false;
    }
  }

  function remove(index: number) {
    if (change(lists.toSpliced(index, 1))) setRemoved({ list: lists[index], index });
  }

  function undo() {
    if (removed && !lists.some((list) => list.name === removed.list.name)) change(lists.toSpliced(removed.index, 0, removed.list));
    setRemoved(undefined);
  }

  return (
    <section aria-labelledby="wildcards-title" className="mt-8">
      <h2 id="wildcards-title" className="text-base font-semibold">
        Wildcard lists
      </h2>
      <p className="mt-1 text-sm text-muted">
        Write <code className="rounded bg-raised px-1 text-fg">__name__</code> in a prompt to draw one entry from the list of that name. Each run draws by its
        seed, so the same seed draws the same entry.
      </p>
      {lists.length > 0 && (
        <ul aria-label="Your wildcard lists" className="mt-3 flex flex-col gap-2">
          {lists.map((list, index) => (
            <li key={list.name} className="flex items-center gap-3 rounded-lg border border-line bg-panel p-3">
              <div className="min-w-0 flex-1">
                <p className="font-mono text-sm">__{list.name}__</p>
                <p className="truncate text-xs text-muted">
                  {list.entries.length} {list.entries.length === 1 ? 'entry' : 'entries'}: {list.entries.slice(0, 8).join(', ')}
                </p>
              </div>
              <Button aria-label={`Edit ${list.name}`} onClick={() => setDraft({ name: list.name, text: list.entries.join('\n'), replacing: list.name })}>
                Edit
              </Button>
              <Button aria-label={`Delete ${list.name}`} className="text-danger" onClick={() => remove(index)}>
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {problem}
        </p>
      )}
      {draft ? (
        <ListEditor key={draft.replacing ?? ''} draft={draft} lists={lists} onSave={keep} onDone={() => setDraft(undefined)} />
      ) : (
        <Button className="mt-3" disabled={lists.length >= WILDCARD_LIMITS.lists} onClick={() => setDraft({ name: '', text: '' })}>
          New list
        </Button>
      )}
      {removed && <Toast message={`Deleted the list “${removed.list.name}”.`} onClose={closeNotice} action={{ label: 'Undo', run: undo }} />}
    </section>
  );
}
