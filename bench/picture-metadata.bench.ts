/**
 * Picture metadata benchmark: reading the settings of a 10 MB PNG without decoding its pixels,
 * in Node (the file in memory) and in headless Chromium (a file on disk, handed to the page as a
 * drop hands it), and writing the studio's recipe into it. Median of N runs each; exits non-zero
 * when a median is over the budget.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { byteSource } from '../src/picture-metadata/byte-source';
import { listPngChunks } from '../src/picture-metadata/png-chunks';
import { readPictureSettings } from '../src/picture-metadata/read-picture-settings';
import { writePictureRecipe } from '../src/picture-metadata/write-picture-recipe';
import { median, percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 41);
const BUDGET_MS = 20;
const READER = path.resolve('src/picture-metadata/read-picture-settings.ts');

/** Noise does not compress: 1900×1800 RGB makes a PNG of about 10 MB, in 8 KB data chunks as the engine writes them. */
async function tenMegabytePng(): Promise<Uint8Array> {
  const width = 1900;
  const height = 1800;
  const pixels = Buffer.alloc(width * height * 3);
  let state = 1;
  for (let i = 0; i < pixels.length; i++) pixels[i] = (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24;
  const png = await sharp(pixels, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 4, adaptiveFiltering: false }).toBuffer();
  const recipe = { kind: 'image', seed: 42, request: { video_description: 'a harbour at dusk, oil painting', negative_prompt: 'text', aspect_ratio: '16:9', output_format: 'png', seed: 42 }, itemId: 'bench' } as const;
  return new Uint8Array(await (await writePictureRecipe(new Blob([png]), recipe)).arrayBuffer());
}

async function timeRuns(run: () => Promise<unknown>): Promise<number[]> {
  await run(); // Warm-up.
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

/** The reader as one script the page can run: what `npm run build` would put in its lazy chunk. */
async function readerScript(): Promise<string> {
  const built = await build({ configFile: false, logLevel: 'silent', build: { write: false, minify: true, lib: { entry: READER, formats: ['es'], fileName: 'reader' } } });
  const { output } = (Array.isArray(built) ? built[0] : built) as { output: Array<{ code?: string }> };
  const code = output[0].code!;
  const exported = /export\s*\{([^}]*)\};?\s*$/.exec(code)!;
  const names = exported[1].split(',').map((part) => part.trim().split(/\s+as\s+/)).map(([local, name]) => `${name ?? local}: ${local}`);
  return `${code.slice(0, exported.index)}\nglobalThis.pictureMetadata = { ${names.join(', ')} };`;
}

async function chromiumTimes(file: string): Promise<number[]> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.setContent('<input type="file">');
    await page.addScriptTag({ content: await readerScript(), type: 'module' });
    await page.setInputFiles('input', file);
    return await page.evaluate(async (runs) => {
      const picture = (document.querySelector('input') as HTMLInputElement).files![0];
      const { readPictureSettings: read } = (globalThis as unknown as { pictureMetadata: { readPictureSettings(file: Blob): Promise<{ ok: boolean }> } }).pictureMetadata;
      if (!(await read(picture)).ok) throw new Error('the page could not read the settings');
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await read(picture);
        times.push(performance.now() - started);
      }
      return times;
    }, RUNS);
  } finally {
    await browser.close();
  }
}

const directory = await mkdtemp(path.join(tmpdir(), 'aiart-bench-metadata-'));
let over = 0;
try {
  const png = await tenMegabytePng();
  const file = path.join(directory, 'ten-megabytes.png');
  await writeFile(file, png);
  const { chunks } = await listPngChunks(byteSource(png));
  const view = new DataView(png.buffer, png.byteOffset, png.length);
  let total = 0;
  for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) total++;
  console.log(`PNG of ${(png.length / 1024 / 1024).toFixed(1)} MB in ${total.toLocaleString('en')} chunks, of which the reader lists ${chunks.length}; ${RUNS} runs each, budget ${BUDGET_MS} ms median`);
  const blob = new Blob([png as Uint8Array<ArrayBuffer>]);
  const check = await readPictureSettings(blob);
  if (!check.ok || check.source !== 'studio') throw new Error('the benchmark picture does not read back');
  const rows: Array<[string, number[], boolean]> = [
    ['read settings, Node (in memory)', await timeRuns(() => readPictureSettings(blob)), true],
    ['read settings, Chromium (file on disk)', await chromiumTimes(file), true],
    ['write the recipe, Node (in memory)', await timeRuns(() => writePictureRecipe(blob, { kind: 'video', seed: 1, request: { seed: 1, cfg_scale: 1.5, motion_bucket_id: 127 } })), false],
  ];
  for (const [name, times, budgeted] of rows) {
    const ok = !budgeted || median(times) <= BUDGET_MS;
    if (!ok) over++;
    console.log(`  ${budgeted ? (ok ? 'ok  ' : 'OVER') : '    '} ${name.padEnd(40)} median ${median(times).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
  }
} finally {
  await rm(directory, { recursive: true, force: true });
}
if (over) {
  console.error(`\n${over} metadata benchmark(s) over ${BUDGET_MS} ms.`);
  process.exit(1);
}
