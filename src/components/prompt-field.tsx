/** The prompt: the largest control, growing with its text, with a character count. */
import { useLayoutEffect, useRef } from 'react';
import { MAX_PROMPT_LENGTH } from '../api/contract';

interface PromptFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  error?: string;
  rows?: number;
}

export function PromptField({ id, label, value, onChange, placeholder, error, rows = 4 }: PromptFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight + 2, 320)}px`;
  }, [value]);
  const over = value.length > MAX_PROMPT_LENGTH;
  return (
    <div>
      <div className="mb-1.5 flex items-baseline justify-between">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
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
        aria-invalid={Boolean(error) || over}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}
        className="block w-full resize-none rounded-md border border-line bg-canvas p-3 text-sm leading-relaxed aria-invalid:border-danger"
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
