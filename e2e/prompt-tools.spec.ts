/** Prompt history, combinations and keyboard shortcuts, against the real local engine. */
import { expect, test } from './fixtures';
import { testPhoto } from './pages/image-input';
import { keptPrompts } from './support/kept-prompts';

test('a template says how many runs it makes, queues one per combination, and the gallery finds it by the template', async ({ createPage, galleryPage, page }) => {
  await createPage.goto();
  await createPage.pickAspectRatio('1:1');
  await createPage.prompt.fill('{red|blue} {fox|owl} in snow');
  await expect(page.getByText('4 runs', { exact: true })).toBeVisible();
  await expect(page.getByText('· 4 combinations × 1 image each')).toBeVisible();
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(4);
  const alts = await createPage.images().evaluateAll((images) => images.map((image) => image.getAttribute('alt')).sort());
  expect(alts).toEqual(['blue fox in snow', 'blue owl in snow', 'red fox in snow', 'red owl in snow']);

  await galleryPage.goto();
  await expect(galleryPage.cells()).toHaveCount(4);
  await galleryPage.search.fill('{red|blue} {fox|owl}');
  await expect(galleryPage.cells()).toHaveCount(4);
  await galleryPage.search.fill('{red|green}');
  await expect(page.getByRole('heading', { name: 'Nothing matches these filters' })).toBeVisible();
  await galleryPage.search.fill('blue owl');
  await galleryPage.cell(/blue owl in snow/).click();
  await expect(galleryPage.detail).toContainText('{red|blue} {fox|owl} in snow');
});

test('refuses a prompt over the cap, naming the count and the cap, and an unknown wildcard, naming it', async ({ createPage, page }) => {
  await createPage.goto();
  await createPage.pickBatch(4);
  await createPage.prompt.fill('{a|b|c|d|e|f} {g|h|i|j|k} __nowhere__');
  await expect(page.getByText(/There is no wildcard list named “nowhere”/)).toBeVisible();
  await createPage.prompt.fill('{a|b|c|d|e|f} {g|h|i|j|k}');
  const refusal = 'This prompt makes 120 runs (30 combinations × 4 images per run); at most 100 can go at once. Remove some choices or lower Images per run.';
  await expect(page.getByText(refusal)).toBeVisible();
  await createPage.generateButton.click();
  await expect(createPage.prompt).toHaveAttribute('aria-invalid', 'true');
  await expect(createPage.results).toHaveCount(0);
});

