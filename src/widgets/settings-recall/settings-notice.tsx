/**
 * The notice for settings found in a picture: which tool wrote them, the prompt, what did not
 * fit and what was chosen instead, and "Use its settings". Everything in it came from a file, so
 * it is shown only as text, cut to length. A live status, never an alert: focus stays put.
 */
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { buttonClass } from '../../components/button';
import type { PictureSettings, PictureSettingsRefusal } from '../../picture-metadata/picture-settings-result';
import { shortened, settingsSummary } from './notice-text';
import type { RecallLink } from './recall-link';

const MAX_NOTES = 6;

/** `aside` is the page's own word on what it did with the file; `action` goes before Dismiss. */
function Frame({ children, aside, action, onDismiss }: { children: ReactNode; aside?: string; action?: ReactNode; onDismiss(): void }) {
  return (
    <div role="status" aria-label="Settings in the picture" className="flex flex-col gap-2 rounded-lg border border-accent/50 bg-raised/60 p-3 text-sm">
      {children}
      {aside && <p className="text-xs text-muted">{aside}</p>}
      <div className="flex flex-wrap items-center gap-2">
        {action}
        <button type="button" className={buttonClass('secondary')} onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** A file's name, made short enough to quote. */
const quoted = (name: string) => `“${shortened(name, 60)}”`;

export function RefusalNotice({ fileName, refusal, aside, onDismiss }: { fileName: string; refusal: PictureSettingsRefusal; aside?: string; onDismiss(): void }) {
  return (
    <Frame aside={aside} onDismiss={onDismiss}>
      <p className="[overflow-wrap:anywhere]">
        {quoted(fileName)}: {shortened(refusal.message, 240)}
      </p>
    </Frame>
  );
}

interface SettingsNoticeProps {
  fileName: string;
  settings: PictureSettings;
  /** Fills the page's form; absent when this page has no use for these settings. */
  onUse?(): void;
  /** Where they can be used instead, when this page cannot. */
  elsewhere?: RecallLink;
  used: boolean;
  aside?: string;
  onDismiss(): void;
}

export function SettingsNotice({ fileName, settings, onUse, elsewhere, used, aside, onDismiss }: SettingsNoticeProps) {
  const { prompt, negativePrompt } = settings.found;
  const summary = settingsSummary(settings);
  const notes = settings.notes.slice(0, MAX_NOTES);
  const moreNotes = settings.notes.length - notes.length;
  const action = onUse && (
    <button type="button" className={buttonClass('primary')} onClick={onUse}>
      Use its settings
    </button>
  );
  return (
    <Frame aside={aside} action={action} onDismiss={onDismiss}>
      <p className="font-medium [overflow-wrap:anywhere]">
        {quoted(fileName)} carries settings from {settings.sourceName}.
      </p>
      {prompt && (
        <p className="[overflow-wrap:anywhere]">
          <span className="text-muted">Prompt: </span>
          {shortened(prompt, 280)}
        </p>
      )}
      {negativePrompt && (
        <p className="[overflow-wrap:anywhere]">
          <span className="text-muted">Negative prompt: </span>
          {shortened(negativePrompt, 160)}
        </p>
      )}
      {summary && <p className="text-muted">{summary}</p>}
      {notes.length > 0 && (
        <ul className="list-disc pl-4 text-xs text-muted [overflow-wrap:anywhere]">
          {notes.map((note, i) => (
            <li key={i}>{shortened(note, 240)}</li>
          ))}
          {moreNotes > 0 && <li>And {moreNotes} more.</li>}
        </ul>
      )}
      {used && <p className="font-medium">The form now holds these settings.</p>}
      {!onUse && elsewhere && (
        <p>
          This page has no use for them.{' '}
          <Link href={elsewhere.href} className="font-medium text-accent underline">
            Open them in {elsewhere.page}
          </Link>
        </p>
      )}
    </Frame>
  );
}
