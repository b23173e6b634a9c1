/**
 * The gallery's IndexedDB: a fixed name and a versioned schema. Metadata, original media and
 * thumbnails live in separate stores so that listing thousands of items never reads a Blob.
 *
 * Version 1 kept flat image records ({ prompt, imageUrl, ... }) and their media; version 2 adds
 * kinds, requests and thumbnails, and upgrades every version-1 record in place; version 3 adds
 * the pictures that transforms and videos are sent with; version 4 drops an unused meta store.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { ASPECT_RATIOS, type AspectRatio, STYLE_PRESETS, type StylePreset } from '../api/contract';
import { STORAGE_KEYS } from '../lib/storage-keys';
import type { GalleryItem } from './gallery-item';

export const GALLERY_DB_NAME = STORAGE_KEYS.galleryDb;
const GALLERY_DB_VERSION = 4;

export interface GallerySchema extends DBSchema {
  items: { key: string; value: GalleryItem; indexes: { createdAt: number } };
  media: { key: string; value: Blob };
  thumbs: { key: string; value: Blob };
  /** The picture a transform or video run sends, kept with it. */
  sources: { key: string; value: Blob };
}

export type GalleryDb = IDBPDatabase<GallerySchema>;

/** A version-1 record, as the first release of the gallery stored it. */
export interface LegacyItemV1 {
  id: string;
  prompt: string;
  imageUrl: string;
  seed: number;
  createdAt: number;
  style?: string;
  aspectRatio?: string;
  format?: string;
}

function upgradeLegacyItem(old: LegacyItemV1, hasMedia: boolean): GalleryItem {
  const format = old.format === 'jpg' || old.format === 'webp' ? old.format : 'png';
  const ratio = (ASPECT_RATIOS as readonly string[]).includes(old.aspectRatio ?? '') ? (old.aspectRatio as AspectRatio) : '16:9';
  const style = (STYLE_PRESETS as readonly string[]).includes(old.style ?? '') ? (old.style as StylePreset) : undefined;
  return {
    id: old.id,
    kind: 'image',
    status: 'ready',
    backend: '',
    seed: old.seed,
    remoteUrl: old.imageUrl,
    createdAt: old.createdAt,
    favourite: false,
    mediaStored: hasMedia,
    request: {
      video_description: old.prompt,
      negative_prompt: '',
      style_preset: style,
      aspect_ratio: ratio,
      output_format: format,
      seed: old.seed,
    },
  };
}

type UpgradeTx = IDBPTransaction<GallerySchema, ('items' | 'media' | 'thumbs' | 'sources')[], 'versionchange'>;

async function migrateToV2(db: GalleryDb, tx: UpgradeTx): Promise<void> {
  db.createObjectStore('thumbs');
  const items = tx.objectStore('items');
  items.createIndex('createdAt', 'createdAt');
  const media = tx.objectStore('media');
  let cursor = await items.openCursor();
  while (cursor) {
    const legacy = cursor.value as unknown as LegacyItemV1;
    const hasMedia = (await media.count(legacy.id)) > 0;
    await cursor.update(upgradeLegacyItem(legacy, hasMedia));
    cursor = await cursor.continue();
  }
}

export function openGalleryDb(name: string = GALLERY_DB_NAME): Promise<GalleryDb> {
  return openDB<GallerySchema>(name, GALLERY_DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('items', { keyPath: 'id' });
        db.createObjectStore('media');
      }
      if (oldVersion < 2) await migrateToV2(db, tx as UpgradeTx);
      if (oldVersion < 3) db.createObjectStore('sources');
      // Version 2 made a meta store that nothing came to use.
      if (oldVersion < 4 && db.objectStoreNames.contains('meta' as never)) db.deleteObjectStore('meta' as never);
    },
    // A newer studio in another tab needs the database: step aside rather than block it.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
