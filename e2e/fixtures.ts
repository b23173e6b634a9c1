/**
 * Playwright fixtures: a real engine per worker serving the built studio, a way to start one
 * with hosted-service quirks for a single test, and page objects for what a person does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { type SpawnedEngine, spawnEngine } from '../server/testing/spawn-engine';
import { AnimatePageObject } from './pages/animate-page';
import { CreatePageObject } from './pages/create-page';
import { GalleryPageObject } from './pages/gallery-page';
import { TransformPageObject } from './pages/transform-page';

async function startStudio(env: Record<string, string>) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-e2e-'));
  const engine = await spawnEngine({ AIART_DATA_DIR: dataDir, AIART_STATIC_DIR: path.resolve('dist'), AIART_VIDEO_SECONDS: '0', ...env });
  return {
    engine,
    dataDir,
    async stop() {
      engine.process.kill('SIGTERM');
      await engine.exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface TestFixtures {
  createPage: CreatePageObject;
  galleryPage: GalleryPageObject;
  transformPage: TransformPageObject;
  animatePage: AnimatePageObject;
  /** Starts a separate engine with the given switches; returns its URL and data folder. */
  startQuirkyEngine(env: Record<string, string>): Promise<{ url: string; dataDir: string }>;
}

export const test = base.extend<TestFixtures, { engine: SpawnedEngine }>({
  engine: [
    async ({}, use) => {
      const studio = await startStudio({});
      await use(studio.engine);
      await studio.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ engine }, use) => use(engine.url),
  createPage: async ({ page }, use) => use(new CreatePageObject(page)),
  galleryPage: async ({ page }, use) => use(new GalleryPageObject(page)),
  transformPage: async ({ page }, use) => use(new TransformPageObject(page)),
  animatePage: async ({ page }, use) => use(new AnimatePageObject(page)),
  startQuirkyEngine: async ({}, use) => {
    const started: Array<() => Promise<void>> = [];
    await use(async (env) => {
      const studio = await startStudio(env);
      started.push(studio.stop);
      return { url: studio.engine.url, dataDir: studio.dataDir };
    });
    await Promise.all(started.map((stop) => stop()));
  },
});

export { expect };
