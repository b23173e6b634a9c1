/** Image to image: a picture goes in by drop, paste or browsing; bad files are refused before any upload. */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { testPhoto } from './pages/image-input';

/** The pages whose picture this browser keeps for the next visit (written just after a pick). */
const keptPictures = (page: Page) =>
  page.evaluate(() => new Promise<string[]>((resolve) => {
    const open = indexedDB.open('aiart-studio-sources');
    open.onsuccess = () => {
      const request = open.result.transaction('sources').objectStore('sources').getAllKeys();
      request.onsuccess = () => resolve(request.result.map(String));
    };
  }));

test('drop a photo, get the transformed image beside it; the gallery keeps that photo with the result, and Remix brings it back', async ({ transformPage, galleryPage, page }) => {
  await transformPage.goto();
  await transformPage.source.drop(await testPhoto(1200, 800, 'harbour.png'));
  await expect(transformPage.source.previewCaption()).toContainText('harbour.png');
  await expect(transformPage.source.previewCaption()).toContainText('1200×800');

  await transformPage.prompt.fill('The harbour as a neon night scene');
  await page.getByRole('group', { name: 'Style' }).getByText('Neon punk', { exact: true }).click();
  await transformPage.transformButton.click();

  const card = transformPage.results.first();
  const result = card.getByRole('img', { name: 'The harbour as a neon night scene' });
  await expect(result).toBeVisible();
  await expect(card).toContainText('1024×1024');
  const compare = card.getByRole('slider', { name: /Compare with the source/ });
  await compare.focus();
  await page.keyboard.press('End');
  await expect(compare).toHaveValue('100');

  await galleryPage.goto();
  await galleryPage.cell(/^Transform: The harbour as a neon night scene/).click();
  const source = galleryPage.detail.getByRole('img', { name: 'The picture it was made from' });
  expect(await source.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(1200);
  await galleryPage.detail.getByRole('link', { name: 'Remix' }).click();
  await expect(transformPage.prompt).toHaveValue('The harbour as a neon night scene');
  // The photo kept with the result (not merely the page's last picture).
  await expect(transformPage.source.previewCaption()).toContainText('source-of-the-harbour-as-a-neon-night-scene');
  await expect(transformPage.source.previewCaption()).toContainText('1200×800');
});

test('the source picture and the prompt survive a reload; a cleared picture stays cleared', async ({ transformPage, page }) => {
  await transformPage.goto();
  await transformPage.source.drop(await testPhoto(1200, 800, 'harbour.png'));
  await expect(transformPage.source.previewCaption()).toContainText('1200×800');
  await transformPage.prompt.fill('The harbour in fog');
  await expect.poll(() => keptPictures(page)).toEqual(['transform']);

  await page.reload();
  await expect(transformPage.source.previewCaption()).toContainText('harbour.png');
  await expect(transformPage.source.previewCaption()).toContainText('1200×800');
  await expect(transformPage.prompt).toHaveValue('The harbour in fog');

  await transformPage.source.region.getByRole('button', { name: 'Clear image' }).click();
  await expect(transformPage.source.previewCaption()).toHaveCount(0);
  await expect.poll(() => keptPictures(page)).toEqual([]);
  await page.reload();
  await expect(transformPage.prompt).toHaveValue('The harbour in fog');
  await expect(transformPage.source.previewCaption()).toHaveCount(0);
});

test('paste an image from the clipboard, clear it, and browse for another', async ({ transformPage }) => {
  await transformPage.goto();
  await transformPage.prompt.click();
  await transformPage.source.paste(await testPhoto(640, 480, 'pasted.png'));
  await expect(transformPage.source.previewCaption()).toContainText('640×480');
  await expect(transformPage.prompt).toHaveValue('');

  await transformPage.source.region.getByRole('button', { name: 'Clear image' }).click();
  await expect(transformPage.source.previewCaption()).toHaveCount(0);
  await transformPage.source.browse(await testPhoto(300, 900, 'tall.png'));
  await expect(transformPage.source.previewCaption()).toContainText('300×900');
});

test('every bad file gets a message naming it and the reason, and nothing is uploaded', async ({ transformPage, page }) => {
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
  });
  await transformPage.goto();
  const photo = await testPhoto(400, 300);
  const bad = [
    { file: { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some notes, not a picture') }, message: '“notes.png” is not an image the studio can use' },
    { file: { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }, message: '“logo.svg” is an SVG' },
    { file: { name: 'cut.png', mimeType: 'image/png', buffer: photo.buffer.subarray(0, photo.buffer.length - 20) }, message: '“cut.png” is incomplete' },
    { file: { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([photo.buffer, Buffer.alloc(10 * 1024 * 1024 + 1 - photo.buffer.length)]) }, message: '“huge.png” is 10,485,761 bytes; images can be at most 10 MB' },
    { file: { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) }, message: '“empty.jpg” is empty' },
  ];
  for (const { file, message } of bad) {
    await transformPage.source.browse(file);
    await expect(transformPage.source.error).toContainText(message);
  }
  await expect(transformPage.source.previewCaption()).toHaveCount(0);

  await transformPage.prompt.fill('Anything');
  await transformPage.transformButton.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Add a source image first' })).toBeVisible();
  expect(apiCalls).toEqual([]);
});

test('a transform of a gallery picture remembers its source: the detail links to it, and Remix opens Transform with both', async ({ createPage, transformPage, galleryPage, page }) => {
  await createPage.goto();
  await createPage.prompt.fill('A quiet harbour');
  await createPage.pickAspectRatio('1:1');
  await createPage.generateButton.click();
  await createPage.results.first().getByRole('link', { name: 'Transform' }).click();
  await expect(transformPage.source.previewCaption()).toContainText('1024×1024');
  await transformPage.prompt.fill('The harbour in winter');
  await page.getByRole('slider', { name: 'Strength' }).fill('0.4');
  await transformPage.transformButton.click();
  await expect(transformPage.results.first().getByRole('img', { name: 'The harbour in winter' })).toBeVisible();

  await page.getByRole('link', { name: 'Gallery', exact: true }).click();
  await galleryPage.cell(/^Transform: The harbour in winter/).click();
  await expect(galleryPage.detail).toContainText('Strength0.4');
  await galleryPage.detail.getByRole('link', { name: 'Image: A quiet harbour' }).click();
  await expect(galleryPage.detail.getByRole('heading', { name: 'A quiet harbour' })).toBeVisible();
  await page.goBack();
  await expect(galleryPage.detail.getByRole('heading', { name: 'The harbour in winter' })).toBeVisible();
  await galleryPage.detail.getByRole('link', { name: 'Remix' }).click();
  await expect(page).toHaveURL(/\/transform$/);
  await expect(transformPage.prompt).toHaveValue('The harbour in winter');
  await expect(page.getByRole('slider', { name: 'Strength' })).toHaveValue('0.4');
  await expect(transformPage.source.previewCaption()).toContainText('a-quiet-harbour');
});
