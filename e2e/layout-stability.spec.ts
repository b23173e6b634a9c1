/** The gallery does not jump while it loads on a phone: its layout shift stays far under Lighthouse's 0.1. */
import { expect, test } from './fixtures';

test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });

/** The layout-shift score so far, as Chromium reports it (shifts right after input excluded). */
function layoutShift(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => {
    const observer = new PerformanceObserver(() => undefined);
    // A buffered observer holds the entries so far at once; takeRecords hands them over.
    observer.observe({ type: 'layout-shift', buffered: true });
    const entries = observer.takeRecords() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>;
    observer.disconnect();
    return entries.filter((entry) => !entry.hadRecentInput).reduce((sum, entry) => sum + entry.value, 0);
  });
}

test('the toolbar stays in place when the storage figures arrive after the first paint', async ({ page, galleryPage }) => {
  // How soon the browser answers varies; hold its answer until the page has painted, as on a slow phone.
  await page.addInitScript(() => {
    const estimate = navigator.storage.estimate.bind(navigator.storage);
    const answered = new Promise<void>((resolve) => Object.assign(window, { answerStorageEstimate: resolve }));
    navigator.storage.estimate = () => answered.then(estimate);
  });
  await galleryPage.goto();
  await expect(page.getByRole('searchbox', { name: 'Search prompts' })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Storage used' })).toHaveCount(0);
  await page.evaluate(() => (window as unknown as { answerStorageEstimate(): void }).answerStorageEstimate());
  await expect(page.getByRole('meter', { name: 'Storage used' })).toBeVisible();
  expect(await layoutShift(page)).toBeLessThan(0.02);
});
