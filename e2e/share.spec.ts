/** Sharing by link: a selection opened by someone else in another browser, and links that must not work. */
import { expect, test } from './fixtures';

test('share three images by link; another browser opens it, saves them and finds them in its own gallery', async ({ browser, baseURL, createPage, galleryPage, page }) => {
  await createPage.goto();
  for (const prompt of ['Harbour at dawn', 'Desert at noon', 'Glacier at night', 'Not shared']) {
    await createPage.prompt.fill(prompt);
    await createPage.generateButton.click();
  }
  await expect(createPage.images()).toHaveCount(4);
  await galleryPage.goto();
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  for (const name of [/Harbour at dawn/, /Desert at noon/, /Glacier at night/]) await galleryPage.grid.getByRole('button', { name }).click();
  const selection = page.getByRole('region', { name: 'Selection' });
  await expect(selection).toContainText('3 selected');
  await selection.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share 3 items as a link' });
  await expect(dialog).toContainText('only while the backend that made them still keeps them');
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/share#share=[A-Za-z0-9_-]+$`));
  await dialog.getByRole('button', { name: 'Close' }).click();

  const other = await browser.newContext({ baseURL });
  const visitor = await other.newPage();
  const requests: string[] = [];
  visitor.on('request', (request) => requests.push(request.url()));
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Shared gallery' })).toBeVisible();
  const cards = visitor.getByRole('article');
  await expect(cards).toHaveCount(3);
  await expect(visitor).toHaveURL(`${baseURL}/share`);
  expect(requests.some((url) => url.includes('share='))).toBe(false);
  for (const prompt of ['Harbour at dawn', 'Desert at noon', 'Glacier at night']) await expect(visitor.getByRole('img', { name: prompt })).toBeVisible();

  await visitor.getByRole('button', { name: 'Save all to my gallery' }).click();
  await expect(cards.getByRole('button', { name: 'Saved to your gallery' })).toHaveCount(3);
  await visitor.reload();
  await expect(cards).toHaveCount(3);
  await expect(cards.getByRole('button', { name: 'Already in your gallery' })).toHaveCount(0);
  await cards.first().getByRole('button', { name: 'Save to my gallery' }).click();
  await expect(cards.first().getByRole('button', { name: 'Already in your gallery' })).toBeVisible();

  await visitor.getByRole('link', { name: 'Gallery', exact: true }).click();
  const grid = visitor.getByRole('list', { name: 'Saved results' });
  await expect(grid.getByRole('link')).toHaveCount(3);
  await visitor.getByRole('searchbox', { name: 'Search prompts' }).fill('glacier');
  await expect(grid.getByRole('link')).toHaveCount(1);
  await grid.getByRole('link', { name: /Glacier at night/ }).click();
  await expect(visitor.getByRole('dialog')).toContainText('Kept in this browserYes');
  await other.close();
});

test('a broken or hostile link says what is wrong and offers the studio, without running anything', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/share');
  await expect(page.getByRole('alert')).toContainText('This address holds no shared gallery');
  for (const [fragment, message] of [
    ['share=not*base64', 'it contains characters a share link never has'],
    ['share=AAAA', 'it was cut short or altered'],
    [`share=${'A'.repeat(20_000)}`, 'longer than any share link'],
  ]) {
    await page.evaluate((hash) => (window.location.hash = hash), fragment);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page).toHaveURL(/\/share$/);
  }
  await page.getByRole('link', { name: 'Open the studio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create' })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('export twenty items to a zip and import it into a fresh browser, then again without duplicates', async ({ browser, baseURL, createPage, galleryPage, page }) => {
  test.slow();
  // Take the download path: the file picker needs a person.
  await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  await createPage.goto();
  await createPage.pickBatch(4);
  for (let run = 1; run <= 5; run++) {
    await createPage.prompt.fill(`Export run ${run}`);
    await createPage.generateButton.click();
    await expect(createPage.images()).toHaveCount(run * 4);
  }
  await galleryPage.goto();
  await expect(galleryPage.cells()).toHaveCount(20);
  await expect(page.getByText('20 of 20 items')).toBeVisible();
  // Downloads cut short by leaving Create finish in the background: wait until all twenty are kept.
  const keptInBrowser = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('aiart-studio');
          open.onsuccess = () => {
            const count = open.result.transaction('media').objectStore('media').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
  await expect.poll(keptInBrowser, { timeout: 30_000 }).toBe(20);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 20' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aiart-gallery-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByRole('status').filter({ hasText: 'Exported 20 items' })).toBeVisible();
  const zipPath = await download.path();

  const other = await browser.newContext({ baseURL });
  const visitor = await other.newPage();
  await visitor.goto('/gallery');
  await expect(visitor.getByRole('heading', { name: 'Nothing here yet. Create your first image' })).toBeVisible();
  await visitor.getByLabel('Import a gallery export').setInputFiles(zipPath);
  await expect(visitor.getByRole('status').filter({ hasText: 'Imported 20 items.' })).toBeVisible();
  const grid = visitor.getByRole('list', { name: 'Saved results' });
  await expect(grid.getByRole('link')).toHaveCount(20);
  await visitor.getByLabel('Import a gallery export').setInputFiles(zipPath);
  await expect(visitor.getByRole('status').filter({ hasText: 'Imported 0 items. Skipped 20: already in your gallery (20).' })).toBeVisible();

  await visitor.route('**/images/**', (route) => route.abort());
  await visitor.reload();
  await grid.getByRole('link', { name: /Export run 3/ }).first().click();
  const full = visitor.getByRole('dialog').getByRole('img', { name: 'Export run 3' });
  await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1344);
  expect(await full.getAttribute('src')).toMatch(/^blob:/);
  await other.close();
});