test('draws a wildcard from a list kept in Settings', async ({ createPage, page }) => {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'New list' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Colour');
  await page.getByRole('textbox', { name: 'Entries, one per line' }).fill('teal\n\nochre\n');
  await page.getByRole('button', { name: 'Save list' }).click();
  await expect(page.getByRole('list', { name: 'Your wildcard lists' })).toContainText('2 entries: teal, ochre');

  await createPage.goto();
  await createPage.prompt.fill('a __colour__ kite');
  await expect(page.getByText(/drawing from colour by each run's seed/)).toBeVisible();
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveAttribute('alt', /^a (teal|ochre) kite$/);
});

test('picks an earlier prompt with the Up arrow and from the History list', async ({ createPage, promptHistory, page }) => {
  await createPage.goto();
  await createPage.pickStyle('Anime');
  await createPage.prompt.fill('A harbour at dawn');
  await createPage.generateButton.click();
  await createPage.pickStyle('None');
  await createPage.prompt.fill('A desert at noon');
  await createPage.generateButton.click();
  await expect.poll(() => keptPrompts(page)).toEqual(['A desert at noon', 'A harbour at dawn']);

  await createPage.prompt.fill('');
  await createPage.prompt.press('ArrowUp');
  await expect(createPage.prompt).toHaveValue('A desert at noon');
  await createPage.prompt.press('ArrowUp');
  await expect(createPage.prompt).toHaveValue('A harbour at dawn');
  await expect(page.getByRole('radio', { name: 'Anime' })).toBeChecked();
  await createPage.prompt.press('ArrowDown');
  await createPage.prompt.press('ArrowDown');
  await expect(createPage.prompt).toHaveValue('');
  await expect(page.getByRole('radio', { name: 'None' })).toBeChecked();

  await promptHistory.open();
  await expect(promptHistory.search).toBeFocused();
  expect(await promptHistory.prompts()).toEqual(['A desert at noon', 'A harbour at dawn']);
  await promptHistory.entry('A harbour at dawn').getByRole('button', { name: 'Pin' }).click();
  await expect(promptHistory.entry('A harbour at dawn').getByRole('button', { name: 'Unpin' })).toBeVisible();
  expect(await promptHistory.prompts()).toEqual(['A harbour at dawn', 'A desert at noon']);
  await promptHistory.search.fill('desert');
  await expect(promptHistory.dialog.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(promptHistory.dialog.getByRole('button', { name: 'A desert at noon' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(promptHistory.dialog).toBeHidden();
  await expect(createPage.prompt).toHaveValue('A desert at noon');
  await expect(createPage.prompt).toBeFocused();

  await promptHistory.open();
  await page.keyboard.press('Escape');
  await expect(promptHistory.dialog).toBeHidden();
  await expect(promptHistory.button).toBeFocused();

  await promptHistory.open();
  await promptHistory.dialog.getByRole('button', { name: 'A harbour at dawn' }).click();
  await expect(createPage.prompt).toHaveValue('A harbour at dawn');
  await expect(page.getByRole('radio', { name: 'Anime' })).toBeChecked();
});

test('? lists the shortcuts except while typing, and / searches the gallery', async ({ createPage, galleryPage, page }) => {
  await createPage.goto();
  await createPage.prompt.fill('Is this a question');
  await createPage.prompt.press('?');
  await expect(createPage.prompt).toHaveValue('Is this a question?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toHaveCount(0);

  await page.getByRole('heading', { name: 'Create', exact: true }).click();
  await page.keyboard.press('?');
  await expect(shortcuts).toBeVisible();
  for (const action of ['Search prompts', 'Favourite, or unfavourite', 'Download', 'Delete (Undo in the notice that follows)']) {
    await expect(shortcuts.getByText(action, { exact: true })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await page.getByRole('button', { name: 'Shortcuts' }).click();
  await shortcuts.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Shortcuts' })).toBeFocused();

  await galleryPage.goto();
  await page.getByRole('heading', { name: 'Gallery', exact: true }).click();
  await page.keyboard.press('/');
  await expect(galleryPage.search).toBeFocused();
  await expect(galleryPage.search).toHaveValue('');
});

test('F favourites, D downloads and Delete deletes in the detail view, with Undo', async ({ createPage, galleryPage, page }) => {
  await createPage.goto();
  await createPage.prompt.fill('A lone tree on a hill');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(1);
  await galleryPage.goto();
  await galleryPage.cell(/A lone tree on a hill/).click();
  const favourite = galleryPage.detail.getByRole('button', { name: /Favourite/ });
  await expect(favourite).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('f');
  await expect(favourite).toHaveAttribute('aria-pressed', 'true');
  const download = page.waitForEvent('download');
  await page.keyboard.press('d');
  expect((await download).suggestedFilename()).toMatch(/^a-lone-tree-on-a-hill-\d+\.png$/);

  await page.keyboard.press('Delete');
  await expect(galleryPage.detail).toBeHidden();
  await expect(galleryPage.cells()).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(galleryPage.cell(/A lone tree on a hill/)).toBeVisible();
});

test('Shift-click selects a range in select mode', async ({ createPage, galleryPage }) => {
  await createPage.goto();
  await createPage.prompt.fill('{one|two|three|four|five|six} birch');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(6);
  await galleryPage.goto();
  await expect(galleryPage.cells()).toHaveCount(6);
  await galleryPage.selectButton.click();
  const toggles = galleryPage.toggles();
  await toggles.nth(1).click();
  await toggles.nth(4).click({ modifiers: ['Shift'] });
  await expect(galleryPage.selection).toContainText('4 selected');
  for (const [index, pressed] of [false, true, true, true, true, false].entries()) await expect(toggles.nth(index)).toHaveAttribute('aria-pressed', String(pressed));
});

test('Ctrl+Enter starts Animate too', async ({ animatePage, page }) => {
  await animatePage.goto();
  await animatePage.source.drop(await testPhoto(800, 600));
  await page.getByRole('slider', { name: 'Motion' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(animatePage.jobs).toHaveCount(1);
});

test('the prompt box does not move when its History button arrives after the first paint', async ({ createPage, promptHistory, page }) => {
  await createPage.goto();
  await expect(promptHistory.button).toBeVisible();
  // Every element Chromium saw shift, by what it is: none may be in the Create form.
  const shifted = await page.evaluate(() => {
    type Shift = PerformanceEntry & { hadRecentInput: boolean; sources: Array<{ node?: Node }> };
    const observer = new PerformanceObserver(() => undefined);
    observer.observe({ type: 'layout-shift', buffered: true });
    const entries = observer.takeRecords() as Shift[];
    observer.disconnect();
    const form = document.querySelector('form[aria-label="Create an image"]');
    return entries.filter((entry) => !entry.hadRecentInput).flatMap((entry) => entry.sources.filter((source) => source.node && form?.contains(source.node)).map((source) => (source.node as Element).outerHTML?.slice(0, 80) ?? source.node!.nodeName));
  });
  expect(shifted).toEqual([]);
});
