/**
 * Model choice against an engine that offers the local preview and an AUTOMATIC1111 (a fake,
 * started here): pick a checkpoint, generate and transform with it, find the results by model
 * in the gallery, and share one; and an engine that asks for its access token.
 */
import { expect, test } from './fixtures';
import { testPhoto } from './pages/image-input';
import { TransformPageObject } from './pages/transform-page';
import { seriousViolations } from './support/serious-violations';
import { startFakeAutomatic1111 } from '../server/testing/fakes/fake-automatic1111';
import { readJsonBody } from '../server/testing/fakes/fake-server';

const DREAMSHAPER = 'dreamshaper_8.safetensors [879db523c3]';
const SDXL = 'sdxl_base.safetensors';

test('pick a checkpoint on Create, generate and transform with it; the gallery shows and filters by model; a share link reopens with it', async ({
  page,
  browser,
  createPage,
  startQuirkyEngine,
}) => {
  test.slow();
  const a1111 = await startFakeAutomatic1111({
    checkpoints: [
      { title: DREAMSHAPER, model_name: 'dreamshaper_8' },
      { title: SDXL, model_name: 'sdxl_base' },
    ],
  });
  try {
    const { url } = await startQuirkyEngine({ AIART_A1111_URL: a1111.url });
    const checkpointsAsked = () => a1111.requests.filter((r) => r.path.startsWith('/sdapi/v1/') && r.method === 'POST').map((r) => [r.path, (readJsonBody(r) as { override_settings?: { sd_model_checkpoint?: string } }).override_settings?.sd_model_checkpoint]);

    await createPage.goto(url);
    const model = page.getByRole('combobox', { name: 'Model' });
    // The engine's first model is the checkpoint AUTOMATIC1111 has loaded.
    await expect(model).toHaveValue(`a1111:${DREAMSHAPER}`);
    await expect(page.getByRole('link', { name: 'Backend: dreamshaper_8, AUTOMATIC1111. Open settings' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await model.selectOption({ label: 'sdxl_base' });
    await expect(page.getByRole('link', { name: /^Backend: sdxl_base, AUTOMATIC1111/ })).toBeVisible();
    await createPage.prompt.fill('A lighthouse drawn by sdxl');
    await createPage.generateButton.click();
    await expect(createPage.images()).toHaveCount(1);
    expect(checkpointsAsked()).toEqual([['/sdapi/v1/txt2img', SDXL]]);

    await model.selectOption({ label: 'Local preview (procedural art, not AI)' });
    await expect(page.getByRole('link', { name: /^Backend: Local preview engine, procedural art, not AI/ })).toBeVisible();
    await createPage.prompt.fill('A lighthouse drawn locally');
    await createPage.generateButton.click();
    await expect(createPage.images()).toHaveCount(2);
    expect(checkpointsAsked()).toHaveLength(1);

    // Each page remembers its own choice: Transform starts from the engine's default.
    const transformPage = new TransformPageObject(page);
    await page.goto(`${url}/transform`);
    await expect(model).toHaveValue(`a1111:${DREAMSHAPER}`);
    await transformPage.source.drop(await testPhoto(1200, 800, 'harbour.png'));
    await expect(page.getByRole('slider', { name: 'Strength' })).toBeVisible();
    await transformPage.prompt.fill('The harbour by dreamshaper');
    await transformPage.transformButton.click();
    await expect(transformPage.results.first().getByRole('img', { name: 'The harbour by dreamshaper' })).toBeVisible();
    expect(checkpointsAsked()).toEqual([
      ['/sdapi/v1/txt2img', SDXL],
      ['/sdapi/v1/img2img', DREAMSHAPER],
    ]);

    await page.goto(`${url}/`);
    await expect(model).toHaveValue('local:preview');

    await page.goto(`${url}/gallery`);
    const grid = page.getByRole('list', { name: 'Saved results' });
    await expect(grid.getByRole('link')).toHaveCount(3);
    const filter = page.getByRole('combobox', { name: 'Model' });
    await filter.selectOption({ label: 'sdxl_base (AUTOMATIC1111)' });
    await expect(grid.getByRole('link')).toHaveCount(1);
    await expect(grid.getByRole('link', { name: /A lighthouse drawn by sdxl/ })).toBeVisible();
    await filter.selectOption({ label: 'Local preview (procedural art, not AI)' });
    await expect(grid.getByRole('link')).toHaveCount(1);
    await expect(grid.getByRole('link', { name: /A lighthouse drawn locally/ })).toBeVisible();
    await filter.selectOption({ label: 'dreamshaper_8 (AUTOMATIC1111)' });
    await expect(grid.getByRole('link')).toHaveCount(1);
    await grid.getByRole('link', { name: /The harbour by dreamshaper/ }).click();
    const detail = page.getByRole('dialog');
    await expect(detail).toContainText('Modeldreamshaper_8 (AUTOMATIC1111)');

    await detail.getByRole('button', { name: 'Share' }).click();
    const share = page.getByRole('dialog', { name: 'Share 1 item as a link' });
    const link = await share.getByRole('textbox', { name: 'Link' }).inputValue();

    const other = await browser.newContext();
    try {
      const visitor = await other.newPage();
      await visitor.goto(link);
      const card = visitor.getByRole('article');
      await expect(card).toContainText('Modeldreamshaper_8 (AUTOMATIC1111)');
      await card.getByRole('link', { name: 'Remix' }).click();
      await expect(visitor.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue('The harbour by dreamshaper');
      await expect(visitor.getByRole('combobox', { name: 'Model' })).toHaveValue(`a1111:${DREAMSHAPER}`);
      await expect(visitor.getByRole('link', { name: /^Backend: dreamshaper_8, AUTOMATIC1111/ })).toBeVisible();
    } finally {
      await other.close();
    }
  } finally {
    await a1111.close();
  }
});

test('an engine that needs its access token asks for it once, says when it is wrong, and then makes pictures', async ({ page, createPage, startQuirkyEngine }) => {
  const { url, log } = await startQuirkyEngine({ AIART_ACCESS_TOKEN: 'correct-horse-battery' });
  await createPage.goto(url);
  const dialog = page.getByRole('dialog', { name: 'Access token' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByLabel('Access token');
  await expect(field).toHaveAttribute('type', 'password');
  await expect(field).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await field.fill('wrong-token');
  await dialog.getByRole('button', { name: 'Use this token' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This server refused that token');
  await field.fill('correct-horse-battery');
  await dialog.getByRole('button', { name: 'Use this token' }).click();
  await expect(dialog).toBeHidden();

  await createPage.prompt.fill('Behind a token');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(1);
  expect(log.filter((line) => line.path === '/api/generate').map((line) => line.status)).toEqual([200]);

  // A reload keeps the token: nothing is asked again.
  await page.reload();
  await createPage.prompt.fill('Still behind a token');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(1);
  await expect(dialog).toBeHidden();
  expect(log.filter((line) => line.path === '/api/generate').map((line) => line.status)).toEqual([200, 200]);
});
