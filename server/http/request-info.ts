/** What a handler needs to know about who asked and where it is served from. */
import type { IncomingMessage } from 'node:http';
import type { EngineConfig } from '../config';

const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The first value of a header a chain of proxies may have appended to. */
export function firstForwarded(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.split(',')[0].trim() || undefined;
}

/**
 * This server's origin as the client addressed it, for absolute URLs in answers (the request guard
 * has already refused a Host that is not a served name). Behind a TLS proxy (`trustProxy`) that
 * is the proxy's scheme and host, which only a trusted proxy may say.
 */
export function requestOrigin(req: IncomingMessage, config: Pick<EngineConfig, 'host' | 'port' | 'trustProxy'>): string {
  const forwardedProto = config.trustProxy ? firstForwarded(req, 'x-forwarded-proto')?.toLowerCase() : undefined;
  const forwardedHost = config.trustProxy ? firstForwarded(req, 'x-forwarded-host') : undefined;
  const scheme = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http';
  const host = [forwardedHost, req.headers.host].find((name) => name && SAFE_HOST.test(name));
  return `${scheme}://${host ?? `${config.host}:${config.port}`}`;
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
