/**
 * The picture each page works from, kept in this browser so that a reload or a restart finds it
 * again. One record per page, in a small database of its own, so the gallery's schema and its
 * load order are untouched. Keeping is best effort: a browser that refuses storage only loses
 * the picture across a reload, never the page's work.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { STORAGE_KEYS } from '../../lib/storage-keys';

export const KEPT_SOURCES_DB_NAME = STORAGE_KEYS.keptSourcesDb;

export interface KeptSource {
  file: Blob;
  name: string;
  galleryId?: string;
}

interface KeptSourcesSchema extends DBSchema {
  sources: { key: string; value: KeptSource };
}

let opened: Promise<IDBPDatabase<KeptSourcesSchema>> | undefined;

function database(): Promise<IDBPDatabase<KeptSourcesSchema>> {
  opened ??= openDB<KeptSourcesSchema>(KEPT_SOURCES_DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('sources');
    },
  });
  return opened;
}

/** A stored record as read back: anything not shaped like one is ignored. */
function asKeptSource(value: unknown): KeptSource | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { file, name, galleryId } = value as Record<string, unknown>;
  if (!(file instanceof Blob) || typeof name !== 'string' || name.length > 255) return undefined;
  return { file, name, galleryId: typeof galleryId === 'string' ? galleryId : undefined };
}

/** Remembers `source` as the picture of `page`, or forgets the page's picture. */
export async function keepSource(page: string, source: KeptSource | undefined): Promise<void> {
  try {
    const db = await database();
    if (source) await db.put('sources', source, page);
    else await db.delete('sources', page);
  } catch {
    // Storage refused or full: the picture stays on the page until it is closed.
  }
}

export async function readKeptSource(page: string): Promise<KeptSource | undefined> {
  try {
    return asKeptSource(await (await database()).get('sources', page));
  } catch {
    return undefined;
  }
}
