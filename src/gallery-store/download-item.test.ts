import '../test/fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { saveBlob } from '../lib/download-file';
import { readPictureSettings } from '../picture-metadata/read-picture-settings';
import { downloadItem } from './download-item';
import type { GalleryItem } from './gallery-item';
import { galleryStore } from './use-gallery';

vi.mock('../lib/download-file', async (original) => ({ ...(await original<typeof import('../lib/download-file')>()), saveBlob: vi.fn() }));

const picture = (id: string, extra: Partial<GalleryItem> = {}) =>
  ({
    id,
    kind: 'transform',
    status: 'ready',
    backend: '',
    seed: 31,
    createdAt: 1,
    favourite: false,
    mediaStored: false,
    parentId: 'the-source',
    request: { prompt: 'a harbour at night', negative_prompt: 'people', strength: 0.4, aspect_ratio: '16:9', output_format: 'png', seed: 31 },
    ...extra,
  }) as GalleryItem;

describe('downloading an item', () => {
  it('hands out the picture with its recipe written in', async () => {
    await galleryStore.getState().load();
    const png = readFileSync(path.join(import.meta.dirname, '../picture-metadata/fixtures/studio-engine.png'));
    galleryStore.getState().upsert(picture('kept'));
    await galleryStore.getState().storeMedia('kept', new Blob([png], { type: 'image/png' }));
    await downloadItem(galleryStore.getState().items.find((item) => item.id === 'kept')!);
    const [blob, name] = vi.mocked(saveBlob).mock.calls[0];
    expect(name).toBe('a-harbour-at-night-31.png');
    expect(await readPictureSettings(blob)).toMatchObject({ ok: true, source: 'studio', kind: 'transform', itemId: 'kept', sourceItemId: 'the-source', requests: { transform: { prompt: 'a harbour at night', strength: 0.4, seed: 31 } } });
  });

  it('never fetches a copy from a host that is not the item\u2019s backend', async () => {
    const fetcher = vi.spyOn(globalThis, 'fetch');
    await expect(downloadItem(picture('remote', { remoteUrl: 'https://tracker.example/images/x.png' }))).rejects.toThrow(/not kept in this browser, and its address is not a media file on the backend that made it/);
    expect(fetcher).not.toHaveBeenCalled();
  });
});
