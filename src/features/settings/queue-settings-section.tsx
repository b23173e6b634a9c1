/** Settings for the run queue: how many runs go at once to each kind of backend, and notifications. */
import { useState } from 'react';
import { MAX_CONCURRENCY, MIN_CONCURRENCY, useQueueSettings } from '../../run-queue/queue-settings';

function ConcurrencyField({ id, label, hint, value, onChange }: { id: string; label: string; hint: string; value: number; onChange(value: number): void }) {
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="number"
        min={MIN_CONCURRENCY}
        max={MAX_CONCURRENCY}
        step={1}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(Number(event.target.value))}
        className="mt-1 min-h-11 w-24 rounded-md border border-line bg-canvas px-3 text-sm"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
        {hint}
      </p>
    </div>
  );
}

export function QueueSettingsSection() {
  const { localConcurrency, hostedConcurrency, notify, update } = useQueueSettings();
  const [notifyProblem, setNotifyProblem] = useState<string>();

  async function toggleNotify(on: boolean) {
    setNotifyProblem(undefined);
    if (!on) return update({ notify: false });
    if (typeof Notification !== 'function') return setNotifyProblem('This browser cannot show notifications.');
    const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    if (permission !== 'granted') return setNotifyProblem('The browser did not allow notifications for this site. Allow them in its site settings, then try again.');
    update({ notify: true });
  }

  return (
    <fieldset className="mt-8">
      <legend className="text-base font-semibold">Queue</legend>
      <p className="mt-1 text-sm text-muted">Runs wait in one queue and go a few at a time. A backend that says it is busy pauses its line until it is ready.</p>
      <ConcurrencyField
        id="local-concurrency"
        label="Runs at once on this server or a custom backend"
        hint={`From ${MIN_CONCURRENCY} to ${MAX_CONCURRENCY}. The local engine draws several pictures at once.`}
        value={localConcurrency}
        onChange={(value) => update({ localConcurrency: value })}
      />
      <ConcurrencyField
        id="hosted-concurrency"
        label="Runs at once on the hosted service"
        hint="One or two: its free tier allows a few pictures a minute."
        value={hostedConcurrency}
        onChange={(value) => update({ hostedConcurrency: value })}
      />
      <label className="mt-4 flex items-center gap-3 text-sm">
        <input type="checkbox" checked={notify} onChange={(event) => void toggleNotify(event.target.checked)} className="h-5 w-5 accent-[rgb(var(--accent))]" />
        Notify me when runs finish while the studio is in the background
      </label>
      {notifyProblem && (
        <p role="alert" className="mt-1 text-sm text-danger">
          {notifyProblem}
        </p>
      )}
    </fieldset>
  );
}
