import '../test/fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPictureSettings } from '../picture-metadata/read-picture-settings';
import type { GalleryItem } from './gallery-item';
import { galleryStore } from './use-gallery';
import { uniqueFileNames, zipItems } from './zip-items';

const PNG = readFileSync(path.join(import.meta.dirname, '../picture-metadata/fixtures/studio-engine.png'));

const picture = (id: string, prompt: string, extra: Partial<GalleryItem> = {}) =>
  ({
    id,
    kind: 'image',
    status: 'ready',
    backend: '',
    seed: 8,
    createdAt: 1,
    favourite: false,
    mediaStored: true,
    request: { video_description: prompt, negative_prompt: 'fog', aspect_ratio: '1:1', output_format: 'png', seed: 8 },
    ...extra,
  }) as GalleryItem;

function memorySink() {
  const chunks: Uint8Array[] = [];
  const sink = new WritableStream<Uint8Array>({ write: (chunk) => void chunks.push(chunk) });
  return { sink, bytes: async () => new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()) };
}

describe('zipping gallery items', () => {
  it('writes each kept picture under a readable, unique name with its recipe, and says what it left out', async () => {
    await galleryStore.getState().load();
    const items = [picture('a', 'Harbour at dawn'), picture('b', 'Harbour at dawn'), picture('c', 'Red kite', { seed: 9 })];
    for (const item of items) {
      galleryStore.getState().upsert(item);
      await galleryStore.getState().storeMedia(item.id, new Blob([PNG], { type: 'image/png' }));
    }
    const queued = picture('q', 'Still waiting', { status: 'queued', mediaStored: false });
    const gone = picture('g', 'Nowhere', { mediaStored: false });
    const progress: number[] = [];
    const { sink, bytes } = memorySink();

    const report = await zipItems([...items, queued, gone], sink, (done) => progress.push(done));

    expect(report).toEqual({ files: 3, skipped: [{ itemId: 'q', reason: 'not finished' }, { itemId: 'g', reason: 'no copy of this file is available' }] });
    expect(progress).toEqual([0, 1, 2, 3, 4, 5]);
    const files = unzipSync(await bytes());
    expect(Object.keys(files)).toEqual(['harbour-at-dawn-8.png', 'harbour-at-dawn-8-2.png', 'red-kite-9.png']);
    const settings = await Promise.all(Object.values(files).map((file) => readPictureSettings(file)));
    expect(settings.map((read) => read.ok && read.itemId)).toEqual(['a', 'b', 'c']);
    expect(settings[2]).toMatchObject({ ok: true, source: 'studio', requests: { image: { video_description: 'Red kite', negative_prompt: 'fog', seed: 9 } } });
  });

  it('throws the sink\u2019s own error when the sink fails', async () => {
    const item = picture('s', 'Sink failure');
    galleryStore.getState().upsert(item);
    await galleryStore.getState().storeMedia('s', new Blob([PNG], { type: 'image/png' }));
    const sink = new WritableStream<Uint8Array>({ write: () => Promise.reject(new Error('the disk is full')) });
    await expect(zipItems([item], sink)).rejects.toThrow('the disk is full');
  });
});

describe('unique file names', () => {
  it('numbers a name taken before, keeping its extension', () => {
    const nameFor = uniqueFileNames();
    expect(['a-1.png', 'a-1.png', 'a-1.png', 'b', 'b'].map(nameFor)).toEqual(['a-1.png', 'a-1-2.png', 'a-1-3.png', 'b', 'b-2']);
  });
});
