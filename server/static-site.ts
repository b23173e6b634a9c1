/**
 * Serves the built studio through sirv: the Brotli or gzip copy made at build time when the
 * browser takes it, ETags with 304s, hashed assets cached for a year, and index.html for the
 * studio's own page paths, under a Content-Security-Policy that allows no inline or eval'd script.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import sirv from 'sirv';
import { isAppPath } from '../src/lib/app-paths';
import { BASE_HEADERS } from './http/respond';

export function contentSecurityPolicy(backendOrigins: readonly string[]): string {
  const others = backendOrigins.join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' blob: data: ${others}`,
    `media-src 'self' blob: ${others}`,
    `connect-src 'self' ${others}`,
    "font-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** A browser navigating to an address the studio has no page for gets the studio's own not-found page. */
function isPageNavigation(req: IncomingMessage): boolean {
  return req.headers['sec-fetch-mode'] === 'navigate' || (req.headers.accept ?? '').includes('text/html');
}

/** Answers GET and HEAD from the build; true when it answered, false to let the caller say 404. */
export type StaticSite = (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;

/**
 * The build's file list is read once, here: a server serves the build it started with, as
 * production static servers do. Only a name under /assets/ carries a content hash, so only those
 * are immutable; everything else, and every error, is revalidated.
 */
export function openStaticSite(root: string, csp: string): StaticSite {
  const serve = sirv(root, {
    etag: true,
    brotli: true,
    gzip: true,
    // Exact names only: `/settings` must not find a `settings.html`, pages are chosen below.
    extensions: [],
    setHeaders(res, pathname) {
      for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (pathname.endsWith('.html')) {
        res.setHeader('Content-Security-Policy', csp);
        res.setHeader('X-Frame-Options', 'DENY');
      }
    },
  });

  /** sirv reads the path from req.url synchronously; the original is put back for the request log. */
  function serveAs(req: IncomingMessage, res: ServerResponse, url: string): boolean {
    const original = req.url;
    let found = true;
    req.url = url;
    try {
      serve(req, res, () => {
        found = false;
      });
    } finally {
      req.url = original;
    }
    return found;
  }

  return (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    // Ranges are for media; a static file is small, and sirv's range reading is loose.
    delete req.headers.range;
    // sirv opens the file after choosing it: one removed since start must not throw unheard.
    res.once('pipe', (source: Readable) => source.once('error', () => res.destroy()));
    if (isAppPath(pathname)) return serveAs(req, res, '/index.html');
    if (serveAs(req, res, pathname)) return true;
    if (!isPageNavigation(req)) return false;
    answerWithStatus(res, 404);
    return serveAs(req, res, '/index.html');
  };
}

/** sirv always answers 200 (or 304); the not-found page is index.html sent with another status. */
function answerWithStatus(res: ServerResponse, status: number): void {
  const writeHead = res.writeHead.bind(res) as (code: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((code: number, ...rest: unknown[]) => writeHead(code === 200 ? status : code, ...rest)) as ServerResponse['writeHead'];
}
