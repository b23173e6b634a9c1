/**
 * Bundle budget: gzipped JavaScript of the first page (the entry, the Create page and everything
 * they import statically), the CSS, and every lazily loaded chunk. Fails loudly when over, or
 * when a module that must load lazily (by import()) has reached the first page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { firstPageJsKb: 110, cssKb: 15, lazyChunkKb: 40 };
const FIRST_PAGE = 'src/features/text-to-image/create-page.tsx';
/** Source paths (as the source maps name them) that only import() may load. */
const LAZY_ONLY = ['src/picture-metadata/', 'src/lib/zip-reader.ts'];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const dist = path.resolve(process.argv[2] ?? 'dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const gzipKb = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

/** A chunk and everything it imports statically, as manifest keys. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)!;
const firstPage = new Set([...closure(entryKey), ...closure(FIRST_PAGE)]);
const firstPageJs = [...firstPage].reduce((sum, key) => sum + gzipKb(manifest[key].file), 0);
const cssFiles = new Set(Object.values(manifest).flatMap((chunk) => chunk.css ?? []));
const css = [...cssFiles].reduce((sum, file) => sum + gzipKb(file), 0);
const lazy = Object.entries(manifest)
  .filter(([key, chunk]) => chunk.file.endsWith('.js') && !firstPage.has(key))
  .map(([key, chunk]) => ({ key, file: chunk.file, kb: gzipKb(chunk.file) }))
  .sort((a, b) => b.kb - a.kb);

const rows: Array<[string, number, number]> = [
  ['first page JS (entry + Create)', firstPageJs, BUDGETS.firstPageJsKb],
  ['CSS', css, BUDGETS.cssKb],
  ...lazy.map(({ file, kb }): [string, number, number] => [`chunk ${file}`, kb, BUDGETS.lazyChunkKb]),
];
/** The project sources inside a chunk, from its source map. */
function sourcesOf(file: string): string[] {
  const map = path.join(dist, `${file}.map`);
  if (!existsSync(map)) return [];
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  return sources.map((source) => path.relative(process.cwd(), path.resolve(path.dirname(path.join(dist, file)), source)));
}
const eager = [...firstPage].flatMap((key) => sourcesOf(manifest[key].file)).filter((source) => LAZY_ONLY.some((lazy) => source.startsWith(lazy)));

let over = eager.length;
if (eager.length) console.error(`Loaded with the first page, though only import() may load them:\n  ${eager.join('\n  ')}\n`);
console.log('bundle budget (gzip):');
for (const [name, kb, budget] of rows) {
  const ok = kb <= budget;
  if (!ok) over++;
  console.log(`  ${ok ? 'ok  ' : 'OVER'} ${name.padEnd(58)} ${kb.toFixed(1).padStart(6)} KB / ${budget} KB`);
}
if (over) {
  console.error(`\n${over} bundle budget(s) exceeded.`);
  process.exit(1);
}
