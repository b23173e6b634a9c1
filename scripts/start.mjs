/**
 * `npm start`: in a checkout with the build tools (after `npm ci`) it builds the studio and the
 * engine first; after `npm ci --omit=dev` it runs the build made before. Either way the engine
 * runs compiled, with plain node. Plain JavaScript, since production has no TypeScript runner.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const engine = new URL('../dist-server/main.js', import.meta.url);

function buildToolsInstalled() {
  try {
    import.meta.resolve('vite');
    return true;
  } catch {
    return false;
  }
}

if (buildToolsInstalled()) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
} else if (!existsSync(engine)) {
  console.error('No build to run: the build tools are not installed (npm ci --omit=dev). Run `npm ci && npm run build` first, then `npm ci --omit=dev`.');
  process.exit(1);
}

process.setSourceMapsEnabled(true);
await import(engine.href);
