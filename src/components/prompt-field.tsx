/** The prompt: the largest control, growing with its text, with a character count, optional tools beside its label and a hint below. */
import { type KeyboardEvent, type ReactNode, useLayoutEffect, useRef } from 'react';
import { MAX_PROMPT_LENGTH } from '../api/contract';

interface PromptFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onKeyDown?(event: KeyboardEvent<HTMLTextAreaElement>): void;
  placeholder?: string;
  error?: string;
  rows?: number;
  /** Controls beside the label, such as a History button. */
  tools?: ReactNode;
  /** A line under the field, read with it; an error takes its place. */
  hint?: ReactNode;
}

export function PromptField({ id, label, value, onChange, onKeyDown, placeholder, error, rows = 4, tools, hint }: PromptFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight + 2, 320)}px`;
  }, [value]);
  const over = value.length > MAX_PROMPT_LENGTH;
  const below = error ? `${id}-error` : hint ? `${id}-hint` : '';
  return (
    <div>
      {/* Room for the tools from the start, so the field does not move down when they arrive. */}
      <div className={`mb-1.5 flex items-center gap-2 ${tools ? 'min-h-8' : ''}`}>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <span className="ml-auto">{tools}</span>
        <span id={`${id}-count`} className={`text-xs tabular-nums ${over ? 'text-danger' : 'text-muted'}`}>
          {value.length.toLocaleString('en')} / {MAX_PROMPT_LENGTH.toLocaleString('en')}
        </span>
      </div>
      <textarea
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={Boolean(error) || over}
        aria-describedby={`${id}-count${below ? ` ${below}` : ''}`}
        className="block w-full resize-none rounded-md border border-line bg-canvas p-3 text-sm leading-relaxed aria-invalid:border-danger"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-danger">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="mt-1.5 text-xs leading-relaxed text-muted">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
