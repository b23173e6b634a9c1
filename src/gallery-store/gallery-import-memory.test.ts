import '../test/fake-indexeddb';
import { mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFileBuilder } from '../test/zip-file-builder';
import { importGallery, SKIP_REASONS } from './gallery-archive';
import { createGalleryStore } from './gallery-store';

const MB = 1024 * 1024;
const THUMBS = 10_000;
const directory = mkdtempSync(path.join(tmpdir(), 'aiart-hostile-archive-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function* repeat(piece: Uint8Array, times: number): Generator<Uint8Array> {
  for (let i = 0; i < times; i++) yield piece;
}

/**
 * A deflate stream of `megabytes` of zeros at about a thousandth of the size: one megabyte of
 * zeros deflated and fully flushed (a self-contained, non-final block) repeated, then an empty
 * final block. Never more than a megabyte of it exists at once.
 */
function zeroBomb(megabytes: number) {
  const zeros = new Uint8Array(MB);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(zeros, crc);
  return { pieces: [...repeat(block, megabytes), Uint8Array.of(0x03, 0x00)], size: megabytes * MB, crc };
}

const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'image',
  seed: 1,
  request: { video_description: `prompt ${id}` },
  createdAt: 1000,
  favourite: false,
  media: `media/${id}.png`,
  thumb: `thumbs/${id}.webp`,
  ...extra,
});

/** A thumbnail-sized WebP-looking file: the studio's thumbnails are about this size. */
function thumbnail(): Uint8Array {
  const bytes = new Uint8Array(20 * 1024);
  bytes.set([...'RIFF'].map((c) => c.charCodeAt(0)));
  bytes.set([...'WEBP'].map((c) => c.charCodeAt(0)), 8);
  return bytes;
}

function buildHostileArchive(file: string) {
  const png = readFileSync(path.join(import.meta.dirname, '../picture-metadata/fixtures/studio-engine.png'));
  const items = [
    entry('good'),
    entry('bomb'),
    entry('liar'),
    ...Array.from({ length: THUMBS }, (_, i) => entry(`thumbless-${i}`, { remoteUrl: `${location.origin}/images/thumbless-${i}.png` })),
  ];
  const zip = new ZipFileBuilder(file);
  zip.add('manifest.json', [Buffer.from(JSON.stringify({ format: 'aiart-gallery', version: 1, items }))]);
  zip.add('thumbs/good.webp', [thumbnail()]);
  zip.add('media/good.png', [png]);
  const bomb = zeroBomb(1024);
  zip.add('media/bomb.png', bomb.pieces, { method: 8, size: bomb.size, crc: bomb.crc });
  // The same gigabyte, stating 8 MB: only inflating it shows what it is.
  zip.add('media/liar.png', bomb.pieces, { method: 8, size: 8 * MB, crc: 0 });
  const megabyte = new Uint8Array(MB).map((_, i) => i & 0xff);
  zip.add('extra/unknown.bin', repeat(megabyte, 200));
  const thumb = thumbnail();
  for (let i = 0; i < THUMBS; i++) zip.add(`thumbs/thumbless-${i}.webp`, [thumb]);
  zip.finish();
}

describe('importing a hostile archive', () => {
  it('passes a 1 GB zip bomb, a 200 MB unknown file and 10,000 thumbnails without media in bounded memory, and says what it skipped', { timeout: 180_000 }, async () => {
    const file = path.join(directory, 'hostile.zip');
    buildHostileArchive(file);
    const archive = await openAsBlob(file);
    expect(archive.size).toBeGreaterThan(400 * MB);
    const store = createGalleryStore({ dbName: `hostile-${Date.now()}`, channelName: 'hostile', markerKey: 'hostile', flushDelayMs: 1 });
    await store.getState().load();

    const before = process.memoryUsage();
    const heapOf = (usage: NodeJS.MemoryUsage) => usage.heapUsed + usage.arrayBuffers;
    let peakRss = before.rss;
    let peakHeap = heapOf(before);
    const sample = () => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, heapOf(usage));
    };
    const sampler = setInterval(sample, 2);
    const started = performance.now();
    const report = await importGallery(store, archive as Blob);
    clearInterval(sampler);
    sample();
    const growth = { rss: (peakRss - before.rss) / MB, heap: (peakHeap - heapOf(before)) / MB };
    console.log(`hostile import of ${(archive.size / MB).toFixed(0)} MB: ${(performance.now() - started).toFixed(0)} ms, peak growth RSS ${growth.rss.toFixed(1)} MB, JS heap and buffers ${growth.heap.toFixed(1)} MB`);

    expect(report).toEqual({
      imported: 1 + THUMBS,
      withoutMedia: THUMBS,
      skipped: {
        [SKIP_REASONS.tooLarge]: 1,
        [SKIP_REASONS.largerThanStated]: 1,
        [SKIP_REASONS.unlisted]: 1,
        [SKIP_REASONS.orphanThumbnail]: THUMBS,
      },
    });
    expect(growth.rss).toBeLessThan(200);
    expect(growth.heap).toBeLessThan(200);
    const good = store.getState().items.find((item) => item.id === 'good');
    expect(good).toMatchObject({ mediaStored: true, mediaType: 'image/png' });
    expect((await store.getState().thumbnails(['good'])).get('good')?.size).toBe(20 * 1024);
  });
});
