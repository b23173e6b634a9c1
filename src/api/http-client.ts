/**
 * The studio's one HTTP client for the AiArt API: builds the URL from the chosen backend, applies
 * a timeout, and turns every answer into either data that matches the contract or an ApiError.
 */
import type * as z from 'zod/mini';
import { ApiError, parseRetryAfter } from './api-error';

export interface ApiRequest<S extends z.ZodMiniType> {
  baseUrl: string;
  path: string;
  method?: 'GET' | 'POST';
  /** JSON-serialisable data, or a FormData for uploads. */
  body?: unknown;
  schema: S;
  signal?: AbortSignal;
  timeoutMs: number;
  /** The engine's access token, sent as a bearer token; never logged. */
  accessToken?: string;
}

export interface ApiAnswer<T> {
  data: T;
  status: number;
}

function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

const STATUS_HINTS: Record<number, string> = {
  400: 'The server refused the request',
  401: 'The server asks for authentication',
  402: "The service's generation credits have run out",
  404: 'The server does not know this address',
  409: 'Another video is already being generated',
  413: 'The upload is too large (at most 10 MB)',
  415: 'The upload must be a JPG, PNG or WEBP image',
  429: 'Too many requests: the server is rate limiting',
};

function describeStatus(status: number): string {
  return STATUS_HINTS[status] ?? (status >= 500 ? 'The server had a problem' : 'The request failed');
}

function errorFromAnswer(response: Response, text: string): ApiError {
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  let message: string | undefined;
  let type: string | undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
      message = (body as { error: string }).error.slice(0, 500);
      const said = (body as { error_type?: unknown }).error_type;
      if (typeof said === 'string') type = said.slice(0, 100);
    }
  } catch {
    if (/^\s*</.test(text)) {
      message = `${describeStatus(response.status)}: it answered with an error page instead of data (HTTP ${response.status}). It may be starting up or overloaded.`;
    }
  }
  return new ApiError('http', message ?? `${describeStatus(response.status)} (HTTP ${response.status}).`, response.status, retryAfterMs, type);
}

/** Aborts when the caller aborts or when the timeout passes, telling the two apart. */
function deadline(signal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    },
  };
}

export async function apiRequest<S extends z.ZodMiniType>(request: ApiRequest<S>): Promise<ApiAnswer<z.infer<S>>> {
  const { body } = request;
  const isForm = body instanceof FormData;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (request.accessToken) headers.Authorization = `Bearer ${request.accessToken}`;
  const limit = deadline(request.signal, request.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(joinUrl(request.baseUrl, request.path), {
      method: request.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: limit.signal,
    });
    text = await response.text();
  } catch {
    if (limit.timedOut()) {
      throw new ApiError('timeout', `The server did not answer within ${Math.round(request.timeoutMs / 1000)} s.`);
    }
    if (request.signal?.aborted) throw new ApiError('aborted', 'The request was cancelled.');
    throw new ApiError('network', 'Could not reach the server. Check your connection or the backend in Settings.');
  } finally {
    limit.done();
  }
  if (!response.ok) throw errorFromAnswer(response, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('malformed', `The server's answer was not valid JSON (HTTP ${response.status}).`, response.status);
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ApiError('malformed', `The server's answer did not match the API (${where}${issue?.message ?? 'unexpected shape'}).`, response.status);
  }
  return { data: parsed.data as z.infer<S>, status: response.status };
}
