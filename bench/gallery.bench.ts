/**
 * Gallery benchmark with 10,000 items in IndexedDB, in headless Chromium: seeding time, time from
 * navigation to the first screen of painted thumbnails, cells in the DOM, frame times of a
 * scripted scroll to the bottom, and the JS heap afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { firstScreenPainted, scrollThrough, seedGallery } from '../e2e/support/seed-gallery';
import { spawnEngine } from '../server/testing/spawn-engine';
import { median, ms, percentile } from './stats';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const budgets = { firstScreenMs: 400, maxCells: 300, scrollP95Ms: 25, heapMb: 150 };

const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-bench-gallery-'));
const engine = await spawnEngine({ AIART_DATA_DIR: dataDir, AIART_STATIC_DIR: path.resolve('dist') });
const browser = await chromium.launch(chromiumLaunchOptions());
const results: Array<[string, string, boolean]> = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Code run in the page keeps the names this runner gives functions; give it the helper.
  const helper = 'globalThis.__name = (f) => f';
  await page.addInitScript(helper);
  await page.goto(`${engine.url}/settings`);
  await page.waitForFunction(() => new Promise((resolve) => {
    const open = indexedDB.open('aiart-studio');
    open.onsuccess = () => resolve(open.result.objectStoreNames.contains('thumbs'));
  }));
  const seedMs = await page.evaluate(seedGallery, ITEMS);
  console.log(`seeded ${ITEMS.toLocaleString('en')} items in ${ms(seedMs)} (batched transactions of 1,000)`);

  const firstScreen: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    await page.goto(`${engine.url}/gallery`);
    const painted = await page.evaluate(firstScreenPainted);
    if (run > 0) firstScreen.push(painted);
  }
  await page.getByText(`${ITEMS.toLocaleString('en')} of ${ITEMS.toLocaleString('en')} items`).waitFor();
  const m = median(firstScreen);
  console.log(`navigation to first screen of thumbnails painted: median ${ms(m)}, p95 ${ms(percentile(firstScreen, 95))} (${RUNS} loads)`);
  results.push(['first screen painted', `${ms(m)} <= ${budgets.firstScreenMs} ms`, m <= budgets.firstScreenMs]);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { frames, maxCells } = await page.evaluate(scrollThrough, 600);
  const p95 = percentile(frames, 95);
  console.log(`scroll to the bottom: ${frames.length} frames, median ${ms(median(frames))}, p95 ${ms(p95)}; at most ${maxCells} cells in the DOM`);
  results.push(['scroll p95 frame', `${ms(p95)} <= ${budgets.scrollP95Ms} ms`, p95 <= budgets.scrollP95Ms]);
  results.push(['cells in the DOM', `${maxCells} <= ${budgets.maxCells}`, maxCells <= budgets.maxCells]);

  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heapMb = metrics.find((metric) => metric.name === 'JSHeapUsedSize')!.value / 1024 / 1024;
  console.log(`JS heap after the scroll: ${heapMb.toFixed(1)} MB`);
  results.push(['JS heap', `${heapMb.toFixed(1)} MB <= ${budgets.heapMb} MB`, heapMb <= budgets.heapMb]);
} finally {
  await browser.close();
  engine.process.kill('SIGTERM');
  await engine.exited;
  await rm(dataDir, { recursive: true, force: true });
}
console.log('\nbudget check:');
for (const [name, figure, ok] of results) console.log(`  ${ok ? 'ok  ' : 'OVER'} ${name}: ${figure}`);
process.exitCode = results.every(([, , ok]) => ok) ? 0 : 1;
