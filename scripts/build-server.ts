/**
 * Compiles the engine for production into dist-server/main.js: one ES module bundling server/ and
 * the studio files it shares (the API contract, the page paths), run with plain `node`, and
 * dist-server/render-worker.js beside it, the script of the video render threads. Packages stay
 * external: they are the `dependencies` that `npm ci --omit=dev` installs.
 */
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'server/main.ts', 'render-worker': 'server/video/render-worker.ts' },
  outdir: 'dist-server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  // Stack traces in the log point at server/*.ts when run with --enable-source-maps.
  sourcemap: true,
  logLevel: 'warning',
});
console.log('engine compiled to dist-server/main.js and dist-server/render-worker.js');
