/**
 * Settings travel with the picture: a picture made elsewhere, or downloaded from the studio,
 * brings its prompt, negative prompt and seed back in one click; several items download as one
 * zip whose pictures carry their recipes.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { textChunk } from '../src/picture-metadata/png-recipe-writer';
import { readPictureSettings } from '../src/picture-metadata/read-picture-settings';
import { expect, test } from './fixtures';
import { dropFile, pasteFile, type TestFile } from './pages/image-input';

const FIXTURES = path.resolve('src/picture-metadata/fixtures');
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as { files: Record<string, { prompt: string; negative_prompt: string; seed: string }> };
const sample = (name: string): TestFile => ({ name, mimeType: name.endsWith('.jpg') ? 'image/jpeg' : 'image/png', buffer: readFileSync(path.join(FIXTURES, name)) });

test.beforeEach(async ({ page }) => {
  // Downloads take the browser's download path: the file picker needs a person.
  await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
});

test('a ComfyUI picture dropped on Create gives back its prompt and negative prompt, and nothing is uploaded', async ({ createPage, page }) => {
  const sent: string[] = [];
  page.on('request', (request) => request.url().includes('/api/') && sent.push(request.url()));
  const comfy = expected.files['comfyui-img2img.png'];
  await createPage.goto();
  await createPage.prompt.fill('A prompt that will be replaced');
  await dropFile(page.getByRole('main'), sample('comfyui-img2img.png'));

  const notice = page.getByRole('status', { name: 'Settings in the picture' });
  await expect(notice).toContainText('carries settings from ComfyUI');
  await expect(notice).toContainText(`Prompt: ${comfy.prompt}`);
  await expect(notice).toContainText(`The seed ${comfy.seed} is beyond the studio's range`);
  await expect(notice).toContainText('Shown, not sent');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(createPage.prompt).toHaveValue('A prompt that will be replaced');

  await notice.getByRole('button', { name: 'Use its settings' }).click();
  await expect(createPage.prompt).toHaveValue(comfy.prompt);
  await expect(page.getByRole('textbox', { name: 'Negative prompt' })).toHaveValue(comfy.negative_prompt);
  await expect(page.getByRole('radio', { name: /1:1/ })).toBeChecked();
  await expect(notice).toContainText('The form now holds these settings.');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  expect(sent).toEqual([]);
});

test('an AUTOMATIC1111 picture pasted on Create locks its seed', async ({ createPage, page }) => {
  const a1111 = expected.files['automatic1111.png'];
  await createPage.goto();
  // A person pastes once the page is there.
  await expect(createPage.prompt).toBeVisible();
  await pasteFile(page, sample('automatic1111.png'));
  const notice = page.getByRole('status', { name: 'Settings in the picture' });
  await expect(notice).toContainText('carries settings from AUTOMATIC1111 / Forge');
  await notice.getByRole('button', { name: 'Use its settings' }).click();
  await expect(createPage.prompt).toHaveValue(a1111.prompt);
  await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveValue(a1111.seed);
  await expect(page.getByRole('button', { name: 'Seed locked' })).toBeVisible();
});

test('a picture the studio downloaded recalls its own settings', async ({ createPage, page }) => {
  await createPage.goto();
  await createPage.prompt.fill('Harbour lights at dusk');
  await createPage.pickStyle('Pixel art');
  await createPage.pickAspectRatio('9:16');
  await page.getByText('More options').click();
  await page.getByRole('textbox', { name: 'Negative prompt' }).fill('fog');
  await page.getByRole('textbox', { name: 'Seed' }).fill('4242');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(1);
  const downloading = page.waitForEvent('download');
  await createPage.results.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  const buffer = await readFile((await download.path())!);

  await createPage.prompt.fill('Something else');
  await createPage.pickStyle('Anime');
  await createPage.pickAspectRatio('1:1');
  await page.getByRole('textbox', { name: 'Negative prompt' }).fill('');
  await dropFile(page.getByRole('main'), { name: download.suggestedFilename(), mimeType: 'image/png', buffer });
  const notice = page.getByRole('status', { name: 'Settings in the picture' });
  await expect(notice).toContainText('carries settings from AiArt Studio');
  await notice.getByRole('button', { name: 'Use its settings' }).click();
  await expect(createPage.prompt).toHaveValue('Harbour lights at dusk');
  await expect(page.getByRole('textbox', { name: 'Negative prompt' })).toHaveValue('fog');
  await expect(page.getByRole('radio', { name: 'Pixel art' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /9:16/ })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveValue('4242');
});

test('on Transform the dropped picture stays the source, and its settings fill the form with its strength', async ({ transformPage, page }) => {
  await transformPage.goto();
  await transformPage.source.drop(sample('comfyui-img2img.png'));
  await expect(transformPage.source.previewCaption()).toContainText('comfyui-img2img.png');
  const notice = page.getByRole('status', { name: 'Settings in the picture' });
  await notice.getByRole('button', { name: 'Use its settings' }).click();
  await expect(transformPage.prompt).toHaveValue(expected.files['comfyui-img2img.png'].prompt);
  await expect(page.getByRole('slider', { name: 'Strength' })).toHaveAttribute('aria-valuetext', '0.87');
});

test('hostile metadata is refused with a short, named message, and the picture is still taken', async ({ transformPage, page }) => {
  const huge = textChunk('parameters', `${'a'.repeat(2 * 1024 * 1024)}\nSteps: 20, Seed: 1, Size: 64x36`);
  const png = readFileSync(path.join(FIXTURES, 'studio-engine.png'));
  // The chunk goes right after the header (signature and IHDR, 33 bytes), as writers put text.
  const buffer = Buffer.concat([png.subarray(0, 33), huge, png.subarray(33)]);
  await transformPage.goto();
  await transformPage.source.drop({ name: 'hostile.png', mimeType: 'image/png', buffer });
  await expect(transformPage.source.previewCaption()).toContainText('hostile.png');
  const notice = page.getByRole('status', { name: 'Settings in the picture' });
  await expect(notice).toHaveText(/^“hostile\.png”: The text “parameters” \(2,097,\d+ bytes\) was not read: metadata over 1,048,576 bytes is refused\.Dismiss$/);
  await expect(notice.getByRole('button', { name: 'Use its settings' })).toHaveCount(0);
  await expect(transformPage.source.error).toHaveCount(0);
});

test('a picture chosen to import in the gallery opens Create with its settings', async ({ createPage, galleryPage, page }) => {
  await galleryPage.goto();
  await page.getByLabel('Import a gallery export').setInputFiles(path.join(FIXTURES, 'invokeai-metadata.png'));
  const notice = page.getByRole('status', { name: 'Settings in the picture' });
  await expect(notice).toContainText('carries settings from InvokeAI');
  await notice.getByRole('button', { name: 'Use its settings' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(createPage.prompt).toHaveValue(expected.files['invokeai-metadata.png'].prompt);
  await expect(page.getByRole('textbox', { name: 'Negative prompt' })).toHaveValue(expected.files['invokeai-metadata.png'].negative_prompt);
});

test('three items download as one zip whose pictures carry their recipes', async ({ createPage, galleryPage, page }) => {
  await createPage.goto();
  await createPage.pickBatch(3);
  await createPage.prompt.fill('Lanterns on the river');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(3);
  await galleryPage.goto();
  await expect(galleryPage.cells()).toHaveCount(3);
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  const selection = page.getByRole('region', { name: 'Selection' });
  await selection.getByRole('button', { name: 'Select all 3' }).click();
  const downloading = page.waitForEvent('download');
  await selection.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aiart-3-items-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByRole('status').filter({ hasText: /^Downloaded 3 files as aiart-3-items-/ })).toBeVisible();

  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const names = Object.keys(files);
  expect(names).toHaveLength(3);
  for (const name of names) expect(name).toMatch(/^lanterns-on-the-river-\d+\.png$/);
  const recipes = await Promise.all(names.map((name) => readPictureSettings(files[name])));
  for (const [i, settings] of recipes.entries()) {
    expect(settings).toMatchObject({ ok: true, source: 'studio', kind: 'image', requests: { image: { video_description: 'Lanterns on the river' } } });
    expect(names[i]).toContain(String(settings.ok && settings.requests.image?.seed));
  }
  expect(new Set(recipes.map((settings) => settings.ok && settings.itemId)).size).toBe(3);
});
