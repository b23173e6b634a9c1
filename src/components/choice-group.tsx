/** A row of radio buttons drawn as a segmented control; native radios keep arrow-key navigation. */
import type { ReactNode } from 'react';

interface ChoiceGroupProps<T extends string | number> {
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: T; label: ReactNode; title?: string }>;
  value: T;
  onChange(value: T): void;
  hideLegend?: boolean;
}

export function ChoiceGroup<T extends string | number>({ legend, name, options, value, onChange, hideLegend }: ChoiceGroupProps<T>) {
  return (
    <fieldset>
      <legend className={hideLegend ? 'sr-only' : 'mb-1.5 text-sm font-medium'}>{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((option) => (
          <label key={option.value} title={option.title} className="relative">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
              className="peer sr-only"
            />
            <span className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-md border border-line px-3 text-sm text-muted peer-checked:border-accent peer-checked:bg-accent/15 peer-checked:text-fg peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent hover:text-fg">
              {option.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
