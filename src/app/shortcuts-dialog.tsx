/** The list of every keyboard shortcut in the studio, opened with ? anywhere outside a text field. */
import { ModalDialog } from '../components/modal-dialog';

const GROUPS: ReadonlyArray<{ title: string; keys: ReadonlyArray<[string[], string]> }> = [
  { title: 'Everywhere', keys: [[['?'], 'Show these shortcuts']] },
  {
    title: 'Create, Transform and Animate',
    keys: [
      [['Ctrl', 'Enter'], 'Generate, Transform or Animate (⌘ Enter on a Mac)'],
      [['↑'], 'In an empty prompt: earlier prompts, newest first'],
      [['↓'], 'Back towards the newest, then to what you had'],
    ],
  },
  {
    title: 'Prompt history',
    keys: [
      [['↑', '↓'], 'Move between the search and the prompts'],
      [['Enter'], 'Use the prompt, with its negative prompt and style'],
      [['Esc'], 'Close'],
    ],
  },
  {
    title: 'Gallery',
    keys: [
      [['/'], 'Search prompts'],
      [['Shift', 'click'], 'In select mode: select every item from the last one clicked'],
    ],
  },
  {
    title: 'An open gallery item',
    keys: [
      [['←', '→'], 'Previous or next item'],
      [['F'], 'Favourite, or unfavourite'],
      [['D'], 'Download'],
      [['Delete'], 'Delete (Undo in the notice that follows)'],
      [['Esc'], 'Close'],
    ],
  },
];

export default function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose} className="max-h-[85vh] w-[min(34rem,95vw)] overflow-y-auto">
      <div className="px-4 pb-4">
        {GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title} className="mt-4">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">{group.title}</h3>
            <dl className="mt-1.5 divide-y divide-line/60">
              {group.keys.map(([keys, action]) => (
                <div key={action} className="flex items-center justify-between gap-4 py-1.5 text-sm">
                  <dt className="flex shrink-0 items-center gap-1">
                    {keys.map((key) => (
                      <kbd key={key} className="min-w-7 rounded border border-line bg-raised px-1.5 py-0.5 text-center font-mono text-xs">
                        {key}
                      </kbd>
                    ))}
                  </dt>
                  <dd className="text-right text-muted">{action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
