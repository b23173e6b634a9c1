/**
 * The run queue in the slow world: an engine that takes seconds a picture, rate limits, restarts
 * and goes out of reach. Whatever the creator does meanwhile (leave the page, reload, close it,
 * go offline, open a second tab), every run ends ready with its media kept, or as they chose.
 */
import { expect, type LoggedRequest, test } from './fixtures';
import { CreatePageObject } from './pages/create-page';
import { QueuePanelObject } from './pages/queue-panel';
import { allKept, keptItems } from './support/kept-items';

const SLOW = { AIART_LATENCY_MS: '3000' };
const generated = (log: LoggedRequest[]) => log.filter((line) => line.method === 'POST' && line.path === '/api/generate');

test.describe.configure({ timeout: 90_000 });

test('a run started on Create finishes while the creator is in the Gallery, its picture kept', async ({ page, createPage, galleryPage, queuePanel, startQuirkyEngine }) => {
  const engine = await startQuirkyEngine(SLOW);
  await createPage.goto(engine.url);
  await createPage.prompt.fill('Harbour at dawn');
  await createPage.generateButton.click();
  await expect(createPage.results.first().getByRole('status')).toContainText('Generating');
  await page.getByRole('link', { name: 'Gallery' }).click();
  await expect(queuePanel.indicator).toHaveAccessibleName('Queue: 0 queued, 1 running');
  await expect(galleryPage.cell(/Harbour at dawn/).locator('img')).toHaveAttribute('src', /^blob:/, { timeout: 20_000 });
  await expect.poll(() => allKept(page)).toBe('ready:kept');
  await expect(queuePanel.indicator).toHaveAccessibleName('Queue: 0 queued, 0 running');
});

test('a reload mid-run sends the run again and it finishes; so does closing the page and opening a new one', async ({ page, context, createPage, startQuirkyEngine }) => {
  const engine = await startQuirkyEngine(SLOW);
  await createPage.goto(engine.url);
  await createPage.prompt.fill('Lanterns on a lake');
  await createPage.generateButton.click();
  await expect(createPage.results.first().getByRole('status')).toContainText('Generating');
  await page.reload();
  const card = createPage.results.first();
  await expect(card).toContainText('Sent again: the page was closed while it was running.');
  await expect(createPage.images()).toHaveCount(1, { timeout: 20_000 });
  await expect.poll(() => allKept(page)).toBe('ready:kept');

  await createPage.prompt.fill('Lanterns on a river');
  await createPage.generateButton.click();
  await expect(createPage.results.first().getByRole('status')).toContainText('Generating');
  await page.close();
  const next = await context.newPage();
  const again = new CreatePageObject(next);
  await again.goto(engine.url);
  await expect(again.results.first()).toContainText('Sent again: the page was closed while it was running.');
  await expect(again.images()).toHaveCount(1, { timeout: 20_000 });
  await expect.poll(() => allKept(next)).toBe('ready:kept ready:kept');
});

