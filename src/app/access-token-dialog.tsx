/**
 * The access token dialog: one labelled password field. A token is checked with the engine
 * before it is kept (a refused one says so and asks again); it is never logged or shown.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { declineAccessToken, giveAccessToken, isTokenShaped } from '../api/access-token';
import { ApiError } from '../api/api-error';
import { apiRequest } from '../api/http-client';
import { buttonClass } from '../components/button';

const WRONG = 'This server refused that token: check the value of AIART_ACCESS_TOKEN it was started with, and enter it again.';

/** True unless the engine refuses the token: a made-up job is "not found" to a caller it lets in. */
async function tokenAccepted(baseUrl: string, token: string): Promise<boolean> {
  try {
    await apiRequest({ baseUrl, path: '/api/img2video/result/access-token-check', schema: z.unknown(), timeoutMs: 30_000, accessToken: token });
    return true;
  } catch (error) {
    return !(error instanceof ApiError && error.status === 401 && error.type === 'access_token');
  }
}

export default function AccessTokenDialog({ baseUrl, wrong }: { baseUrl: string; wrong: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | undefined>(wrong ? WRONG : undefined);
  const [checking, setChecking] = useState(false);
  const where = baseUrl ? new URL(baseUrl).host : 'This server';

  useEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const given = token.trim();
    if (!isTokenShaped(given)) {
      setProblem('Enter the token: one line of letters, digits and symbols, without spaces.');
      return;
    }
    setChecking(true);
    const accepted = await tokenAccepted(baseUrl, given);
    setChecking(false);
    if (!accepted) {
      setProblem(WRONG);
      setToken('');
      return;
    }
    giveAccessToken(given);
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="access-token-title"
      aria-describedby="access-token-why"
      onCancel={(event) => {
        event.preventDefault();
        declineAccessToken();
      }}
      className="m-auto w-[min(30rem,95vw)] rounded-xl border border-line bg-panel p-5 text-fg backdrop:bg-black/70"
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <h2 id="access-token-title" className="text-lg font-semibold">
          Access token
        </h2>
        <p id="access-token-why" className="text-sm text-muted">
          {where} asks for its access token before it makes anything: the value of AIART_ACCESS_TOKEN it was started with. The studio keeps it in this
          browser and sends it to {baseUrl ? 'that server' : 'this server'} only.
        </p>
        <label htmlFor="access-token" className="text-sm font-medium">
          Access token
        </label>
        <input
          id="access-token"
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? 'access-token-problem' : undefined}
          className="min-h-11 rounded-md border border-line bg-canvas px-3 text-sm aria-invalid:border-danger"
        />
        {problem && (
          <p id="access-token-problem" role="alert" className="text-sm text-danger">
            {problem}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClass('primary')} disabled={checking}>
            {checking ? 'Checking…' : 'Use this token'}
          </button>
          <button type="button" className={buttonClass('secondary')} onClick={declineAccessToken}>
            Not now
          </button>
        </div>
      </form>
    </dialog>
  );
}
