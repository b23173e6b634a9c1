import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { declineAccessToken, giveAccessToken, useAccessTokens } from './access-token';
import { ApiError } from './api-error';
import { callBackend } from './call-backend';
import { imageResponseSchema } from './contract';
import { STORAGE_KEYS } from '../lib/storage-keys';

const ENGINE = 'http://engine.test';
const OTHER = 'http://other.test';
const TOKEN = 's3cret-Token_1';
const server = setupServer();
const seen: Array<{ url: string; authorization: string | null }> = [];

/** An engine that wants TOKEN, as the real one answers without it or with a wrong one. */
function gatedEngine(base: string) {
  return http.post(`${base}/api/generate`, ({ request }) => {
    const authorization = request.headers.get('authorization');
    seen.push({ url: request.url, authorization });
    if (authorization === `Bearer ${TOKEN}`) return HttpResponse.json({ success: true, image_url: `${base}/images/a.png`, seed: 1 });
    const error = authorization ? 'The access token is wrong: send the value of AIART_ACCESS_TOKEN as "Authorization: Bearer <token>".' : 'This engine needs its access token.';
    return HttpResponse.json({ error, error_type: 'access_token' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="aiart"' } });
  });
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
  declineAccessToken();
  useAccessTokens.setState({ tokens: {}, asking: undefined });
});
afterAll(() => server.close());

const generate = (baseUrl = ENGINE) => callBackend({ baseUrl, path: '/api/generate', body: { video_description: 'x' }, schema: imageResponseSchema });
const asked = () => vi.waitFor(() => expect(useAccessTokens.getState().asking).toBeDefined());

describe('the access token', () => {
  it('is asked for once however many calls need it, kept, and sent as a bearer token to that engine only', async () => {
    server.use(gatedEngine(ENGINE), gatedEngine(OTHER));
    const calls = [generate(), generate(), generate()];
    await asked();
    expect(useAccessTokens.getState().asking).toEqual({ baseUrl: ENGINE, wrong: false });
    giveAccessToken(TOKEN);
    expect((await Promise.all(calls)).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(seen.filter((r) => r.authorization === `Bearer ${TOKEN}`)).toHaveLength(3);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.accessTokens)!).state.tokens).toEqual({ [ENGINE]: TOKEN });

    const elsewhere = generate(OTHER);
    await asked();
    expect(seen.at(-1)).toEqual({ url: `${OTHER}/api/generate`, authorization: null });
    declineAccessToken();
    await expect(elsewhere).rejects.toThrow(/needs its access token/);
  });

  it('forgets a refused token and asks again, saying it was wrong', async () => {
    server.use(gatedEngine(ENGINE));
    useAccessTokens.setState({ tokens: { [ENGINE]: 'stale-token' } });
    const call = generate();
    await asked();
    expect(useAccessTokens.getState()).toMatchObject({ asking: { baseUrl: ENGINE, wrong: true }, tokens: {} });
    giveAccessToken(TOKEN);
    expect((await call).data.image_url).toBe(`${ENGINE}/images/a.png`);
    expect(seen.map((r) => r.authorization)).toEqual(['Bearer stale-token', `Bearer ${TOKEN}`]);
  });

  it('fails the call in plain words when the person declines', async () => {
    server.use(gatedEngine(ENGINE));
    const call = generate();
    await asked();
    declineAccessToken();
    const error = await call.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, type: 'access_token', message: expect.stringMatching(/needs its access token .* retry to enter it/) });
    expect(seen).toHaveLength(1);
  });

  it('is not asked for when a backend refused the engine\u2019s own key: that is the engine\u2019s message to show', async () => {
    const message = "AUTOMATIC1111 refused the engine's credentials (HTTP 401): check AIART_A1111_AUTH.";
    server.use(http.post(`${ENGINE}/api/generate`, () => HttpResponse.json({ error: message, error_type: 'backend_credentials' }, { status: 401 })));
    const error = await generate().then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ status: 401, type: 'backend_credentials', message });
    expect(useAccessTokens.getState().asking).toBeUndefined();
  });

  it('keeps only token-shaped values read back from storage', async () => {
    localStorage.setItem(STORAGE_KEYS.accessTokens, JSON.stringify({ state: { tokens: { '': 'fine-token', [OTHER]: 'has spaces in it', x: 42, y: 'a'.repeat(5000) } }, version: 1 }));
    await useAccessTokens.persist.rehydrate();
    expect(useAccessTokens.getState().tokens).toEqual({ '': 'fine-token' });
  });
});
