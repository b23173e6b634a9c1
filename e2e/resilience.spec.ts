/** The studio against an engine that fails like the hosted service: it ends in images or clear errors. */
import { expect, test } from './fixtures';

test('injected 500s and 429s are retried until every image of the batch arrives', async ({ createPage, startQuirkyEngine, page }) => {
  const { url: origin } = await startQuirkyEngine({ AIART_FAILURE_RATE: '0.34', AIART_RATE_LIMIT: '3', AIART_RATE_WINDOW_SECONDS: '5' });
  const failures: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/generate') && response.status() >= 400) failures.push(response.status());
  });
  await createPage.goto(origin);
  await createPage.prompt.fill('Storm over the harbour');
  await createPage.pickBatch(4);
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(4, { timeout: 45_000 });
  expect(failures).toContain(500);
  expect(failures).toContain(429);
});

test('a backend that keeps failing ends in a clear error on the card, with Retry', async ({ createPage, startQuirkyEngine, page }) => {
  const { url: origin } = await startQuirkyEngine({ AIART_FAILURE_RATE: '1' });
  await createPage.goto(origin);
  await createPage.prompt.fill('Never arrives');
  await createPage.generateButton.click();
  const card = createPage.results.first();
  await expect(card.getByText(/Attempt 2 after: Injected server error/)).toBeVisible();
  const alert = card.getByRole('alert');
  await expect(alert).toContainText('Generation failed', { timeout: 40_000 });
  await expect(alert).toContainText('Gave up after 5 attempts. The last one failed: Injected server error (AIART_FAILURE_RATE)');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue('Never arrives');
});

test("the hosted service's stock-image answer is shown as a failure, not as a result", async ({ createPage, startQuirkyEngine }) => {
  const { url: origin } = await startQuirkyEngine({ AIART_PLACEHOLDER_RATE: '1' });
  await createPage.goto(origin);
  await createPage.prompt.fill('Placeholder please');
  await createPage.generateButton.click();
  await expect(createPage.results.first().getByRole('alert')).toContainText('stock image instead of your picture', { timeout: 30_000 });
  await expect(createPage.images()).toHaveCount(0);
});
