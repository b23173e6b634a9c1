/** An axe scan of every page, in dark and light, reports no serious or critical violation. */
import { expect, test } from './fixtures';
import { testPhoto } from './pages/image-input';
import { seriousViolations } from './support/serious-violations';

for (const scheme of ['dark', 'light'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    for (const path of ['/', '/transform', '/animate', '/gallery', '/settings', '/share']) {
      test(`${path} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test('the Create page with results and open options has none either', async ({ page, createPage }) => {
      await createPage.goto();
      await page.getByText('More options').click();
      await createPage.prompt.fill('Axe check');
      await createPage.generateButton.click();
      await expect(createPage.images()).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('queued and running cards, and the queue panel, have none either', async ({ page, createPage, queuePanel, startQuirkyEngine }) => {
      // Runs that stay queued and running for the whole scan, however busy the machine; the engine stops without waiting for them.
      const engine = await startQuirkyEngine({ AIART_LATENCY_MS: '120000', AIART_SHUTDOWN_GRACE_SECONDS: '0.5' });
      await createPage.goto(engine.url);
      await createPage.prompt.fill('Axe check of the queue');
      await createPage.pickBatch(4);
      await createPage.generateButton.click();
      await expect(createPage.results.getByText('Queued: next in line')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await queuePanel.open();
      await expect(queuePanel.panel.getByRole('listitem')).toHaveCount(4);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('Transform with a source, an error and a result, and Animate with a crop and a job, have none either', async ({ page, transformPage, animatePage }) => {
      await transformPage.goto();
      await transformPage.source.browse({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
      await expect(transformPage.source.error).toBeVisible();
      await transformPage.source.drop(await testPhoto(800, 600));
      await transformPage.prompt.fill('Axe check');
      await transformPage.transformButton.click();
      await expect(transformPage.results.first().getByRole('slider')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await animatePage.goto();
      await animatePage.source.drop(await testPhoto(800, 600));
      await page.getByText('More options').click();
      await animatePage.animateButton.click();
      await expect(animatePage.jobs.first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
