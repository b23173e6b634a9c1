import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useBackendStore } from '../../api/backend';
import type { Operation } from '../../api/contract';
import { fetchEngineInfo } from '../../api/engine-info';
import { usePageModels } from '../../api/page-model';
import { apiKeys } from '../../api/query-keys';
import { engineModel } from '../../test/engine-models';
import { ModelPicker } from './model-picker';

const backends = [
  { id: 'a1111', label: 'AUTOMATIC1111', ready: true },
  { id: 'openai', label: 'OpenAI', ready: true },
];
let models = [engineModel('a1111:dreamshaper_8', 'dreamshaper_8'), engineModel('openai:dall-e-3', 'dall-e-3', { operations: ['text-to-image'] })];
const server = setupServer(http.get('*/engine.json', () => HttpResponse.json({ engine: 'gateway', allowedOrigins: [], backends, models })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => usePageModels.setState({ byOperation: {}, shown: undefined, recipeWaiting: {}, recipeNotices: {} }));
afterAll(() => server.close());

async function renderPicker(operation: Operation) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The engine's list is read before the picker shows, as it is once the studio has started.
  await client.fetchQuery({ queryKey: apiKeys.engineInfo(''), queryFn: () => fetchEngineInfo() });
  return render(
    <QueryClientProvider client={client}>
      <ModelPicker operation={operation} value="" onChange={() => undefined} />
    </QueryClientProvider>,
  );
}

describe('the model picker', () => {
  it('says why a page cannot run when no model does its operation', async () => {
    await renderPicker('image-to-video');
    expect((await screen.findByRole('note')).textContent).toBe(
      'None of this server\u2019s models can make videos (it offers AUTOMATIC1111, OpenAI), so this page cannot run here. Settings names the backend in use.',
    );
    expect(usePageModels.getState().byOperation['image-to-video']).toMatchObject({ available: false });
  });

  it('shows no choice when one model does the operation, but names it for the badge', async () => {
    await renderPicker('image-to-image');
    await waitFor(() => expect(usePageModels.getState().shown?.id).toBe('a1111:dreamshaper_8'));
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('offers nothing while the studio uses a backend elsewhere, which lists no models', async () => {
    useBackendStore.getState().choose('hosted');
    await renderPicker('text-to-image');
    await waitFor(() => expect(usePageModels.getState().byOperation['text-to-image']).toBeDefined());
    expect(usePageModels.getState().byOperation['text-to-image']).toMatchObject({ offered: [], available: true });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(usePageModels.getState().shown).toBeUndefined();
  });

  it('stops naming its model once the page is gone', async () => {
    models = [...models, engineModel('local:preview', 'Local preview')];
    const { unmount } = await renderPicker('text-to-image');
    expect(await screen.findByRole('combobox', { name: 'Model' })).toBeTruthy();
    unmount();
    expect(usePageModels.getState()).toMatchObject({ byOperation: { 'text-to-image': undefined }, shown: undefined });
  });
});
