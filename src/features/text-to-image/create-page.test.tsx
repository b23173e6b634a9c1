import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import '../../test/fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { galleryStore } from '../../gallery-store/use-gallery';
import { startRunQueue } from '../../run-queue/start-run-queue';
import { saveWildcardLists } from '../../prompt-library/wildcard-lists';
import { loadPromptHistory } from '../../widgets/prompt-tools/prompt-history-access';
import { engineModel as model } from '../../test/engine-models';
import { usePageModels } from '../../api/page-model';
import { useCreateForm } from './create-form-store';
import CreatePage from './create-page';

const requests: Array<Record<string, unknown>> = [];
const server = setupServer(
  http.post('*/api/generate', async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    requests.push(body);
    if (body.video_description === 'fail please') return HttpResponse.json({ error: 'style_preset must be one of …' }, { status: 400 });
    return HttpResponse.json({ success: true, message: 'ok', image_url: `http://localhost/images/g_${String(body.seed)}.png`, seed: body.seed });
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
  server.resetHandlers();
  requests.length = 0;
  useCreateForm.setState(useCreateForm.getInitialState(), true);
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

describe('Create page', () => {
  it('generates from the prompt and shows the result with its seed', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'a red fox');
    expect(screen.getByText('9 / 10,000')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Anime' }));
    await user.click(screen.getByRole('radio', { name: /1:1/ }));
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    const image = await screen.findByRole('img', { name: 'a red fox' });
    expect(image.getAttribute('src')).toMatch(/^http:\/\/localhost\/images\/g_\d+\.png$/);
    expect(requests).toEqual([
      { video_description: 'a red fox', negative_prompt: '', style_preset: 'anime', aspect_ratio: '1:1', output_format: 'png', seed: expect.any(Number) },
    ]);
  });

  it('refuses an empty prompt with a message, sending nothing', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    expect(screen.getByText(/Write a prompt first/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Prompt' }).getAttribute('aria-invalid')).toBe('true');
    expect(requests).toHaveLength(0);
  });

  it('runs a batch of four with distinct seeds on Ctrl+Enter', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('radio', { name: '4' }));
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'dunes{Control>}{Enter}{/Control}');
    expect(await screen.findAllByRole('img', { name: 'dunes' })).toHaveLength(4);
    expect(new Set(requests.map((r) => r.seed)).size).toBe(4);
  });

  it('repeats a locked seed exactly', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByText('More options'));
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    await user.clear(seed);
    await user.type(seed, '1234');
    expect(screen.getByRole('button', { name: 'Seed locked' }).getAttribute('aria-pressed')).toBe('true');
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'moon');
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    expect(await screen.findAllByRole('img', { name: 'moon' })).toHaveLength(2);
    expect(requests.map((r) => r.seed)).toEqual([1234, 1234]);
  });

  it('shows a server error on its own card with Retry', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'fail please');
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('style_preset must be one of …')).toBeTruthy();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect.poll(() => requests.length).toBe(2);
  });

  it('says how many runs a template makes, then sends one per combination and keeps the template on each', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('radio', { name: '2' }));
    await user.click(screen.getByRole('textbox', { name: 'Prompt' }));
    await user.paste('{a|b} {c|d}');
    expect(await screen.findByText('8 runs')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: '1' }));
    expect(await screen.findByText('4 runs')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    await expect.poll(() => requests.length).toBe(4);
    expect(requests.map((r) => r.video_description).sort()).toEqual(['a c', 'a d', 'b c', 'b d']);
    expect(new Set(requests.map((r) => r.seed)).size).toBe(1);
    const items = galleryStore.getState().items;
    expect(items.map((item) => item.kind === 'image' && item.template)).toEqual(Array(4).fill('{a|b} {c|d}'));
  });

  it('draws wildcards from the lists in Settings and refuses an unknown one, naming it', async () => {
    saveWildcardLists([{ name: 'colour', entries: ['teal', 'ochre'] }]);
    const user = userEvent.setup();
    renderPage();
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    await user.click(prompt);
    await user.paste('__nope__ car');
    expect(await screen.findByText(/There is no wildcard list named “nope”/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    expect(prompt.getAttribute('aria-invalid')).toBe('true');
    expect(requests).toHaveLength(0);
    await user.clear(prompt);
    await user.paste('__colour__ car');
    expect(await screen.findByText(/drawing from colour/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    await expect.poll(() => requests.length).toBe(1);
    expect(requests[0].video_description).toMatch(/^(teal|ochre) car$/);
  });

  it('refuses more than 100 runs, naming the count and the cap', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('radio', { name: '4' }));
    await user.click(screen.getByRole('textbox', { name: 'Prompt' }));
    await user.paste('{a|b|c|d|e|f} {g|h|i|j|k}');
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    expect((await screen.findAllByText(/This prompt makes 120 runs \(30 combinations × 4 images per run\); at most 100 can go at once/)).length).toBeGreaterThan(0);
    expect(requests).toHaveLength(0);
  });

  it('recalls earlier prompts with the Up arrow, and with their style from the History list', async () => {
    const user = userEvent.setup();
    renderPage();
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    await user.type(prompt, 'first recalled');
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    await user.click(screen.getByRole('radio', { name: 'Anime' }));
    await user.clear(prompt);
    await user.type(prompt, 'second recalled');
    await user.click(screen.getByRole('button', { name: /Generate/ }));
    await expect.poll(async () => (await (await loadPromptHistory()).recent()).slice(0, 2).map((entry) => entry.prompt)).toEqual(['second recalled', 'first recalled']);
    await user.click(screen.getByRole('radio', { name: 'Pixel art' }));
    await user.clear(prompt);
    await user.keyboard('{ArrowUp}');
    await expect.poll(() => (prompt as HTMLTextAreaElement).value).toBe('second recalled');
    await user.keyboard('{ArrowUp}');
    expect((prompt as HTMLTextAreaElement).value).toBe('first recalled');
    expect((screen.getByRole('radio', { name: 'None' }) as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect((prompt as HTMLTextAreaElement).value).toBe('');
    expect((screen.getByRole('radio', { name: 'Pixel art' }) as HTMLInputElement).checked).toBe(true);

    // jsdom has no modal dialogs: open it as a plain one.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
    };
    await user.click(await screen.findByRole('button', { name: 'History' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prompt history' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search history' }), 'second');
    await user.click(await within(dialog).findByRole('button', { name: 'second recalled' }));
    expect((prompt as HTMLTextAreaElement).value).toBe('second recalled');
    expect((screen.getByRole('radio', { name: 'Anime' }) as HTMLInputElement).checked).toBe(true);
  });

  it('keeps the prompt across a remount, as across a reload', async () => {
    const user = userEvent.setup();
    const { unmount } = renderPage();
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'keep me');
    unmount();
    expect(JSON.parse(localStorage.getItem('aiart.create-form')!).state.prompt).toBe('keep me');
    renderPage();
    expect((screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value).toBe('keep me');
  });
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

const picker = () => screen.findByRole('combobox', { name: 'Model' });

async function generate(user: ReturnType<typeof userEvent.setup>, prompt: string) {
  await user.type(screen.getByRole('textbox', { name: 'Prompt' }), prompt);
  await user.click(screen.getByRole('button', { name: /Generate/ }));
  await screen.findAllByRole('img', { name: prompt });
}

describe('Create with several models', () => {
  beforeEach(() => {
    server.use(
      http.get('*/engine.json', () => HttpResponse.json(engine)),
      // The engine names the model that made each picture, its default when none was asked for.
      http.post('*/api/generate', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        requests.push(body);
        return HttpResponse.json({ success: true, image_url: `http://localhost/images/g_${String(body.seed)}.png`, seed: body.seed, model: body.model ?? DREAMSHAPER });
      }),
    );
  });
  afterEach(() => {
    usePageModels.setState({ recipeWaiting: {}, recipeNotices: {} });
    window.history.replaceState(null, '', '/');
  });

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
