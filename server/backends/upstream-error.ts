/**
 * Turns an upstream's failed answer into the contract's error table, in plain words naming the
 * backend: which key to check, a moderation refusal, out of credits, rate limits with their
 * Retry-After, and 502 for an upstream that broke.
 */
import { ApiError } from '../http/api-error';
import { redact } from './redact';

export interface UpstreamIdentity {
  /** "AUTOMATIC1111", "Stability AI", … */
  label: string;
  url: string;
  urlVariable: string;
  /** The variable holding the key or login, for "check …" advice. */
  keyVariable?: string;
  secrets: readonly string[];
}

const MODERATION = /moderation|content.?polic|content.?filter|moderation_blocked|safety system|nsfw/i;
const CREDITS = /payment.?required|insufficient.?(quota|credits?|balance|funds)|billing.?hard.?limit|out of credits|not enough credits/i;
const DEFAULT_RETRY_SECONDS = 60;
const MAX_DETAIL = 300;

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** The message and code of the error shapes these APIs use (OpenAI, Stability, FastAPI, ComfyUI, AiArt). */
function readError(body: unknown): { message?: string; code?: string } {
  if (typeof body !== 'object' || body === null) return { message: str(body) };
  const b = body as Record<string, unknown>;
  const nested = typeof b.error === 'object' && b.error !== null ? (b.error as Record<string, unknown>) : undefined;
  const errors = Array.isArray(b.errors) ? b.errors.filter((e) => typeof e === 'string').join('; ') : undefined;
  const detail = Array.isArray(b.detail)
    ? b.detail.map((d) => str((d as Record<string, unknown>)?.msg)).filter(Boolean).join('; ')
    : str(b.detail);
  return {
    message: str(b.error) ?? str(nested?.message) ?? str(errors) ?? str(detail) ?? str(b.message),
    code: [b.name, b.error_type, nested?.code, nested?.type, b.code].filter((c) => typeof c === 'string').join(' '),
  };
}

/** Plain, short, one-line text: an answer may hold anything, HTML included. */
function plain(text: string): string {
  if (/^\s*</.test(text)) return 'a web page instead of an API answer';
  const line = text.replace(/\p{Cc}+/gu, ' ').trim();
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL)}…` : line;
}

function retryAfter(header: string | null): string {
  if (header && /^\d{1,6}$/.test(header.trim())) return header.trim();
  if (header && !Number.isNaN(Date.parse(header))) return header;
  return String(DEFAULT_RETRY_SECONDS);
}

export function upstreamError(who: UpstreamIdentity, status: number, headers: Headers, bodyText: string, path: string): ApiError {
  const parsed = parse(bodyText);
  const { message, code } = readError(parsed ?? bodyText);
  const detail = redact(plain(message ?? bodyText), who.secrets);
  const said = detail ? `: ${detail}` : '';
  const clues = `${message ?? ''} ${code ?? ''}`;
  const name = who.label;

  if (MODERATION.test(clues)) {
    return new ApiError(400, `${name} refused this request: its content moderation flagged the prompt or the picture. Change them and try again.`, {}, 'content_moderation');
  }
  if (status === 402 || CREDITS.test(clues)) {
    const whose = who.keyVariable ? ` (the account of the key in ${who.keyVariable})` : '';
    return new ApiError(402, `${name} is out of credits${whose}: add credits, then try again.`, {}, 'payment_required');
  }
  if (status === 401 || status === 403) {
    const check = who.keyVariable ? `check ${who.keyVariable}` : `check how ${who.url} is protected`;
    return new ApiError(401, `${name} refused the engine's credentials (HTTP ${status}): ${check}.`, {}, 'backend_credentials');
  }
  if (status === 429) {
    const after = retryAfter(headers.get('retry-after'));
    const when = /^\d+$/.test(after) ? `in ${after} s` : `after ${after}`;
    return new ApiError(429, `${name} is limiting requests: retry ${when}.`, { 'Retry-After': after }, 'rate_limited');
  }
  if (status === 413) return new ApiError(413, `${name} refused the picture as too large${said}`);
  if (status === 404) {
    return new ApiError(502, `${name} at ${who.url} has no ${path.split('?')[0]} (HTTP 404): check ${who.urlVariable}.`);
  }
  if (status === 409) return new ApiError(409, `${name} is busy with another job${said}`);
  if (status >= 400 && status < 500) return new ApiError(400, `${name} did not accept the request (HTTP ${status})${said}`);
  return new ApiError(502, `${name} failed (HTTP ${status})${said}`);
}
