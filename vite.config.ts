import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

/** Where `npm run dev` forwards API and media requests: the engine started beside it. */
const engine = process.env.AIART_ENGINE_URL ?? 'http://127.0.0.1:8787';
const forwarded = ['/api', '/images', '/processed_images', '/processed_videos', '/engine.json'];
/**
 * What every page loads: the libraries the first page needs anyway (one that only a lazy page
 * used would join the first page here), and the API contract, which they all check against.
 */
const FIRST_PAGE_CORE = /(src[\\/]api[\\/]contract\.ts$)|node_modules[\\/](react|react-dom|scheduler|@tanstack|zod|zustand|wouter|idb|regexparam|use-sync-external-store)[\\/]/;

export default defineConfig({
  // Brotli and gzip copies of each text asset, so the engine serves them without compressing per request.
  plugins: [react(), tailwindcss(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  server: {
    proxy: Object.fromEntries(forwarded.map((path) => [path, { target: engine, changeOrigin: false }])),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    modulePreload: { polyfill: false },
    // In one chunk: split across the chunks that share them, they cost 1 to 1.7 KB more gzip on
    // the first page.
    rolldownOptions: { output: { advancedChunks: { groups: [{ name: 'core', test: FIRST_PAGE_CORE }] } } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'studio',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'engine',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
