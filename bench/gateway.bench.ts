/**
 * Gateway benchmark: what the engine adds per picture over its upstream's own time. A fake
 * AUTOMATIC1111 answers a 1024x1024 PNG as base64 (and a fake Stability as raw bytes); each run
 * times the upstream asked directly, then the same picture through the engine, stored and
 * downloaded as binary. Run with `npm run bench:gateway`; it reports medians over paired runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { type FakeHandler, startFakeServer } from '../server/testing/fakes/fake-server';
import { spawnEngine } from '../server/testing/spawn-engine';
import { median, ms, percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARM_UP = 3;
const BUDGET_MS = 20;

/** A photo-like 1024x1024 PNG: a gradient with shapes and grain, about as large as a real one. */
async function photoLikePng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a6"/><stop offset="1" stop-color="#fc3"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="300" cy="400" r="200" fill="#c22"/></svg>`;
  const base = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  // Grain from a fixed xorshift sequence: as little compressible as a generated picture's detail.
  let state = 2463534242;
  for (let i = 0; i < base.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    base[i] = Math.max(0, Math.min(255, base[i] + ((state >>> 0) % 13) - 6));
  }
  return sharp(base, { raw: { width: 1024, height: 1024, channels: 3 } }).png().toBuffer();
}

interface Path {
  name: string;
  handler: FakeHandler;
  env: (url: string) => Record<string, string>;
  /** Asks the upstream directly for one picture, as the engine would. */
  direct: (url: string) => Promise<unknown>;
  model: string;
}

const png = await photoLikePng();
const base64Answer = JSON.stringify({ images: [png.toString('base64')], parameters: {}, info: JSON.stringify({ seed: 7 }) });
const txt2img = { prompt: 'harbor', negative_prompt: '', seed: 7, width: 1024, height: 1024, steps: 25, cfg_scale: 7 };
const KEY = 'sk-bench-key-0000';

const PATHS: Path[] = [
  {
    name: 'AUTOMATIC1111 (base64 JSON in, binary out)',
    handler: (req) => {
      if (req.path === '/sdapi/v1/sd-models') return { body: [{ title: 'bench.safetensors', model_name: 'bench' }] };
      if (req.path === '/sdapi/v1/options') return { body: { sd_model_checkpoint: 'bench.safetensors' } };
      return { headers: { 'Content-Type': 'application/json' }, body: base64Answer };
    },
    env: (url) => ({ AIART_A1111_URL: url }),
    direct: async (url) => {
      const res = await fetch(`${url}/sdapi/v1/txt2img`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(txt2img) });
      return res.json();
    },
    model: 'a1111:bench.safetensors',
  },
  {
    name: 'Stability AI (binary in, binary out)',
    handler: () => ({ headers: { 'Content-Type': 'image/png', 'finish-reason': 'SUCCESS', seed: '7' }, body: png }),
    env: (url) => ({ AIART_STABILITY_API_KEY: KEY, AIART_STABILITY_URL: url }),
    direct: async (url) => {
      const form = new FormData();
      form.set('prompt', 'harbor');
      form.set('aspect_ratio', '1:1');
      const res = await fetch(`${url}/v2beta/stable-image/generate/core`, { method: 'POST', body: form, headers: { Accept: 'image/*', Authorization: `Bearer ${KEY}` } });
      return res.arrayBuffer();
    },
    model: 'stability:core',
  },
];

async function viaGateway(engineUrl: string, model: string, seed: number): Promise<void> {
  const res = await fetch(`${engineUrl}/api/generate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ video_description: 'harbor', aspect_ratio: '1:1', output_format: 'png', seed, model }),
  });
  const body = (await res.json()) as { image_url?: string; error?: string };
  if (!body.image_url) throw new Error(`the engine answered ${res.status}: ${body.error}`);
  const image = await fetch(body.image_url);
  if ((await image.arrayBuffer()).byteLength !== png.length) throw new Error('the stored picture differs from the upstream one');
}

const results: Array<[string, string, boolean]> = [];
console.log(`picture: 1024x1024 PNG, ${(png.length / 1024 / 1024).toFixed(2)} MB (${(base64Answer.length / 1024 / 1024).toFixed(2)} MB as base64 JSON)`);

for (const bench of PATHS) {
  const fake = await startFakeServer(bench.handler);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-bench-gateway-'));
  const engine = await spawnEngine({ AIART_DATA_DIR: dataDir, ...bench.env(fake.url) });
  try {
    const direct: number[] = [];
    const gateway: number[] = [];
    for (let i = 0; i < RUNS + WARM_UP; i++) {
      const a = performance.now();
      await bench.direct(fake.url);
      const b = performance.now();
      await viaGateway(engine.url, bench.model, i + 1);
      const c = performance.now();
      fake.requests.length = 0;
      if (i < WARM_UP) continue;
      direct.push(b - a);
      gateway.push(c - b);
    }
    const added = gateway.map((t, i) => t - direct[i]);
    const m = median(added);
    console.log(`\n${bench.name}, ${RUNS} paired runs:`);
    console.log(`  upstream alone:   median ${ms(median(direct))}, p95 ${ms(percentile(direct, 95))}`);
    console.log(`  through engine:   median ${ms(median(gateway))}, p95 ${ms(percentile(gateway, 95))} (generate, store, answer, download)`);
    console.log(`  added by engine:  median ${m.toFixed(1)} ms, p95 ${ms(percentile(added, 95))}`);
    results.push([`${bench.name} added median`, `${m.toFixed(1)} ms <= ${BUDGET_MS} ms`, m <= BUDGET_MS]);
  } finally {
    engine.process.kill('SIGTERM');
    await engine.exited;
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

console.log('\nbudget check:');
for (const [name, figure, ok] of results) console.log(`  ${ok ? 'ok  ' : 'OVER'} ${name}: ${figure}`);
process.exitCode = results.every(([, , ok]) => ok) ? 0 : 1;
