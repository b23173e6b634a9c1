/** Settings: which backend makes the pictures, how the queue paces it, the wildcard lists prompts draw from, and a check that the backend answers. */
import { useState } from 'react';
import { type BackendChoice, baseUrlOf, HOSTED_URL, isHttpUrl, MAX_POLL_SECONDS, MIN_POLL_SECONDS, useBackendStore } from '../../api/backend';
import { type ConnectionReport, checkConnection } from '../../api/connection-check';
import { useEngineInfo } from '../../api/engine-info';
import { useBackendLabel } from '../../api/backend-label';
import { QueueSettingsSection } from './queue-settings-section';
import { WildcardListsSection } from './wildcard-lists-section';
import { buttonClass } from '../../components/button';

const CHOICES: ReadonlyArray<{ value: BackendChoice; title: string; text: string }> = [
  { value: 'here', title: 'This server', text: 'The server that serves the studio: the local preview engine, and the backends it was started with (the hosted service, Stability AI, AUTOMATIC1111, ComfyUI, OpenAI-compatible), each with its models.' },
  { value: 'hosted', title: 'AiArt hosted service', text: `${HOSTED_URL}: real AI models. Free tier, rate limited, slow to wake.` },
  { value: 'custom', title: 'Custom URL', text: 'Any server that speaks the AiArt API.' },
];

export default function SettingsPage() {
  const { choice, customUrl, choose, pollSeconds, setPollSeconds } = useBackendStore();
  const [draftUrl, setDraftUrl] = useState(customUrl);
  const [urlError, setUrlError] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [report, setReport] = useState<ConnectionReport>();
  const { data: engine } = useEngineInfo();
  const label = useBackendLabel();
  const baseUrl = baseUrlOf({ choice, customUrl });
  const origin = baseUrl || window.location.origin;
  const blocked = baseUrl && engine && !engine.allowedOrigins.includes(new URL(baseUrl).origin);

  function pick(value: BackendChoice) {
    setReport(undefined);
    if (value === 'custom' && !isHttpUrl(draftUrl)) {
      setUrlError('Enter the backend address first, starting with http:// or https://');
      return;
    }
    choose(value, value === 'custom' ? draftUrl : undefined);
  }

  async function runCheck() {
    setChecking(true);
    setReport(await checkConnection(baseUrl));
    setChecking(false);
  }

  return (
    <section className="mx-auto max-w-2xl p-4 lg:p-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <fieldset className="mt-6">
        <legend className="text-base font-semibold">Backend</legend>
        <p className="mt-1 text-sm text-muted">
          In use: <strong className="text-fg">{label.name}</strong> ({label.detail})
        </p>
        <div className="mt-3 flex flex-col gap-2">
          {CHOICES.map((option) => (
            <label key={option.value} className={`flex cursor-pointer gap-3 rounded-lg border bg-panel p-3 ${choice === option.value ? 'border-accent' : 'border-line'}`}>
              <input type="radio" name="backend" value={option.value} checked={choice === option.value} onChange={() => pick(option.value)} className="mt-1 accent-[rgb(var(--accent))]" />
              <span>
                <span className="block text-sm font-medium">{option.title}</span>
                <span className="block text-xs text-muted">{option.text}</span>
              </span>
            </label>
          ))}
        </div>
        <div className="mt-3">
          <label htmlFor="custom-url" className="block text-sm font-medium">
            Custom backend URL
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="custom-url"
              type="url"
              value={draftUrl}
              placeholder="https://my-aiart.example.com"
              onChange={(event) => {
                setDraftUrl(event.target.value);
                setUrlError(undefined);
              }}
              aria-invalid={Boolean(urlError)}
              aria-describedby={urlError ? 'custom-url-error' : undefined}
              className="min-h-11 flex-1 rounded-md border border-line bg-canvas px-3 text-sm aria-invalid:border-danger"
            />
            <button type="button" className={buttonClass('secondary')} onClick={() => pick('custom')}>
              Use this URL
            </button>
          </div>
          {urlError && (
            <p id="custom-url-error" className="mt-1 text-xs text-danger">
              {urlError}
            </p>
          )}
        </div>
      </fieldset>

      {engine?.engine === 'local-preview' && choice === 'here' && (
        <p className="mt-6 rounded-lg border border-line bg-panel p-4 text-sm">
          The local preview engine draws procedural art from your prompt, style and seed. It is not an AI model: use it to try the studio offline. For AI pictures, choose the hosted service, or start the studio with
          <code className="mx-1 rounded bg-raised px-1">AIART_UPSTREAM={HOSTED_URL}</code>
          so this server forwards to it.
        </p>
      )}
      {blocked && (
        <p role="alert" className="mt-6 rounded-lg border border-danger/60 bg-panel p-4 text-sm">
          This studio's security policy does not allow connections to {new URL(baseUrl).origin}. Add it to AIART_EXTRA_ORIGINS where the studio is served, or run this server in proxy mode.
        </p>
      )}

      <div className="mt-8">
        <label htmlFor="poll-seconds" className="block text-base font-semibold">
          Check running videos every
        </label>
        <div className="mt-2 flex items-center gap-2">
          <input
            id="poll-seconds"
            type="number"
            min={MIN_POLL_SECONDS}
            max={MAX_POLL_SECONDS}
            step={1}
            value={pollSeconds}
            aria-describedby="poll-seconds-hint"
            onChange={(event) => setPollSeconds(Number(event.target.value))}
            className="min-h-11 w-24 rounded-md border border-line bg-canvas px-3 text-sm"
          />
          <span className="text-sm">seconds</span>
        </div>
        <p id="poll-seconds-hint" className="mt-1 text-xs text-muted">
          From {MIN_POLL_SECONDS} to {MAX_POLL_SECONDS}. A video takes a minute or more on the hosted service; checking less often spares its rate limit.
        </p>
      </div>

      <QueueSettingsSection />

      <WildcardListsSection />

      <div className="mt-8">
        <h2 className="text-base font-semibold">Connection</h2>
        <button type="button" onClick={runCheck} disabled={checking} className={buttonClass('primary', 'mt-2')}>
          {checking ? 'Checking…' : 'Check connection'}
        </button>
        <p role="status" className="mt-2 text-sm">
          {report?.ok && <span className="text-success">Connected to {origin}: the AiArt API answered in {report.latencyMs} ms.</span>}
          {report && !report.ok && <span className="text-danger">Not connected to {origin}: {report.message}</span>}
        </p>
      </div>
    </section>
  );
}
