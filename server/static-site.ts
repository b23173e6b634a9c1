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

/** Answers from the build when it can; resolves false to let the caller answer 404. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
  csp: string,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const wantsPage = isAppPath(pathname);
  const relative = wantsPage ? 'index.html' : path.normalize(pathname).replace(/^([/\\])+/, '');
  const file = path.join(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep) || relative.split(path.sep).some((p) => p.startsWith('.'))) {
    return false;
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  const extension = path.extname(file);
  const isPage = extension === '.html';
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': TYPES[extension] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': relative.startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(isPage ? { 'Content-Security-Policy': csp, 'X-Frame-Options': 'DENY' } : {}),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).on('error', () => res.destroy()).pipe(res);
  return true;
}
