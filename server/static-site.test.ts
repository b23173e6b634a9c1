/** Serving the built studio: precompressed copies, ETags, caching that never pins an error, pages. */
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from './testing/test-engine';

const INDEX = '<!doctype html><title>Studio</title><div id="root"></div>';
const SCRIPT = `console.log(${JSON.stringify('a hashed chunk '.repeat(200))});`;
const IMMUTABLE = 'public, max-age=31536000, immutable';

let build: string;
let engine: TestEngine;
beforeAll(async () => {
  build = await mkdtemp(path.join(tmpdir(), 'aiart-build-'));
  await mkdir(path.join(build, 'assets'));
  await mkdir(path.join(build, '.vite'));
  for (const [name, text] of [['index.html', INDEX], ['assets/app-1a2b3c.js', SCRIPT]]) {
    await writeFile(path.join(build, name), text);
    await writeFile(path.join(build, `${name}.br`), brotliCompressSync(text));
    await writeFile(path.join(build, `${name}.gz`), gzipSync(text));
  }
  await writeFile(path.join(build, 'assets/gone-4d5e6f.js'), SCRIPT);
  await writeFile(path.join(build, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(build, '.vite/manifest.json'), '{}');
  engine = await startTestEngine({ AIART_STATIC_DIR: build });
});
afterAll(async () => {
  await engine.dispose();
  await rm(build, { recursive: true, force: true });
});

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${engine.url}${pathname}`, { headers });

describe('compression', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
    ['identity', null],
  ])('answers Accept-Encoding "%s" with %s, and says the answer varies by it', async (accept, encoding) => {
    const res = await get('/assets/app-1a2b3c.js', { 'Accept-Encoding': accept });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe(SCRIPT);
  });

  it('compresses the page too, with its security headers', async () => {
    const res = await get('/', { 'Accept-Encoding': 'br' });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('caching', () => {
  it('caches hashed assets for a year and revalidates everything else', async () => {
    expect((await get('/assets/app-1a2b3c.js')).headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a matching If-None-Match with 304 and no body, per encoding', async () => {
    const first = await get('/assets/app-1a2b3c.js', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    const again = await get('/assets/app-1a2b3c.js', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const otherEncoding = await get('/assets/app-1a2b3c.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(otherEncoding.status).toBe(200);
  });

  it('never caches a missing asset as immutable, whether fetched or navigated to', async () => {
    const fetched = await get('/assets/missing-000000.js');
    expect(fetched.status).toBe(404);
    expect(fetched.headers.get('content-type')).toMatch(/^application\/json/);
    expect(fetched.headers.get('cache-control')).toBe('no-store');
    const navigated = await get('/assets/missing-000000.js', { Accept: 'text/html' });
    expect(navigated.status).toBe(404);
    expect(navigated.headers.get('cache-control')).toBe('no-cache');
    expect(await navigated.text()).toBe(INDEX);
  });
});

describe('pages', () => {
  it.each(['/', '/gallery', '/gallery/some-item', '/settings'])('serves the studio at %s', async (pathname) => {
    const res = await get(pathname);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
  });

  it('answers a browser at an unknown address with the studio and 404, and anyone else with JSON', async () => {
    const navigated = await get('/no-such-page', { Accept: 'text/html,application/xhtml+xml' });
    expect(navigated.status).toBe(404);
    expect(await navigated.text()).toBe(INDEX);
    const fetched = await get('/no-such-page');
    expect(fetched.status).toBe(404);
    expect(await fetched.json()).toEqual({ error: 'Nothing is served at /no-such-page' });
  });

  it('keeps build internals and dotfiles private, and reads nothing outside the build', async () => {
    for (const pathname of ['/.vite/manifest.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fetc/passwd']) {
      expect((await get(pathname)).status, pathname).toBe(404);
    }
  });

  it('answers HEAD with the headers alone, and other methods with 404', async () => {
    const head = await fetch(`${engine.url}/assets/app-1a2b3c.js`, { method: 'HEAD', headers: { 'Accept-Encoding': 'identity' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(SCRIPT)));
    expect(await head.text()).toBe('');
    expect((await fetch(`${engine.url}/assets/app-1a2b3c.js`, { method: 'POST' })).status).toBe(404);
  });

  it('ignores byte ranges on studio files, sending the whole file', async () => {
    const res = await get('/assets/app-1a2b3c.js', { Range: 'bytes=-10', 'Accept-Encoding': 'identity' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(SCRIPT);
  });

  it('survives a file deleted after start: that request fails, the next one works', async () => {
    await unlink(path.join(build, 'assets/gone-4d5e6f.js'));
    await expect(get('/assets/gone-4d5e6f.js').then((res) => res.text())).rejects.toThrow();
    expect((await get('/')).status).toBe(200);
  });
});
