/**
 * The one HTTP client every backend uses to reach its upstream: a deadline on each call, bounded
 * answer sizes, schema-checked JSON, a plain 502 when nothing answers, and failed answers mapped
 * through upstreamError. Keys travel only in headers and are redacted from every message.
 */
import type * as z from 'zod/mini';
import { ApiError } from '../http/api-error';
import { redact } from './redact';
import type { Secret } from './settings';
import { type UpstreamIdentity, upstreamError } from './upstream-error';

export interface UpstreamOptions extends UpstreamIdentity {
  timeoutMs: number;
  /** Sent with every request, e.g. Authorization. */
  headers?: Record<string, string>;
  /** Appended to "did not answer", e.g. "Is it started with --api?". */
  hint?: string;
}

export interface CallOptions {
  method?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Statuses the caller reads itself instead of having them mapped to an error. */
  accept?: readonly number[];
  timeoutMs?: number;
  /** A quick question (a model list): it gets a short deadline, whatever a picture may take. */
  quick?: boolean;
  /** API calls refuse redirects, so credentials never follow one elsewhere. */
  followRedirects?: boolean;
}

export const MB = 1024 * 1024;
const QUICK_MS = 15_000;

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'unknown host',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_HEADERS_TIMEOUT: "within Node's own limit of 300 s",
  UND_ERR_BODY_TIMEOUT: "within Node's own limit of 300 s",
};

export type Upstream = ReturnType<typeof createUpstream>;

export function createUpstream(options: UpstreamOptions) {
  const where = `${options.label} at ${options.url}`;

  function noAnswer(error: unknown, timeoutMs: number): ApiError {
    const name = (error as Error)?.name;
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    const reason =
      name === 'TimeoutError' || name === 'AbortError'
        ? `within ${Math.round(timeoutMs / 100) / 10} s`
        : `(${NETWORK_REASONS[cause?.code ?? ''] ?? cause?.message?.slice(0, 80) ?? 'network error'})`;
    const message = `${where} did not answer ${reason}.${options.hint ? ` ${options.hint}` : ''}`;
    return new ApiError(502, redact(message, options.secrets), {}, 'backend_unreachable');
  }

  /** A failure of our own making about the upstream's answer, redacted like every other. */
  const broken = (message: string) => new ApiError(502, redact(`${options.label} ${message}`, options.secrets));

  async function readBytes(res: Response, maxBytes: number, what: string): Promise<Buffer> {
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw broken(`answered with ${what} over ${Math.round(maxBytes / MB)} MB`);
    }
    if (!res.body) return Buffer.alloc(0);
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > maxBytes) throw broken(`answered with ${what} over ${Math.round(maxBytes / MB)} MB`);
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw noAnswer(error, options.timeoutMs);
    }
    return Buffer.concat(chunks);
  }

  return {
    label: options.label,
    url: options.url,
    secrets: options.secrets,
    timeoutMs: options.timeoutMs,

    /** Calls `path` under the base URL; a status outside 2xx (and `accept`) throws the mapped error. */
    async call(path: string, call: CallOptions = {}): Promise<Response> {
      const timeoutMs = call.timeoutMs ?? (call.quick ? Math.min(QUICK_MS, options.timeoutMs) : options.timeoutMs);
      let res: Response;
      try {
        res = await fetch(`${options.url}${path}`, {
          method: call.method ?? 'GET',
          body: call.body,
          headers: { ...options.headers, ...call.headers },
          redirect: call.followRedirects ? 'follow' : 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw noAnswer(error, timeoutMs);
      }
      if (res.ok || call.accept?.includes(res.status)) return res;
      const text = (await readBytes(res, 64 * 1024, 'an error').catch(() => Buffer.alloc(0))).toString('utf8');
      throw upstreamError(options, res.status, res.headers, text, path);
    },

    readBytes,

    /** The answer's JSON, checked against `schema`; `what` names it in the error. */
    async readJson<S extends z.ZodMiniType>(res: Response, schema: S, what: string, maxBytes = 64 * MB): Promise<z.infer<S>> {
      const text = (await readBytes(res, maxBytes, what)).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw broken(`answered ${what} that is not JSON`);
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw broken(`answered ${what} in an unexpected shape (${first.path.join('.') || 'body'}: ${first.message})`);
      }
      return parsed.data as z.infer<S>;
    },

    broken,
  };
}

/** An upstream that takes its key as a bearer token, as Stability and OpenAI-style APIs do. */
export const createBearerUpstream = (settings: Omit<UpstreamOptions, 'keyVariable' | 'secrets' | 'headers'> & { key: Secret }) =>
  createUpstream({
    ...settings,
    keyVariable: settings.key.variable,
    secrets: [settings.key.value],
    headers: { Authorization: `Bearer ${settings.key.value}` },
  });