test('going offline while the answer arrives loses nothing: back online, the picture is kept and shown', async ({ page, context, createPage, startQuirkyEngine }) => {
  const engine = await startQuirkyEngine(SLOW);
  await createPage.goto(engine.url);
  await createPage.prompt.fill('Rain on a tin roof');
  await createPage.generateButton.click();
  const card = createPage.results.first();
  await expect(card.getByRole('status')).toContainText('Generating');
  await context.setOffline(true);
  // The answer arrives while offline: the run is done, but its picture cannot be fetched yet.
  await expect.poll(() => allKept(page), { timeout: 10_000 }).toBe('ready:not-kept');
  await expect.poll(() => createPage.images().first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(0);
  await createPage.prompt.fill('Rain on a glass roof');
  await createPage.generateButton.click();
  await expect(createPage.results.first().getByRole('status')).toContainText('Offline: waits for the connection to come back');
  await context.setOffline(false);
  await expect(createPage.images()).toHaveCount(2, { timeout: 20_000 });
  await expect(createPage.images().last()).toHaveAttribute('src', /^blob:/);
  expect(await createPage.naturalSize(createPage.images().last())).toEqual({ width: 1344, height: 768 });
  await expect.poll(() => allKept(page)).toBe('ready:kept ready:kept');
});

test('ten runs against a limit of three per window all end ready, with at most one 429 per window', async ({ page, createPage, queuePanel, startQuirkyEngine }) => {
  const windowSeconds = 4;
  const engine = await startQuirkyEngine({ AIART_LATENCY_MS: '300', AIART_RATE_LIMIT: '3', AIART_RATE_WINDOW_SECONDS: String(windowSeconds) });
  // As for the hosted service: one run at a time, so no second request is already out when a 429 comes.
  await page.goto(`${engine.url}/settings`);
  await page.getByRole('spinbutton', { name: 'Runs at once on this server or a custom backend' }).fill('1');
  await page.getByRole('link', { name: 'Create' }).click();
  await createPage.pickAspectRatio('1:1');
  await createPage.prompt.fill('Paper boats');
  await createPage.pickBatch(4);
  await createPage.generateButton.click();
  await createPage.generateButton.click();
  await createPage.pickBatch(2);
  await createPage.generateButton.click();
  await expect(createPage.results.getByRole('status').filter({ hasText: /^Rate limited: next in \d+ s$/ }).first()).toBeVisible({ timeout: 15_000 });
  await queuePanel.open();
  await expect(queuePanel.panel.getByText(/Rate limited: next in \d+ s/).first()).toBeVisible();
  await queuePanel.panel.getByRole('button', { name: 'Close' }).click();
  await expect(createPage.images()).toHaveCount(10, { timeout: 60_000 });
  const answers = generated(engine.log);
  const limited = answers.filter((line) => line.status === 429).map((line) => Date.parse(line.time));
  expect(answers.filter((line) => line.status === 200)).toHaveLength(10);
  expect(limited.length).toBeGreaterThanOrEqual(1);
  for (let i = 1; i < limited.length; i++) expect(limited[i] - limited[i - 1]).toBeGreaterThan(windowSeconds * 1000 - 500);
  await expect.poll(() => allKept(page), { timeout: 20_000 }).toBe(Array(10).fill('ready:kept').join(' '));
});

test('cancel one queued and one running run from the queue panel; the others finish', async ({ page, createPage, queuePanel, startQuirkyEngine }) => {
  const engine = await startQuirkyEngine(SLOW);
  await createPage.goto(engine.url);
  await createPage.prompt.fill('Owls in a barn');
  await createPage.pickBatch(4);
  await createPage.generateButton.click();
  await queuePanel.open();
  const rows = queuePanel.panel.getByRole('listitem');
  await expect(rows).toHaveCount(4);
  await expect(queuePanel.panel.getByRole('heading', { name: 'This server: 3 running, 1 queued' })).toBeVisible();
  await expect(rows.last()).toContainText(/Queued: next in line/);
  await rows.last().getByRole('button', { name: 'Cancel' }).click();
  await rows.first().getByRole('button', { name: 'Cancel' }).click();
  await expect(queuePanel.panel.getByRole('heading', { name: 'This server: 2 running, 0 queued' })).toBeVisible();
  const ended = queuePanel.panel.getByRole('region', { name: 'Ended without a result' }).getByRole('listitem');
  await expect(ended).toHaveCount(2);
  await queuePanel.panel.getByRole('button', { name: 'Close' }).click();
  await expect(createPage.images()).toHaveCount(2, { timeout: 20_000 });
  await expect(createPage.results.getByRole('alert').filter({ hasText: 'Cancelled' })).toHaveCount(2);
  await expect.poll(() => allKept(page)).toBe('cancelled:not-kept cancelled:not-kept ready:kept ready:kept');
  expect(generated(engine.log).length).toBeLessThanOrEqual(3);
  await expect(queuePanel.indicator).toHaveAccessibleName('Queue: 0 queued, 0 running');
});

test('the engine restarts mid-run: the runs sent meanwhile wait for it and finish once it is back', async ({ page, createPage, startQuirkyEngine }) => {
  const engine = await startQuirkyEngine({ AIART_LATENCY_MS: '1500' });
  await createPage.goto(engine.url);
  await createPage.prompt.fill('Kites over dunes');
  await createPage.generateButton.click();
  await expect(createPage.results.first().getByRole('status')).toContainText('Generating');
  await engine.restart(async () => {
    await createPage.prompt.fill('Kites over a beach');
    await createPage.generateButton.click();
    await expect(createPage.results.first()).toContainText(/not answering|Could not reach the server/, { timeout: 15_000 });
  });
  await expect(createPage.images()).toHaveCount(2, { timeout: 45_000 });
  await expect.poll(() => allKept(page), { timeout: 20_000 }).toBe('ready:kept ready:kept');
});

test('two tabs open: the engine receives each run exactly once, and both tabs show every result', async ({ context, createPage, startQuirkyEngine }) => {
  const engine = await startQuirkyEngine({ AIART_LATENCY_MS: '1000' });
  await createPage.goto(engine.url);
  await expect(new QueuePanelObject(createPage.page).indicator).toBeVisible();
  const second = await context.newPage();
  const other = new CreatePageObject(second);
  await other.goto(engine.url);
  await other.prompt.fill('Two tabs, one queue');
  await other.pickBatch(4);
  await other.generateButton.click();
  await createPage.prompt.fill('From the first tab');
  await createPage.generateButton.click();
  await expect(other.images()).toHaveCount(5, { timeout: 30_000 });
  await expect(createPage.images()).toHaveCount(5, { timeout: 30_000 });
  await expect.poll(() => allKept(second), { timeout: 20_000 }).toBe(Array(5).fill('ready:kept').join(' '));
  const sent = generated(engine.log);
  expect(sent).toHaveLength(5);
  const items = await keptItems(second);
  expect(items.filter((item) => item.prompt === 'Two tabs, one queue')).toHaveLength(4);
});
