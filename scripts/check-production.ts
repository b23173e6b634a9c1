/**
 * Proves the production install works: copies what a deploy ships (package files, the start
 * script, the studio and engine builds) to a temporary folder, runs `npm ci --omit=dev` there,
 * then the start script as `npm start` does, and checks over HTTP that it serves the studio
 * compressed, reports healthy, and makes an image and a video. Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type SpawnedEngine, spawnEngine } from '../server/testing/spawn-engine';

const SHIPPED = ['package.json', 'package-lock.json', 'scripts/start.mjs', 'dist', 'dist-server'];
const DEV_ONLY = ['vite', 'tsx', 'esbuild', 'vitest'];
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function checkServing(url: string): Promise<void> {
  const page = await fetch(url, { headers: { 'Accept-Encoding': 'br' } });
  const html = await page.text();
  check(page.status === 200 && html.includes('<div id="root">'), `GET / answered ${page.status} without the studio page`);
  check(page.headers.get('content-encoding') === 'br', 'the studio page was not sent Brotli-compressed');
  check(page.headers.get('content-security-policy')?.includes("script-src 'self'"), 'the studio page has no CSP');
  const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  check(script, 'the studio page names no script');
  const asset = await fetch(`${url}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
  await asset.arrayBuffer();
  check(asset.status === 200 && asset.headers.get('content-encoding') === 'gzip', `GET ${script} was not served gzip-compressed`);

  const health = await fetch(`${url}/healthz`);
  check(health.status === 200, `GET /healthz answered ${health.status}: ${await health.text()}`);

  const generate = await fetch(`${url}/api/generate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ video_description: 'a lighthouse at dawn', aspect_ratio: '16:9', seed: 5 }),
  });
  const { image_url: imageUrl } = (await generate.json()) as { image_url: string };
  check(generate.status === 200 && imageUrl, `POST /api/generate answered ${generate.status}`);
  const image = Buffer.from(await (await fetch(imageUrl)).arrayBuffer());
  check(image.subarray(1, 4).toString() === 'PNG', 'the generated image is not a PNG');

  const upload = new FormData();
  upload.set('image', new Blob([image], { type: 'image/png' }), 'input.png');
  const start = await fetch(`${url}/api/img2video`, { method: 'POST', body: upload });
  const { id } = (await start.json()) as { id: string };
  check(start.status === 200 && id, `POST /api/img2video answered ${start.status}`);
  for (let poll = 0; ; poll++) {
    const result = await fetch(`${url}/api/img2video/result/${id}`);
    const body = (await result.json()) as { status?: string; video_url?: string; error?: string };
    if (result.status === 200 && body.video_url) {
      const video = Buffer.from(await (await fetch(`${url}${body.video_url}`)).arrayBuffer());
      check(video.toString('latin1', 4, 8) === 'ftyp', 'the video is not an MP4');
      return;
    }
    check(result.status === 202 && poll < 300, `the video job answered ${result.status}: ${body.error ?? body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const built of ['dist/index.html', 'dist-server/main.js']) {
  check(existsSync(built), `${built} is missing: run \`npm run build\` first`);
}
const folder = mkdtempSync(path.join(tmpdir(), 'aiart-production-'));
let engine: SpawnedEngine | undefined;
try {
  for (const item of SHIPPED) cpSync(item, path.join(folder, item), { recursive: true });
  execFileSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, stdio: 'inherit' });
  const present = DEV_ONLY.filter((name) => existsSync(path.join(folder, 'node_modules', name)));
  check(present.length === 0, `npm ci --omit=dev installed development packages: ${present.join(', ')}`);
  console.log(`production install done (${elapsed()})`);

  // What `npm start` runs, without npm in between to pass the stop signal on.
  const { scripts } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  check(scripts.start === 'node scripts/start.mjs', `npm start runs "${scripts.start}": update this check to run that`);
  engine = await spawnEngine(
    { AIART_DATA_DIR: path.join(folder, 'data'), AIART_STATIC_DIR: 'dist', AIART_VIDEO_SECONDS: '0' },
    undefined,
    { args: ['scripts/start.mjs'], cwd: folder },
  );
  await checkServing(engine.url);
  console.log(`production check passed: npm ci --omit=dev, then the start script serves the studio compressed, /healthz, an image and a video (${elapsed()})`);
} finally {
  if (engine) {
    engine.process.kill('SIGTERM');
    await engine.exited;
  }
  rmSync(folder, { recursive: true, force: true });
}
