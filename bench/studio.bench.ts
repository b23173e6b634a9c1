/**
 * Studio benchmark, in headless Chromium against the built studio and the local engine: how long
 * the studio adds between the API's answer and the image on screen, beyond the image's own
 * download (request start after the answer, and paint after the download). Then the bundle budget.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { spawnEngine } from '../server/testing/spawn-engine';
import { median, ms, percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BUDGET_MS = 50;

const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-bench-studio-'));
const engine = await spawnEngine({ AIART_DATA_DIR: dataDir, AIART_STATIC_DIR: path.resolve('dist') });
const browser = await chromium.launch(chromiumLaunchOptions());
const overheads: number[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(engine.url);
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
  for (let run = 0; run < RUNS + 1; run++) {
    await page.evaluate(() => performance.clearResourceTimings());
    await prompt.fill(`benchmark harbour ${run}`);
    await page.getByRole('button', { name: /^Generate/ }).click();
    const timing = await page.evaluate(
      () =>
        new Promise<{ apiEnd: number; imageStart: number; imageEnd: number; painted: number }>((resolve) => {
          const observer = new PerformanceObserver((list) => {
            const painted = list.getEntries().find((e) => (e as PerformanceEntry & { identifier?: string }).identifier === 'result-image') as
              | (PerformanceEntry & { renderTime: number; url: string })
              | undefined;
            if (!painted) return;
            observer.disconnect();
            const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
            const api = resources.find((r) => r.name.endsWith('/api/generate'))!;
            const image = resources.find((r) => r.name === painted.url)!;
            resolve({ apiEnd: api.responseEnd, imageStart: image.startTime, imageEnd: image.responseEnd, painted: painted.renderTime });
          });
          observer.observe({ type: 'element', buffered: false });
        }),
    );
    if (run > 0) overheads.push(timing.imageStart - timing.apiEnd + (timing.painted - timing.imageEnd));
  }
} finally {
  await browser.close();
  engine.process.kill('SIGTERM');
  await engine.exited;
  await rm(dataDir, { recursive: true, force: true });
}
const m = median(overheads);
console.log(`API answer to image painted, beyond the image download: median ${ms(m)}, p95 ${ms(percentile(overheads, 95))} (${RUNS} runs)`);
console.log(`  ${m <= BUDGET_MS ? 'ok  ' : 'OVER'} budget ${BUDGET_MS} ms\n`);
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-budget.ts'], { stdio: 'inherit' });
process.exitCode = m <= BUDGET_MS ? process.exitCode : 1;
