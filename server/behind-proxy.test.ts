/** Behind a TLS proxy: the scheme and host in absolute URLs come from X-Forwarded-* only when trusted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './testing/fixtures';
import { startTestEngine, type TestEngine } from './testing/test-engine';

const FORWARDED = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'studio.example.org' };

async function imageUrl(engine: TestEngine, headers: Record<string, string>): Promise<string> {
  const res = await postJson(`${engine.url}/api/generate`, { video_description: 'a quiet pier', output_format: 'jpg' }, {
    headers: { 'Content-Type': 'application/json', ...headers },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { image_url: string }).image_url;
}

describe('with AIART_TRUST_PROXY', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine({ AIART_TRUST_PROXY: '1' });
  });
  afterAll(() => engine.dispose());

  it('answers with the https origin the proxy names', async () => {
    expect(await imageUrl(engine, FORWARDED)).toMatch(/^https:\/\/studio\.example\.org\/images\/[a-z0-9_]+\.jpg$/);
  });

  it('takes the first of a chain of proxies, and ignores values that are not a scheme or a host name', async () => {
    const chained = await imageUrl(engine, { 'X-Forwarded-Proto': 'https, http', 'X-Forwarded-Host': 'studio.example.org, inner:8080' });
    expect(chained.startsWith('https://studio.example.org/')).toBe(true);
    const bogus = await imageUrl(engine, { 'X-Forwarded-Proto': 'javascript', 'X-Forwarded-Host': 'evil.example/<script>' });
    expect(bogus.startsWith(`${engine.url}/images/`)).toBe(true);
  });

  it("takes the studio's page at the proxy's address as its own origin", async () => {
    expect(await imageUrl(engine, { ...FORWARDED, Origin: 'https://studio.example.org' })).toMatch(/^https:\/\/studio\.example\.org\//);
  });
});

describe('without it', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine();
  });
  afterAll(() => engine.dispose());

  it('ignores X-Forwarded-* headers, which any client can send', async () => {
    expect((await imageUrl(engine, FORWARDED)).startsWith(`${engine.url}/images/`)).toBe(true);
  });

  it('refuses a page at the address a client claims to be forwarded from', async () => {
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'a quiet pier' }, {
      headers: { 'Content-Type': 'application/json', ...FORWARDED, Origin: 'https://studio.example.org' },
    });
    expect(res.status).toBe(403);
  });
});
