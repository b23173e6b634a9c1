import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { useBackendStore } from './backend';
import { type GenerateParams, generateImage } from './generate-image';

const BASE = 'http://backend.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const params: GenerateParams = { video_description: 'x', negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: 42 };

it('treats the hosted stock-image answer as a failed generation', async () => {
  server.use(http.post(`${BASE}/api/generate`, () => HttpResponse.json({ success: true, image_url: `${BASE}/test_assets/x.png`, folder: 'test_assets' })));
  const error = await generateImage(BASE, params).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ kind: 'placeholder' });
});

it('keeps the seed it sent when the server does not report one, and marks the backend awake', async () => {
  server.use(http.post(`${BASE}/api/generate`, () => HttpResponse.json({ success: true, image_url: `${BASE}/images/a.png` })));
  expect(useBackendStore.getState().awake[BASE]).toBeUndefined();
  expect(await generateImage(BASE, params)).toEqual({ imageUrl: `${BASE}/images/a.png`, seed: 42 });
  expect(useBackendStore.getState().awake[BASE]).toBe(true);
});
