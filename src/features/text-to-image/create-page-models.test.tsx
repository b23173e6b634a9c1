import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import '../../test/fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ASPECT_RATIOS, type EngineModel } from '../../api/contract';
import { galleryStore } from '../../gallery-store/use-gallery';
import { startRunQueue } from '../../run-queue/start-run-queue';
import { useRecipeModels } from '../../widgets/model-picker/recipe-model';
import { useCreateForm } from './create-form-store';
import CreatePage from './create-page';

const model = (id: string, label: string, differences: Partial<EngineModel> = {}): EngineModel => ({
  id,
  label,
  backend: id.slice(0, id.indexOf(':')),
  operations: ['text-to-image', 'image-to-image'],
  aspectRatios: [...ASPECT_RATIOS],
  stylePresets: true,
  negativePrompt: true,
  seed: true,
  strength: true,
  maxBatch: 4,
  ...differences,
});
const DREAMSHAPER = 'a1111:dreamshaper_8.safetensors [879db523c3]';
const engine = {
  engine: 'gateway',
  allowedOrigins: [],
  backends: [
    { id: 'a1111', label: 'AUTOMATIC1111', ready: true },
    { id: 'openai', label: 'OpenAI', ready: true },
    { id: 'local', label: 'Local preview', ready: true },
  ],
  models: [
    model(DREAMSHAPER, 'dreamshaper_8'),
    model('openai:dall-e-2', 'dall-e-2', { operations: ['text-to-image'], aspectRatios: ['1:1'], stylePresets: false, negativePrompt: false, seed: false, strength: false, maxBatch: 1 }),
    model('local:preview', 'Local preview (procedural art, not AI)', { operations: ['text-to-image', 'image-to-image', 'image-to-video'] }),
  ],
};

const requests: Array<Record<string, unknown>> = [];
const server = setupServer(
  http.get('*/engine.json', () => HttpResponse.json(engine)),
  http.post('*/api/generate', async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    requests.push(body);
    return HttpResponse.json({ success: true, image_url: `http://localhost/images/g_${String(body.seed)}.png`, seed: body.seed, model: body.model ?? DREAMSHAPER });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
let stopQueue: () => void;
beforeEach(() => {
  stopQueue = startRunQueue();
});
afterEach(async () => {
  stopQueue();
  await galleryStore.getState().remove(galleryStore.getState().items.map((item) => item.id));
  requests.length = 0;
  useCreateForm.setState(useCreateForm.getInitialState(), true);
  useRecipeModels.setState({ waiting: {}, notices: {} });
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <CreatePage />
    </QueryClientProvider>,
  );
}

const picker = () => screen.findByRole('combobox', { name: 'Model' });

async function generate(user: ReturnType<typeof userEvent.setup>, prompt: string) {
  await user.type(screen.getByRole('textbox', { name: 'Prompt' }), prompt);
  await user.click(screen.getByRole('button', { name: /Generate/ }));
  await screen.findAllByRole('img', { name: prompt });
}

describe('Create with several models', () => {
  it("offers the engine's text-to-image models, grouped by backend, the engine's first chosen, and sends none until one is picked", async () => {
    const user = userEvent.setup();
    renderPage();
    const select = await picker();
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['dreamshaper_8', 'dall-e-2', 'Local preview (procedural art, not AI)']);
    expect(within(select).getAllByRole('group').map((g) => g.getAttribute('label'))).toEqual(['AUTOMATIC1111', 'OpenAI', 'Local preview']);
    expect((select as HTMLSelectElement).value).toBe(DREAMSHAPER);
    await generate(user, 'a default fox');
    expect(requests[0]).not.toHaveProperty('model');
    // The answer names the model that made it, and the gallery item records it.
    await waitFor(() => expect(galleryStore.getState().items[0]).toMatchObject({ status: 'ready', model: DREAMSHAPER }));
  });

  it('sends the picked model, remembers it, and hides or explains what that model cannot take', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(screen.getAllByRole('radio', { name: /^(1:1|16:9|4:3|9:16|3:4)/ })).toHaveLength(5);
    await user.selectOptions(await picker(), 'dall-e-2');
    expect(useCreateForm.getState().model).toBe('openai:dall-e-2');
    expect(screen.getByText(/takes no style presets/)).toBeTruthy();
    expect(screen.queryByRole('radio', { name: 'Anime' })).toBeNull();
    expect(screen.getAllByRole('radio', { name: /^(1:1|16:9|4:3|9:16|3:4)/ }).map((r) => r.getAttribute('value'))).toEqual(['1:1']);
    expect(screen.getByRole('radio', { name: /1:1/ })).toHaveProperty('checked', true);
    expect(within(screen.getByRole('group', { name: 'Images per run' })).getAllByRole('radio')).toHaveLength(1);
    await user.click(screen.getByText('More options'));
    expect(screen.queryByRole('textbox', { name: 'Negative prompt' })).toBeNull();
    expect(screen.getByText(/takes no negative prompt/)).toBeTruthy();
    expect(screen.getByText(/takes no seed/)).toBeTruthy();
    await generate(user, 'a square fox');
    expect(requests[0]).toMatchObject({ model: 'openai:dall-e-2', aspect_ratio: '1:1' });
    await waitFor(() => expect(galleryStore.getState().items[0]).toMatchObject({ status: 'ready', model: 'openai:dall-e-2' }));
  });

  it('falls back to the default for a remembered model the engine no longer offers, says so, and never sends it', async () => {
    const user = userEvent.setup();
    useCreateForm.getState().update({ model: 'a1111:deleted.safetensors' });
    renderPage();
    expect((await screen.findByRole('status')).textContent).toBe(
      'The model chosen here before, “a1111:deleted.safetensors”, is not offered by this engine now: dreamshaper_8 (AUTOMATIC1111), its default, is used instead.',
    );
    expect(((await picker()) as HTMLSelectElement).value).toBe(DREAMSHAPER);
    await generate(user, 'a fallback fox');
    expect(requests[0]).not.toHaveProperty('model');
  });

  it("offers the closest model for a recipe's model this engine lacks, with a notice, and sends that one", async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', `/?prompt=${encodeURIComponent('a recipe fox')}&model=${encodeURIComponent('local:flux-dev')}`);
    renderPage();
    expect((await screen.findByRole('status')).textContent).toMatch(/made with “local:flux-dev”, which this engine does not offer: Local preview \(procedural art, not AI\), the closest it has/);
    await waitFor(async () => expect(((await picker()) as HTMLSelectElement).value).toBe('local:preview'));
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    await screen.findAllByRole('img', { name: 'a recipe fox' });
    expect(requests[0]).toMatchObject({ video_description: 'a recipe fox', model: 'local:preview' });
  });
});
