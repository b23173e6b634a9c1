/**
 * End-to-end tests in Chromium against the built studio served by the real local engine.
 * Each worker starts its own engine on a free port (see e2e/fixtures.ts); nothing is shared.
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: chromiumLaunchOptions(),
    colorScheme: 'dark',
    trace: 'retain-on-failure',
  },
});
