import '../test/fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPictureSettings } from '../picture-metadata/read-picture-settings';
import { ArchiveError, exportGallery, importGallery, SKIP_REASONS } from './gallery-archive';
import type { GalleryItem } from './gallery-item';
import { createGalleryStore } from './gallery-store';

let counter = 0;
async function freshStore() {
  counter += 1;
  const store = createGalleryStore({ dbName: `archive-test-${counter}-${Date.now()}`, channelName: `archive-${counter}`, markerKey: `archive-${counter}`, flushDelayMs: 1 });
  await store.getState().load();
  return store;
}

const DREAMSHAPER = 'a1111:dreamshaper_8.safetensors [879db523c3]';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const WEBP = new Uint8Array([...strToU8('RIFF'), 4, 0, 0, 0, ...strToU8('WEBP')]);
const MP4 = new Uint8Array([0, 0, 0, 24, ...strToU8('ftypisom'), 0, 0, 2, 0]);

function item(id: string, extra: Partial<GalleryItem> = {}): GalleryItem {
  return {
    id,
    kind: 'image',
    status: 'ready',
    backend: '',
    seed: 5,
    remoteUrl: `http://engine.test/images/${id}.png`,
    createdAt: 1000 + counter,
    favourite: id.endsWith('1'),
    mediaStored: false,
    request: { video_description: `prompt ${id}`, negative_prompt: '', aspect_ratio: '1:1', output_format: 'png', seed: 5 },
    ...extra,
  } as GalleryItem;
}

/** A WritableStream that keeps what it is given, and how many writes it saw. */
function memorySink() {
  const chunks: Uint8Array[] = [];
  const sink = new WritableStream<Uint8Array>({ write: (chunk) => void chunks.push(chunk) });
  return { sink, blob: () => new Blob(chunks as BlobPart[], { type: 'application/zip' }), writes: () => chunks.length };
}

