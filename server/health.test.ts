/** GET /healthz: ready, or 503 naming what is wrong (the data folder, the upstream in proxy mode). */
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine } from './testing/test-engine';

const health = async (base: string, init?: RequestInit) => {
  const res = await fetch(`${base}/healthz`, init);
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body: (await res.json()) as Record<string, unknown> };
};

describe('a local engine', () => {
  it('is ready while its data folder takes writes, and leaves nothing behind', async () => {
    const engine = await startTestEngine();
    try {
      const before = await engine.files();
      expect(await health(engine.url)).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ok', mode: 'local-preview' } });
      expect(await engine.files()).toEqual(before);
    } finally {
      await engine.dispose();
    }
  });

  it('says 503 and names the data folder when it is gone', async () => {
    const engine = await startTestEngine();
    try {
      await rm(engine.dataDir, { recursive: true, force: true });
      const { status, body } = await health(engine.url);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'unavailable', error: 'The data folder is not writable (ENOENT).' });
    } finally {
      await engine.dispose();
    }
  });

  it('answers only GET and HEAD', async () => {
    const engine = await startTestEngine();
    try {
      const res = await fetch(`${engine.url}/healthz`, { method: 'POST' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect((await fetch(`${engine.url}/healthz`, { method: 'HEAD' })).status).toBe(200);
    } finally {
      await engine.dispose();
    }
  });
});

describe('a proxy', () => {
  let upstreamStatus = 200;
  let upstream: Server;
  let upstreamUrl: string;
  beforeAll(async () => {
    upstream = createServer((_req, res) => res.writeHead(upstreamStatus).end('hello'));
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => upstream.close(resolve)));

  it('is ready while the upstream answers, and says 503 naming it when it fails or is unreachable', async () => {
    const proxy = await startTestEngine({ AIART_UPSTREAM: upstreamUrl });
    try {
      expect(await health(proxy.url)).toMatchObject({ status: 200, body: { status: 'ok', mode: 'proxy' } });
      upstreamStatus = 502;
      expect(await health(proxy.url)).toMatchObject({ status: 503, body: { error: `The upstream ${upstreamUrl} answered 502.` } });
      upstream.close();
      upstream.closeAllConnections();
      expect(await health(proxy.url)).toMatchObject({ status: 503, body: { error: `The upstream ${upstreamUrl} could not be reached.` } });
    } finally {
      await proxy.dispose();
    }
  });
});
