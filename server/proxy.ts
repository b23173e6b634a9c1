/**
 * Proxy mode: API and media requests go to an upstream AiArt service. Cookies pass both ways,
 * and the upstream's origin in JSON answers becomes this server's, so browsers need no CORS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ApiError } from './http/api-error';
import { BASE_HEADERS } from './http/respond';

const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'host', 'content-encoding', 'content-length', 'set-cookie',
]);

/** A cookie set by the upstream, made valid for this origin (no Domain; no Secure on http). */
export function rewriteSetCookie(cookie: string, secureOrigin: boolean): string {
  return cookie
    .split(';')
    .map((part) => part.trim())
    .filter((part) => !/^domain=/i.test(part) && (secureOrigin || !/^secure$/i.test(part)))
    .join('; ');
}

export async function proxyRequest(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: string,
  ownOrigin: string,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'accept-encoding') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  if (hasBody && req.headers['content-length']) headers.set('content-length', req.headers['content-length']);
  let answer: Response;
  try {
    answer = await fetch(new URL(req.url ?? '/', upstream), {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream) : undefined,
      redirect: 'manual',
      // Node's fetch needs this to stream a request body.
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch (error) {
    throw new ApiError(502, `The upstream service ${upstream} could not be reached (${(error as Error).message})`);
  }
  const out: Record<string, string | string[]> = { ...BASE_HEADERS };
  answer.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) out[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies.map((c) => rewriteSetCookie(c, ownOrigin.startsWith('https:')));
  if ((answer.headers.get('content-type') ?? '').includes('application/json')) {
    const text = (await answer.text()).split(upstream).join(ownOrigin);
    res.writeHead(answer.status, { ...out, 'content-length': Buffer.byteLength(text) });
    res.end(text);
    return;
  }
  res.writeHead(answer.status, out);
  if (!answer.body || req.method === 'HEAD') {
    res.end();
    return;
  }
  Readable.fromWeb(answer.body as WebReadableStream).on('error', () => res.destroy()).pipe(res);
}
