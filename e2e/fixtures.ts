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
import { PromptHistoryObject } from './pages/prompt-history';
import { QueuePanelObject } from './pages/queue-panel';
import { TransformPageObject } from './pages/transform-page';

/** One line of the engine's request log. */
export interface LoggedRequest {
  time: string;
  method: string;
  path: string;
  status: number;
}

async function startStudio(env: Record<string, string>) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-e2e-'));
  const log: LoggedRequest[] = [];
  const keep = (line: string) => {
    if (line.startsWith('{"time"')) log.push(JSON.parse(line) as LoggedRequest);
  };
  const settings = { AIART_DATA_DIR: dataDir, AIART_STATIC_DIR: path.resolve('dist'), AIART_VIDEO_SECONDS: '0', AIART_LOG: 'on', ...env };
  let engine = await spawnEngine(settings, keep);
  const stopEngine = async () => {
    engine.process.kill('SIGTERM');
    await engine.exited;
  };
  return {
    get engine() {
      return engine;
    },
    dataDir,
    log,
    /** Stops the engine and starts it again on the same port and data folder. */
    async restart(whileDown: () => Promise<void> = async () => undefined) {
      await stopEngine();
      await whileDown();
      engine = await spawnEngine({ ...settings, PORT: new URL(engine.url).port }, keep);
    },
    async stop() {
      await stopEngine();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type QuirkyEngine = { url: string; dataDir: string; log: LoggedRequest[]; restart(whileDown?: () => Promise<void>): Promise<void> };

interface TestFixtures {
  createPage: CreatePageObject;
  galleryPage: GalleryPageObject;
  transformPage: TransformPageObject;
  animatePage: AnimatePageObject;
  queuePanel: QueuePanelObject;
  promptHistory: PromptHistoryObject;
  /** Starts a separate engine with the given switches; returns its URL, data folder and request log. */
  startQuirkyEngine(env: Record<string, string>): Promise<QuirkyEngine>;
}

export const test = base.extend<TestFixtures, { engine: SpawnedEngine }>({
  engine: [
    async ({}, use) => {
      const studio = await startStudio({ AIART_LOG: 'off' });
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
  queuePanel: async ({ page }, use) => use(new QueuePanelObject(page)),
  promptHistory: async ({ page }, use) => use(new PromptHistoryObject(page)),
  startQuirkyEngine: async ({}, use) => {
    const started: Array<() => Promise<void>> = [];
    await use(async (env) => {
      const studio = await startStudio(env);
      started.push(studio.stop);
      return { url: studio.engine.url, dataDir: studio.dataDir, log: studio.log, restart: studio.restart };
    });
    await Promise.all(started.map((stop) => stop()));
  },
});

export { expect };
