/**
 * Engine benchmark: prints text-to-image latency, a 3-second video job's own compute time, and
 * peak memory under 16 concurrent requests. Run with `npm run bench`; figures vary on a busy
 * machine, so it reports medians over repeated runs.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { synthesizeImage } from '../server/art/synthesize';
import { spawnEngine } from '../server/testing/spawn-engine';
import { createRenderPool } from '../server/video/render-pool';
import { OVERSCAN } from '../server/video/video-options';
import { median, ms, percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const budgets = { imageMedianMs: 250, videoComputeMs: 3000, peakRssMb: 600 };
const results: Array<[string, string, boolean]> = [];

async function timeImages(url: string): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/api/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ video_description: `harbor at dusk ${i}`, aspect_ratio: '1:1', output_format: 'png', seed: i + 1 }),
    });
    await res.json();
    if (i >= 2) times.push(performance.now() - started);
  }
  const m = median(times);
  console.log(`text-to-image 1024x1024 PNG over HTTP: median ${ms(m)}, p95 ${ms(percentile(times, 95))} (${RUNS} runs)`);
  results.push(['text-to-image median', `${ms(m)} <= ${budgets.imageMedianMs} ms`, m <= budgets.imageMedianMs]);
}

async function timeVideoCompute(): Promise<void> {
  const still = synthesizeImage({ prompt: 'city by the sea', negativePrompt: '', aspectRatio: '16:9', seed: 4 });
  const w = Math.round((1024 * OVERSCAN) / 2) * 2;
  const h = Math.round((576 * OVERSCAN) / 2) * 2;
  const { data } = await sharp(still.data, { raw: { width: still.width, height: still.height, channels: 3 } })
    .resize(w, h, { fit: 'cover' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const source = { width: w, height: h, data: new Uint8ClampedArray(data) };
  // As the engine renders: on a worker thread, the still sent over and the MP4 sent back.
  const pool = createRenderPool(1);
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      await pool.render({ source, frame: { width: 1024, height: 576 }, motion: { seed: i + 1, cfgScale: 1.5, motionBucketId: 127 } });
      times.push(performance.now() - started);
    }
  } finally {
    await pool.close();
  }
  // The first render also starts the worker thread, once per engine: reported apart.
  const [first, ...warm] = times;
  const m = median(warm);
  console.log(`video job compute on a render worker, 3 s 1024x576 H.264: median ${ms(m)} (5 runs; min ${ms(Math.min(...warm))}; first render with worker start ${ms(first)})`);
  results.push(['video compute median', `${ms(m)} <= ${budgets.videoComputeMs} ms`, m <= budgets.videoComputeMs]);
}

async function concurrentPeak(url: string, pid: number): Promise<void> {
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: 16 }, (_, i) =>
      fetch(`${url}/api/generate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ video_description: `crowd ${i}`, aspect_ratio: '16:9', seed: 100 + i }),
      }),
    ),
  );
  const errors = answers.filter((res) => res.status !== 200).length;
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const peak = Number(status.match(/VmHWM:\s+(\d+) kB/)![1]) / 1024;
  console.log(`16 concurrent text-to-image: ${errors} errors, all done in ${ms(performance.now() - started)}, engine peak RSS ${peak.toFixed(0)} MB`);
  results.push(['16 concurrent', `${errors} errors, ${peak.toFixed(0)} MB < ${budgets.peakRssMb} MB`, errors === 0 && peak < budgets.peakRssMb]);
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-bench-'));
const engine = await spawnEngine({ AIART_DATA_DIR: dataDir, AIART_VIDEO_SECONDS: '0' });
try {
  await timeImages(engine.url);
  await concurrentPeak(engine.url, engine.process.pid!);
  await timeVideoCompute();
} finally {
  engine.process.kill('SIGTERM');
  await engine.exited;
  await rm(dataDir, { recursive: true, force: true });
}
console.log('\nbudget check:');
for (const [name, figure, ok] of results) console.log(`  ${ok ? 'ok  ' : 'OVER'} ${name}: ${figure}`);
process.exitCode = results.every(([, , ok]) => ok) ? 0 : 1;
