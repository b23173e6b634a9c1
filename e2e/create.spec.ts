/** A new user creates images from text against the real local engine. */
import { readFile } from 'node:fs/promises';
import { readPictureSettings } from '../src/picture-metadata/read-picture-settings';
import { expect, test } from './fixtures';
import { keptMediaDigests } from './support/kept-items';

test('types a prompt, picks a style and a ratio, and gets an image of the right pixel size', async ({ createPage, page }) => {
  await createPage.goto();
  await expect(page.getByRole('link', { name: /Backend: Local preview engine, procedural art, not AI/ })).toBeVisible();
  await createPage.prompt.fill('A lighthouse on a cliff at dusk');
  await createPage.pickStyle('Line art');
  await createPage.pickAspectRatio('9:16');
  await createPage.generateButton.click();
  const image = createPage.images().first();
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('alt', 'A lighthouse on a cliff at dusk');
  expect(await createPage.naturalSize(image)).toEqual({ width: 768, height: 1344 });
  await expect(createPage.results.first()).toContainText('768×1344');
});

test('a batch of four arrives as four images with four different seeds', async ({ createPage }) => {
  await createPage.goto();
  await createPage.prompt.fill('A quiet pine forest by a lake');
  await createPage.pickBatch(4);
  await createPage.pickAspectRatio('1:1');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(4);
  for (const image of await createPage.images().all()) expect(await createPage.naturalSize(image)).toEqual({ width: 1024, height: 1024 });
  const seeds = await createPage.results.getByText(/^Seed \d+$/).allTextContents();
  expect(new Set(seeds).size).toBe(4);
});

test('Ctrl+Enter generates from the keyboard, and a locked seed repeats the picture', async ({ createPage, page }) => {
  await createPage.goto();
  await page.getByText('More options').click();
  const seed = page.getByRole('textbox', { name: 'Seed' });
  await seed.fill('777');
  await createPage.prompt.fill('Dunes under a full moon');
  await createPage.prompt.press('Control+Enter');
  await createPage.prompt.press('Control+Enter');
  await expect(createPage.images()).toHaveCount(2);
  // Compare the copies this browser keeps, once both are kept.
  await expect.poll(() => keptMediaDigests(page).then((digests) => digests.length)).toBe(2);
  const [a, b] = await keptMediaDigests(page);
  expect(a).toBe(b);
  await expect(createPage.results.getByText('Seed 777')).toHaveCount(2);
});

test('downloads a result under a readable file name, with its recipe written in', async ({ createPage, page }) => {
  await createPage.goto();
  await createPage.prompt.fill('Red kite over hills');
  await page.getByText('More options').click();
  await page.getByRole('group', { name: 'Output format' }).getByText('JPG').click();
  await page.getByRole('textbox', { name: 'Seed' }).fill('42');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(1);
  const download = page.waitForEvent('download');
  await createPage.results.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('red-kite-over-hills-42.jpg');
  const settings = await readPictureSettings(await readFile((await (await download).path())!));
  expect(settings).toMatchObject({ ok: true, source: 'studio', kind: 'image', requests: { image: { video_description: 'Red kite over hills', output_format: 'jpg', seed: 42 } } });
});

test('the form survives a reload', async ({ createPage, page }) => {
  await createPage.goto();
  await createPage.prompt.fill('Keep this prompt');
  await createPage.pickStyle('Pixel art');
  await page.reload();
  await expect(createPage.prompt).toHaveValue('Keep this prompt');
  await expect(page.getByRole('radio', { name: 'Pixel art' })).toBeChecked();
});

test('an empty prompt is refused with a message and nothing is sent', async ({ createPage, page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) requests.push(request.url());
  });
  await createPage.goto();
  await createPage.generateButton.click();
  await expect(page.getByText('Write a prompt first: describe the picture you want.')).toBeVisible();
  await expect(createPage.prompt).toBeFocused();
  expect(requests).toEqual([]);
});
