/** Image to video: a gallery picture dragged in, a job that outlives a reload, and a video that plays. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import sharp from 'sharp';
import { testPhoto } from './pages/image-input';

async function checkVideosEverySecond(page: Page, origin = '') {
  await page.goto(`${origin}/settings`);
  await page.getByRole('spinbutton', { name: 'Check running videos every' }).fill('1');
}

test('drag a gallery picture onto Animate, reload mid-job, and watch the finished video play', async ({ page, createPage, animatePage, startQuirkyEngine }) => {
  const { url } = await startQuirkyEngine({ AIART_VIDEO_SECONDS: '4' });
  await checkVideosEverySecond(page, url);
  await page.getByRole('link', { name: 'Create', exact: true }).click();
  await createPage.prompt.fill('A red kite over green hills');
  await createPage.pickAspectRatio('16:9');
  await createPage.generateButton.click();
  await expect(createPage.images().first()).toBeVisible();

  await page.getByRole('link', { name: 'Animate', exact: true }).first().click();
  await page.getByRole('button', { name: 'Use “A red kite over green hills”' }).dragTo(animatePage.source.dropTarget);
  await expect(animatePage.source.previewCaption()).toContainText('1344×768');
  await expect(page.getByRole('radio', { name: 'Landscape 1024×576' })).toBeChecked();
  await page.getByRole('slider', { name: 'Motion' }).fill('200');
  await animatePage.animateButton.click();

  const job = animatePage.jobs.first();
  await expect(job.getByRole('status')).toContainText('Rendering video…');
  await page.reload();
  await expect(animatePage.jobs).toHaveCount(1);
  const playback = await animatePage.expectPlaying(animatePage.jobs.first());
  expect(playback).toMatchObject({ readyState: 4, width: 1024, height: 576, muted: true, loop: true });
  await expect(animatePage.jobs.first()).toContainText('Motion 200');
  await page.getByRole('link', { name: 'Gallery', exact: true }).click();
  await expect(page.getByRole('link', { name: /^Video/ })).toBeVisible();
});

test('a WEBP photo is sent as a PNG video frame of the chosen shape', async ({ page, animatePage }) => {
  // Records what the studio uploads, read from the request body it builds.
  await page.addInitScript(() => {
    const send = window.fetch;
    const uploads: unknown[] = [];
    Object.assign(window, { videoUploads: uploads });
    window.fetch = async (input, init) => {
      const image = init?.body instanceof FormData ? init.body.get('image') : null;
      if (String(input).endsWith('/api/img2video') && image instanceof Blob) {
        const signature = [...new Uint8Array(await image.slice(0, 8).arrayBuffer())];
        const bitmap = await createImageBitmap(image);
        uploads.push({ png: signature.join() === '137,80,78,71,13,10,26,10', width: bitmap.width, height: bitmap.height });
      }
      return send(input, init);
    };
  });
  await checkVideosEverySecond(page);
  await animatePage.goto();
  const photo = await testPhoto(900, 1000);
  await animatePage.source.drop({ name: 'portrait.webp', mimeType: 'image/webp', buffer: await sharp(photo.buffer).webp().toBuffer() });
  await expect(animatePage.source.previewCaption()).toContainText('900×1000');
  await expect(page.getByRole('radio', { name: 'Square 768×768' })).toBeChecked();
  await page.getByText('Portrait 576×1024', { exact: true }).click();
  await expect(page.getByText('Sent as a 576×1024 PNG cut from 563×1000 pixels of your picture')).toBeVisible();

  await animatePage.animateButton.click();
  const playback = await animatePage.expectPlaying(animatePage.jobs.first());
  expect(await page.evaluate(() => (window as unknown as { videoUploads: unknown[] }).videoUploads)).toEqual([{ png: true, width: 576, height: 1024 }]);
  expect(playback).toMatchObject({ width: 576, height: 1024 });
});

test('a second video while one runs waits its turn, saying why, and either can be stopped', async ({ animatePage, startQuirkyEngine, page }) => {
  const { url } = await startQuirkyEngine({ AIART_VIDEO_SECONDS: '30', AIART_ONE_VIDEO_PER_CLIENT: '1' });
  await page.goto(`${url}/animate`);
  await animatePage.source.drop(await testPhoto(800, 800));
  await animatePage.animateButton.click();
  await expect(animatePage.jobs.first().getByRole('status')).toContainText('Rendering video…');
  await animatePage.animateButton.click();
  const second = animatePage.jobs.first();
  const first = animatePage.jobs.nth(1);
  await expect(second).toContainText(/Last answer: .*already running.*wait for it to finish/);
  await expect(second.getByRole('status')).toContainText(/Trying again in \d+ s/);
  await first.getByRole('button', { name: 'Stop waiting' }).click();
  await expect(first.getByRole('alert')).toContainText('You stopped waiting for this video');
  await expect(first.getByRole('button', { name: 'Retry' })).toBeVisible();
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(second.getByRole('alert')).toContainText('Cancelled');
});
