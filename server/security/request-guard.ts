/**
 * Decides who may talk to the engine before any route runs: the Host must be a served name, and a
 * request that changes anything must come from the engine's own origin or an allowed one. Allowed
 * foreign origins get CORS headers; nobody else does, so other pages cannot read answers either.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GuardSettings } from '../guard-settings';
import { ApiError } from '../http/api-error';
import { isServedHost, parseHost, servedHostNames } from './served-hosts';
import { firstForwarded } from '../http/request-info';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Request headers a foreign studio may send beyond the CORS-safelisted ones. */
const ALLOWED_REQUEST_HEADERS = ['content-type'];

export interface RequestGuard {
  /** Throws the ApiError to answer instead (403 or 421); sets CORS headers for an allowed foreign origin. */
  admit(req: IncomingMessage, res: ServerResponse): void;
  /** Headers answering a CORS preflight for these methods, when the request is one from an allowed origin. */
  preflightHeaders(req: IncomingMessage, methods: readonly string[]): Record<string, string>;
}

const defaultPort = (protocol: string) => (protocol === 'https:' ? 443 : 80);

/** Same origin when the names match and so do the ports; a Host without a port means the origin scheme's default. */
function isOwnOrigin(origin: URL, hostHeader: string | undefined): boolean {
  const host = hostHeader === undefined ? undefined : parseHost(hostHeader);
  if (!host) return false;
  const port = defaultPort(origin.protocol);
  return host.name === origin.hostname && (host.port ?? port) === (origin.port ? Number(origin.port) : port);
}

function parseOrigin(header: string): URL | undefined {
  try {
    const url = new URL(header);
    return url.origin === header && (url.protocol === 'http:' || url.protocol === 'https:') ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `trustProxy`: behind a reverse proxy, the page's origin is the host the proxy was asked for. */
export function createRequestGuard(settings: GuardSettings, boundHost: string, trustProxy = false): RequestGuard {
  const served = servedHostNames(boundHost, settings.allowedHosts);
  const allowedOrigins = new Set(settings.allowedOrigins);

  /** 'own', 'allowed' (a listed foreign origin), or 'foreign'; undefined when the request names no origin. */
  function originKind(req: IncomingMessage): 'own' | 'allowed' | 'foreign' | undefined {
    const header = req.headers.origin;
    if (header === undefined) return undefined;
    const origin = parseOrigin(header);
    if (!origin) return 'foreign';
    const forwarded = trustProxy ? firstForwarded(req, 'x-forwarded-host') : undefined;
    if (isOwnOrigin(origin, req.headers.host) || (forwarded !== undefined && isOwnOrigin(origin, forwarded))) return 'own';
    return allowedOrigins.has(origin.origin) ? 'allowed' : 'foreign';
  }

  return {
    admit(req, res) {
      const hostHeader = req.headers.host;
      if (hostHeader === undefined && req.httpVersion !== '1.0') {
        throw new ApiError(400, 'The request has no Host header, which HTTP/1.1 requires');
      }
      if (hostHeader !== undefined) {
        const host = parseHost(hostHeader);
        if (!host || !isServedHost(host.name, served)) {
          throw new ApiError(
            421,
            `This engine does not serve the host "${hostHeader.slice(0, 100)}". Add the name to AIART_ALLOWED_HOSTS to serve it.`,
          );
        }
      }
      const kind = originKind(req);
      if (kind === undefined) return;
      res.appendHeader('Vary', 'Origin');
      if (kind === 'allowed') {
        res.setHeader('Access-Control-Allow-Origin', req.headers.origin!);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
        res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
      }
      const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      if (kind === 'foreign' && (preflight || !SAFE_METHODS.has(req.method ?? ''))) {
        throw new ApiError(
          403,
          `Requests from the origin ${req.headers.origin!.slice(0, 200)} are not allowed. Add it to AIART_ALLOWED_ORIGINS to let its pages use this engine.`,
        );
      }
    },
    preflightHeaders(req, methods): Record<string, string> {
      if (req.headers['access-control-request-method'] === undefined || originKind(req) !== 'allowed') return {};
      const asked = (req.headers['access-control-request-headers'] ?? '').toLowerCase().split(/\s*,\s*/);
      return {
        'Access-Control-Allow-Methods': methods.join(', '),
        'Access-Control-Allow-Headers': asked.filter((name) => ALLOWED_REQUEST_HEADERS.includes(name)).join(', '),
        'Access-Control-Max-Age': '600',
      };
    },
  };
}
