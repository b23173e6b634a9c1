/** Seed: random for each generation by default; lock it to repeat a result, or roll a new one. */
import { lazy, Suspense } from 'react';
import { MAX_SEED } from '../api/contract';
import type { SeedValue } from '../lib/form-fields';
import { randomSeed } from '../lib/random-seed';

/** Copying is a second thought: the button arrives after the form. */
const CopyButton = lazy(() => import('./copy-button').then((module) => ({ default: module.CopyButton })));

const buttonClass = 'min-h-11 rounded-md border border-line px-3 text-sm text-muted hover:text-fg aria-pressed:border-accent aria-pressed:text-fg';

export function SeedField({ value, onChange }: { value: SeedValue; onChange(value: SeedValue): void }) {
  const invalid = !Number.isInteger(value.seed) || value.seed < 1 || value.seed > MAX_SEED;
  return (
    <div>
      <label htmlFor="seed" className="mb-1.5 block text-sm font-medium">
        Seed
      </label>
      <div className="flex flex-wrap gap-1.5">
        <input
          id="seed"
          inputMode="numeric"
          value={Number.isNaN(value.seed) ? '' : value.seed}
          onChange={(event) => {
            const digits = event.target.value.replace(/\D/g, '').slice(0, 10);
            onChange({ seed: digits ? Number(digits) : Number.NaN, locked: true });
          }}
          aria-invalid={invalid}
          aria-describedby="seed-help"
          className="min-h-11 w-36 rounded-md border border-line bg-canvas px-3 text-sm tabular-nums aria-invalid:border-danger"
        />
        <button type="button" aria-pressed={value.locked} className={buttonClass} onClick={() => onChange({ ...value, locked: !value.locked })}>
          {value.locked ? 'Seed locked' : 'Lock seed'}
        </button>
        <button type="button" className={buttonClass} onClick={() => onChange({ seed: randomSeed(), locked: value.locked })}>
          New seed
        </button>
        <Suspense fallback={null}>
          <CopyButton text={String(value.seed)} label="Copy seed" className={buttonClass} />
        </Suspense>
      </div>
      <p id="seed-help" className={`mt-1 text-xs ${invalid ? 'text-danger' : 'text-muted'}`}>
        {invalid
          ? `Enter a whole number from 1 to ${MAX_SEED.toLocaleString('en')}.`
          : value.locked
            ? 'Locked: the same prompt and seed give the same picture.'
            : 'A new random seed is used for each picture.'}
      </p>
    </div>
  );
}
