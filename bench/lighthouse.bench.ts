/**
 * Lighthouse, mobile preset with simulated throttling, against the production build served the way
 * `npm start` serves it, in the Chromium the tests use. For `/` and `/gallery`: the scores, layout
 * shift and first-page bytes on the wire (HTML, JS and CSS as transferred) of the median run.
 * Exits 1 when any figure misses its target. Run it with `npm run bench:lighthouse`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium';
import { COMPILED, spawnEngine } from '../server/testing/spawn-engine';
import { median } from './stats';

const PAGES = ['/', '/gallery'];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGETS = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1, cls: 0.05, firstPageKb: 100 };
const FIRST_PAGE_TYPES = new Set(['Document', 'Script', 'Stylesheet']);

interface Report {
  categories: Record<(typeof CATEGORIES)[number], { score: number }>;
  audits: Record<string, { numericValue?: number; details?: { items?: Array<{ resourceType?: string; transferSize?: number }> } }>;
}

interface Figures {
  scores: Record<(typeof CATEGORIES)[number], number>;
  cls: number;
  firstPageKb: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
}

const chromePath = chromiumExecutable();
if (!chromePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');
const lighthouseCli = path.resolve('node_modules/lighthouse/cli/index.js');

function figuresOf(report: Report): Figures {
  const requests = report.audits['network-requests'].details?.items ?? [];
  const firstPageBytes = requests
    .filter((request) => FIRST_PAGE_TYPES.has(request.resourceType ?? ''))
    .reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  return {
    scores: Object.fromEntries(CATEGORIES.map((name) => [name, report.categories[name].score])) as Figures['scores'],
    cls: report.audits['cumulative-layout-shift'].numericValue!,
    firstPageKb: firstPageBytes / 1024,
    fcpMs: report.audits['first-contentful-paint'].numericValue!,
    lcpMs: report.audits['largest-contentful-paint'].numericValue!,
    tbtMs: report.audits['total-blocking-time'].numericValue!,
  };
}

async function audit(url: string, output: string): Promise<Figures> {
  execFileSync(
    process.execPath,
    [
      lighthouseCli,
      url,
      '--output=json',
      `--output-path=${output}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return figuresOf(JSON.parse(await readFile(output, 'utf8')) as Report);
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-bench-lighthouse-'));
const engine = await spawnEngine({ AIART_DATA_DIR: dataDir, AIART_STATIC_DIR: path.resolve('dist') }, undefined, COMPILED);
const misses: string[] = [];
try {
  for (const page of PAGES) {
    const runs: Figures[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await audit(`${engine.url}${page}`, path.join(dataDir, `report-${run}.json`)));
    const performance = median(runs.map((r) => r.scores.performance));
    const chosen = runs.find((r) => r.scores.performance === performance) ?? runs[0];
    const rows: Array<[string, number, string, boolean]> = [
      ...CATEGORIES.map((name): [string, number, string, boolean] => [
        name,
        chosen.scores[name],
        `>= ${TARGETS[name]}`,
        chosen.scores[name] >= TARGETS[name],
      ]),
      ['CLS', chosen.cls, `<= ${TARGETS.cls}`, chosen.cls <= TARGETS.cls],
      ['first page on the wire (KB)', chosen.firstPageKb, `<= ${TARGETS.firstPageKb}`, chosen.firstPageKb <= TARGETS.firstPageKb],
    ];
    console.log(`\nLighthouse mobile ${page} (median of ${RUNS} by performance; all runs: ${runs.map((r) => r.scores.performance).join(', ')})`);
    for (const [name, value, target, ok] of rows) {
      console.log(`  ${ok ? 'ok  ' : 'MISS'} ${name.padEnd(30)} ${value.toFixed(name === 'CLS' ? 3 : 2).padStart(8)}   target ${target}`);
      if (!ok) misses.push(`${page} ${name} ${value.toFixed(3)} (target ${target})`);
    }
    console.log(`       FCP ${chosen.fcpMs.toFixed(0)} ms, LCP ${chosen.lcpMs.toFixed(0)} ms, TBT ${chosen.tbtMs.toFixed(0)} ms`);
  }
} finally {
  engine.process.kill('SIGTERM');
  await engine.exited;
  await rm(dataDir, { recursive: true, force: true });
}
if (misses.length) {
  console.error(`\nLighthouse targets missed:\n  ${misses.join('\n  ')}`);
  process.exit(1);
}