describe('gallery export and import', () => {
  it('exports items with media and thumbnails, and imports them into another gallery exactly', async () => {
    const source = await freshStore();
    for (let i = 0; i < 20; i++) source.getState().upsert(item(`item-${i}`, { createdAt: 5000 + i }));
    for (let i = 0; i < 20; i++) await source.getState().storeMedia(`item-${i}`, new Blob([PNG], { type: 'image/png' }), new Blob([WEBP], { type: 'image/webp' }));
    source.getState().upsert(item('video-1', { kind: 'video', request: { seed: 3, cfg_scale: 1.5, motion_bucket_id: 90 }, finishReason: 'CONTENT_FILTERED', remoteUrl: 'http://engine.test/processed_videos/v.mp4', createdAt: 9000 } as Partial<GalleryItem>));
    await source.getState().storeMedia('video-1', new Blob([MP4], { type: 'video/mp4' }));
    source.getState().upsert(item('pending-1', { status: 'queued' }));

    const { sink, blob, writes } = memorySink();
    const exported = await exportGallery(source, source.getState().items, sink);
    expect(exported).toEqual({ items: 21, withoutMedia: 0 });
    expect(writes()).toBeGreaterThan(40);

    const target = await freshStore();
    const report = await importGallery(target, blob());
    expect(report).toEqual({ imported: 21, withoutMedia: 0, skipped: {} });
    const imported = target.getState().items;
    expect(imported.map((i) => i.id)).toEqual(source.getState().items.filter((i) => i.status === 'ready').map((i) => i.id));
    expect(imported.find((i) => i.id === 'video-1')).toMatchObject({ kind: 'video', finishReason: 'CONTENT_FILTERED', mediaStored: true, mediaType: 'video/mp4' });
    expect(imported.find((i) => i.id === 'item-1')).toMatchObject({ favourite: true, mediaStored: true, request: { video_description: 'prompt item-1' } });
    expect(new Uint8Array(await (await target.getState().media('item-7'))!.arrayBuffer())).toEqual(PNG);
    expect((await target.getState().thumbnails(['item-7'])).get('item-7')?.size).toBe(WEBP.length);

    const again = await importGallery(target, blob());
    expect(again).toEqual({ imported: 0, withoutMedia: 0, skipped: { 'already in your gallery': 21 } });
  });

  it('imports an item without media by its address on a backend the studio uses, and no other address', async () => {
    const source = await freshStore();
    source.getState().upsert(item('remote-only', { remoteUrl: `${location.origin}/images/remote-only.png` }));
    source.getState().upsert(item('elsewhere', { remoteUrl: 'https://tracker.example/images/elsewhere.png' }));
    source.getState().upsert(item('not-media', { remoteUrl: `${location.origin}/api/generate` }));
    const { sink, blob } = memorySink();
    await exportGallery(source, source.getState().items, sink);
    const target = await freshStore();
    expect(await importGallery(target, blob())).toEqual({ imported: 1, withoutMedia: 1, skipped: { [SKIP_REASONS.foreignAddress]: 2 } });
    expect(target.getState().items).toMatchObject([{ id: 'remote-only', remoteUrl: `${location.origin}/images/remote-only.png`, backend: '' }]);
  });

  it('writes each picture\u2019s recipe into it on export, and the model that made it into the manifest and the recipe', async () => {
    const source = await freshStore();
    const png = readFileSync(path.join(import.meta.dirname, '../picture-metadata/fixtures/studio-engine.png'));
    source.getState().upsert(item('with-recipe', { parentId: 'its-source', model: DREAMSHAPER }));
    await source.getState().storeMedia('with-recipe', new Blob([png], { type: 'image/png' }));
    const { sink, blob } = memorySink();
    await exportGallery(source, source.getState().items, sink);
    const files = unzipSync(new Uint8Array(await blob().arrayBuffer()));
    const settings = await readPictureSettings(files['media/with-recipe.png']);
    expect(settings).toMatchObject({ ok: true, source: 'studio', kind: 'image', itemId: 'with-recipe', sourceItemId: 'its-source', requests: { image: { video_description: 'prompt with-recipe', seed: 5 } } });
    expect(settings).toMatchObject({ found: { model: DREAMSHAPER } });
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).items[0]).toMatchObject({ id: 'with-recipe', model: DREAMSHAPER });

    const target = await freshStore();
    await importGallery(target, blob());
    expect(target.getState().items[0]).toMatchObject({ id: 'with-recipe', model: DREAMSHAPER });
  });

  const manifest = (items: unknown[], extra: Record<string, unknown> = {}) => strToU8(JSON.stringify({ format: 'aiart-gallery', version: 1, items, ...extra }));
  const good = { id: 'ok', kind: 'image', seed: 1, request: { video_description: 'fine' }, createdAt: 1, favourite: false, media: 'media/ok.png' };
  const zipOf = (files: Record<string, Uint8Array>) => new Blob([zipSync(files) as BlobPart]);

  it.each<[string, Blob, RegExp]>([
    ['a text file', new Blob(['hello']), /not a zip the studio can read|no manifest/],
    ['a zip of something else', zipOf({ 'readme.txt': strToU8('hi') }), /has no manifest/],
    ['a manifest that is not JSON', zipOf({ 'manifest.json': strToU8('{oops') }), /manifest cannot be read/],
    ['a manifest of another format', zipOf({ 'manifest.json': strToU8(JSON.stringify({ format: 'other', version: 1, items: [] })) }), /not one the studio writes/],
    ['a future version', zipOf({ 'manifest.json': manifest([], { version: 9 }) }), /different version/],
  ])('refuses %s with a plain message', async (_name, archive, message) => {
    const store = await freshStore();
    const outcome = await importGallery(store, archive).then(() => undefined, (error: unknown) => error);
    expect(outcome).toBeInstanceOf(ArchiveError);
    expect((outcome as Error).message).toMatch(message);
    expect(store.getState().items).toEqual([]);
  });

  it('skips hostile entries and media, says why, and imports the rest', async () => {
    const store = await freshStore();
    const archive = zipOf({
      'manifest.json': manifest([
        good,
        { ...good, id: '../../etc', media: 'media/x.png' },
        { ...good, id: 'bad-kind', kind: 'script' },
        { ...good, id: 'bad-style', request: { video_description: 'x', style_preset: '<img onerror=alert(1)>' } },
        { ...good, id: 'js-url', remoteUrl: 'javascript:alert(1)', media: undefined },
        { ...good, id: 'text-media', media: 'media/text-media.png' },
        { ...good, id: 'video-as-image', media: 'media/video-as-image.png' },
      ]),
      'media/ok.png': PNG,
      'media/text-media.png': strToU8('<svg onload=alert(1)>'),
      'media/video-as-image.png': MP4,
    });
    const report = await importGallery(store, archive);
    expect(report.imported).toBe(1);
    expect(report.skipped).toEqual({
      'damaged entry in the manifest': 2,
      'settings the studio does not accept': 1,
      [SKIP_REASONS.foreignAddress]: 1,
      'media that is not a picture or video of the right kind': 2,
    });
    expect(store.getState().items.map((i) => i.id)).toEqual(['ok']);
  });

  it('imports an item whose model is not a model id, leaving the model out', async () => {
    const store = await freshStore();
    const report = await importGallery(store, zipOf({ 'manifest.json': manifest([{ ...good, model: '<img src=x onerror=alert(1)>' }]), 'media/ok.png': PNG }));
    expect(report.imported).toBe(1);
    expect(store.getState().items[0].model).toBeUndefined();
  });

  it('refuses a file whose stated size is beyond what the studio keeps, without inflating it', async () => {
    const store = await freshStore();
    const bomb = new Uint8Array(70 * 1024 * 1024);
    bomb.set(PNG);
    const archive = new Blob([zipSync({ 'manifest.json': manifest([good]), 'media/ok.png': bomb }, { level: 9 }) as BlobPart]);
    expect(archive.size).toBeLessThan(1024 * 1024);
    const report = await importGallery(store, archive);
    expect(report).toEqual({ imported: 0, withoutMedia: 0, skipped: { [SKIP_REASONS.tooLarge]: 1 } });
  });

  it('skips a file that does not match its checksum, and files the manifest does not name', async () => {
    const store = await freshStore();
    const zip = zipSync({ 'manifest.json': manifest([good]), 'media/ok.png': PNG, 'notes.txt': strToU8('hello'), 'thumbs/stray.webp': WEBP }, { level: 0 });
    const at = Buffer.from(zip).indexOf(Buffer.from(PNG));
    zip[at + PNG.length - 1] ^= 0xff;
    const report = await importGallery(store, new Blob([zip as BlobPart]));
    expect(report).toEqual({ imported: 0, withoutMedia: 0, skipped: { [SKIP_REASONS.damagedFile]: 1, [SKIP_REASONS.unlisted]: 1, [SKIP_REASONS.orphanThumbnail]: 1 } });
  });
});
