/** What a handler needs to know about who asked and where it is served from. */
import type { IncomingMessage } from 'node:http';

const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * This server's origin as the client addressed it, for absolute URLs in answers. The request
 * guard has already refused any Host that is not a served name, so echoing it is safe.
 */
export function requestOrigin(req: IncomingMessage, fallbackHost: string): string {
  const host = req.headers.host;
  return `http://${host && SAFE_HOST.test(host) ? host : fallbackHost}`;
}

export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
