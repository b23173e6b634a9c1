/** The gallery keeps every result in this browser, works offline, and stays in step across tabs. */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { expect, test } from './fixtures';
import { CreatePageObject } from './pages/create-page';
import { GalleryPageObject } from './pages/gallery-page';

/** Fails every API and media request, so anything shown must come from IndexedDB. */
async function cutTheBackend(page: import('@playwright/test').Page) {
  await page.route(/\/(api|images|processed_images|processed_videos)\//, (route) => route.abort('connectionrefused'));
}

test('a result survives a reload and is shown full size from the browser while the backend is unreachable', async ({ createPage, galleryPage, page }) => {
  await createPage.goto();
  await createPage.prompt.fill('Glacier under northern lights');
  await createPage.pickAspectRatio('1:1');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => navigator.storage.estimate().then((e) => e.usage ?? 0))).toBeGreaterThan(100_000);

  await cutTheBackend(page);
  await galleryPage.goto();
  const cell = galleryPage.cell(/Glacier under northern lights/);
  await expect(cell.locator('img')).toHaveAttribute('src', /^blob:/);
  await cell.click();
  await expect(page).toHaveURL(/\/gallery\/[0-9a-f-]+$/);
  const full = galleryPage.detail.getByRole('img', { name: 'Glacier under northern lights' });
  await expect(full).toHaveAttribute('src', /^blob:/);
  expect(await full.evaluate((img: HTMLImageElement) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]))).toEqual([1024, 1024]);
  await page.reload();
  await expect(galleryPage.detail.getByRole('img', { name: 'Glacier under northern lights' })).toHaveAttribute('src', /^blob:/);
  await expect(galleryPage.detail).toContainText('Kept in this browser');
});

test('favourite, filter, search, navigate with the keyboard, and remix', async ({ createPage, galleryPage, page }) => {
  await createPage.goto();
  for (const prompt of ['Red fox in snow', 'Blue whale at sea', 'Green parrot in jungle']) {
    await createPage.prompt.fill(prompt);
    await createPage.generateButton.click();
  }
  await expect(createPage.images()).toHaveCount(3);
  await galleryPage.goto();
  await expect(galleryPage.cells()).toHaveCount(3);

  await galleryPage.cell(/Blue whale at sea/).click();
  await galleryPage.detail.getByRole('button', { name: '☆ Favourite' }).click();
  await expect(galleryPage.detail.getByRole('button', { name: '★ Favourite' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(galleryPage.detail.getByRole('heading')).toHaveText('Red fox in snow');
  await page.keyboard.press('ArrowLeft');
  await expect(galleryPage.detail.getByRole('heading')).toHaveText('Blue whale at sea');
  await page.keyboard.press('Escape');
  await expect(galleryPage.detail).toBeHidden();
  await expect(page).toHaveURL(/\/gallery$/);

  await page.getByRole('button', { name: '★ Favourites' }).click();
  await expect(galleryPage.cells()).toHaveCount(1);
  await expect(galleryPage.cell(/Blue whale at sea/)).toBeVisible();
  await page.getByRole('button', { name: '★ Favourites' }).click();
  await galleryPage.search.fill('parrot');
  await expect(galleryPage.cells()).toHaveCount(1);
  await galleryPage.cell(/Green parrot in jungle/).click();
  const seed = (await galleryPage.detail.locator('dd').nth(6).textContent())!;
  await galleryPage.detail.getByRole('link', { name: 'Remix' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(createPage.prompt).toHaveValue('Green parrot in jungle');
  await page.getByText('More options').click();
  await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveValue(seed);
  await expect(page.getByRole('button', { name: 'Seed locked' })).toBeVisible();
});

test('delete with undo, and bulk delete of a selection', async ({ createPage, galleryPage, page }) => {
  await createPage.goto();
  await createPage.prompt.fill('Paper boats');
  await createPage.pickBatch(3);
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(3);
  await galleryPage.goto();
  await expect(galleryPage.cells()).toHaveCount(3);
  await galleryPage.cells().first().click();
  await galleryPage.detail.getByRole('button', { name: 'Delete' }).click();
  await expect(galleryPage.cells()).toHaveCount(2);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(galleryPage.cells()).toHaveCount(3);

  await page.getByRole('button', { name: 'Select', exact: true }).click();
  const toggles = galleryPage.grid.getByRole('button');
  await toggles.nth(0).click();
  await toggles.nth(2).click();
  await expect(page.getByRole('region', { name: 'Selection' })).toContainText('2 selected');
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Delete' }).click();
  await expect(galleryPage.grid.getByRole('button')).toHaveCount(1);
  await page.reload();
  await expect(galleryPage.cells()).toHaveCount(1);
});

test('a second tab sees a new item without reloading', async ({ context, createPage, baseURL }) => {
  const other = await context.newPage();
  const otherGallery = new GalleryPageObject(other);
  await other.goto(`${baseURL}/gallery`);
  await expect(other.getByText('Nothing here yet. Create your first image')).toBeVisible();
  await createPage.goto();
  await createPage.prompt.fill('Lanterns over a river');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(1);
  await expect(otherGallery.cell(/Lanterns over a river/).locator('img')).toHaveAttribute('src', /^blob:/);
});

test('fifty images survive closing the browser and the backend deleting its files', async ({ startQuirkyEngine }, testInfo) => {
  test.setTimeout(150_000);
  const { url, dataDir } = await startQuirkyEngine({});
  const profile = testInfo.outputPath('profile');
  const launch = () => chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), viewport: { width: 1280, height: 900 } });

  let browser = await launch();
  let page = browser.pages()[0] ?? (await browser.newPage());
  const create = new CreatePageObject(page);
  await create.goto(url);
  await create.pickBatch(4);
  await create.pickAspectRatio('1:1');
  for (let run = 0; run < 13; run++) {
    if (run === 12) await create.pickBatch(2);
    await create.prompt.fill(`Archive picture ${run}`);
    await create.generateButton.click();
    await expect(create.images()).toHaveCount(Math.min(50, (run + 1) * 4));
  }
  await expect
    .poll(() => page.evaluate(() => new Promise<number>((resolve) => {
      const open = indexedDB.open('aiart-studio');
      open.onsuccess = () => {
        const request = open.result.transaction('media').objectStore('media').count();
        request.onsuccess = () => resolve(request.result);
      };
    })), { timeout: 30_000 })
    .toBe(50);
  await browser.close();

  const images = path.join(dataDir, 'images');
  for (const name of await readdir(images)) await rm(path.join(images, name));

  browser = await launch();
  page = browser.pages()[0] ?? (await browser.newPage());
  const gallery = new GalleryPageObject(page);
  await gallery.goto(url);
  await expect(page.getByText('50 of 50 items')).toBeVisible();
  await gallery.search.fill('picture 7');
  await expect(gallery.cells()).toHaveCount(4);
  await gallery.cells().last().click();
  const full = gallery.detail.getByRole('img', { name: 'Archive picture 7' });
  expect(await full.evaluate((img: HTMLImageElement) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]))).toEqual([1024, 1024]);
  await gallery.detail.getByRole('link', { name: 'Remix' }).click();
  await expect(new CreatePageObject(page).prompt).toHaveValue('Archive picture 7');
  await browser.close();
});
