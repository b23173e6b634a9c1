/** A labelled slider that shows its value, marks its default with a tick, and explains itself in a line. */
import { ControlNote } from './control-note';

interface SliderFieldProps {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  defaultValue: number;
  /** One plain sentence on what moving it does. */
  hint: string;
  format?(value: number): string;
  onChange(value: number): void;
  /** Why the model in use takes no such value: shown in place of the slider. */
  unavailable?: string;
}

export function SliderField({ id, label, value, min, max, step, defaultValue, hint, format = String, onChange, unavailable }: SliderFieldProps) {
  if (unavailable) return <ControlNote label={label} text={unavailable} />;
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <output htmlFor={id} className="text-sm tabular-nums">
          {format(value)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        // A value between steps (a recalled strength of 0.87) is what is sent: say it, not the step the thumb sits on.
        aria-valuetext={format(value)}
        list={`${id}-default`}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(Number(event.target.value))}
        className="min-h-11 w-full accent-accent"
      />
      <datalist id={`${id}-default`}>
        <option value={defaultValue} label={`Default ${format(defaultValue)}`} />
      </datalist>
      <p id={`${id}-hint`} className="text-xs text-muted">
        {hint} <span className="whitespace-nowrap">Default {format(defaultValue)}.</span>
      </p>
    </div>
  );
}
