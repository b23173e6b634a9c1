/** The app shell: navigation, deep links, security headers, phones, and Settings. */
import { expect, test } from './fixtures';

test('every page is reachable from the navigation and reloads at its own address', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [name, path, heading] of [
    ['Transform', '/transform', 'Transform'],
    ['Animate', '/animate', 'Animate'],
    ['Gallery', '/gallery', 'Gallery'],
    ['Settings', '/settings', 'Settings'],
    ['Create', '/', 'Create'],
  ]) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
});

test('an address with no page says so and links to what works', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create' })).toBeVisible();
});

test('API and media paths never fall back to the studio page', async ({ request }) => {
  for (const path of ['/api/nothing', '/images/missing.png', '/processed_videos/none.mp4', '/settings/deeper']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(res.headers()['content-type'], path).toMatch(/^application\/json/);
  }
});

test('the studio is served with a strict Content-Security-Policy and no violations occur', async ({ page, createPage }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/');
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  await createPage.prompt.fill('<img src=x onerror=alert(1)> a castle');
  await createPage.generateButton.click();
  await expect(createPage.images()).toHaveCount(1);
  await expect(createPage.images().first()).toHaveAttribute('alt', '<img src=x onerror=alert(1)> a castle');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(violations).toEqual([]);
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('nothing scrolls sideways, navigation sits at the bottom, and creating works', async ({ page, createPage }) => {
    await createPage.goto();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const box = (await nav.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(740, 0);
    for (const link of await nav.getByRole('link').all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await createPage.prompt.fill('Tiny screen, big sky');
    await createPage.generateButton.click();
    await expect(createPage.images()).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('Settings names the backend and checks the connection', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByText('In use: Local preview engine (procedural art, not AI)')).toBeVisible();
  await expect(page.getByText(/It is not an AI model/)).toBeVisible();
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByRole('status')).toContainText(/Connected to http:\/\/127\.0\.0\.1:\d+: the AiArt API answered in \d+ ms/);
  await page.getByRole('button', { name: 'Use this URL' }).click();
  await expect(page.getByText('Enter the backend address first, starting with http:// or https://')).toBeVisible();
  await page.getByRole('textbox', { name: 'Custom backend URL' }).fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Use this URL' }).click();
  await expect(page.getByText('Enter the backend address first, starting with http:// or https://')).toBeVisible();
  await expect(page.getByRole('radio', { name: /This server/ })).toBeChecked();
});
