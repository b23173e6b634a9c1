/**
 * Serves the built studio: hashed assets with long caching, and index.html for the studio's own
 * page paths only, under a Content-Security-Policy that allows no inline or eval'd script.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { isAppPath } from '../src/lib/app-paths';
import { BASE_HEADERS } from './http/respond';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

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

async function fileAt(root: string, relative: string): Promise<{ file: string; size: number } | undefined> {
  const file = path.join(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep) || relative.split(path.sep).some((p) => p.startsWith('.'))) {
    return undefined;
  }
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? { file, size: info.size } : undefined;
}

/**
 * Answers from the build when it can: a file, index.html for a studio page, or index.html with
 * status 404 for a browser navigating to an unknown address. Resolves false to let the caller
 * answer 404 JSON.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
  csp: string,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const relative = isAppPath(pathname) ? 'index.html' : path.normalize(pathname).replace(/^([/\\])+/, '');
  let status = 200;
  let found = await fileAt(root, relative);
  if (!found && isPageNavigation(req)) {
    found = await fileAt(root, 'index.html');
    status = 404;
  }
  if (!found) return false;
  const extension = path.extname(found.file);
  const isPage = extension === '.html';
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': TYPES[extension] ?? 'application/octet-stream',
    'Content-Length': found.size,
    'Cache-Control': relative.startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(isPage ? { 'Content-Security-Policy': csp, 'X-Frame-Options': 'DENY' } : {}),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
  return true;
}
