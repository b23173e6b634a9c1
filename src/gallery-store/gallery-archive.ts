/**
 * Export the gallery (or part of it) to a .zip, and import one back. Export streams one file at
 * a time to the sink (a file on disk where the browser allows it), each picture and video with
 * its recipe written in. Import reads the archive by random access, one item's files at a time.
 * Archives are hostile input: sizes are capped before anything is inflated, names and media are
 * checked by their bytes, every item is rebuilt through the contract's schemas, remote addresses
 * are kept only on backends the studio uses, and nothing is imported twice.
 */
import * as z from 'zod/mini';
import { MAX_SEED, REQUEST_SCHEMAS } from '../api/contract';
import { parseJsonBytes } from '../lib/bytes';
import { sniffImageType } from '../lib/image-file-check';
import { ITEM_ID_PATTERN } from '../lib/item-id';
import { readModelId } from '../lib/model-id';
import { sniffMediaType } from '../lib/media-type';
import { readZipDirectory, readZipEntry, type ZipEntry } from '../lib/zip-reader';
import { writeZip } from '../lib/zip-writer';
import { MAX_MEDIA_BYTES } from './fetch-backend-media';
import type { GalleryItem, GalleryKind } from './gallery-item';
import type { GalleryState } from './gallery-store';
import { withItemRecipe } from './item-recipe';
import { backendMediaUrl, knownBackendOrigins } from './media-address';

export const ARCHIVE_FORMAT = 'aiart-gallery';
export const ARCHIVE_VERSION = 1;
const MANIFEST = 'manifest.json';
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
const MAX_THUMB_BYTES = 2 * 1024 * 1024;
const MAX_ITEMS = 100_000;
/** Two files an item and a manifest, under a hundred bytes of directory each for the names the studio writes. */
const MAX_DIRECTORY_BYTES = 32 * 1024 * 1024;

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'video/mp4': 'mp4' };

interface Store {
  getState(): GalleryState;
}

type ManifestEntry = Pick<GalleryItem, 'id' | 'kind' | 'seed' | 'request' | 'createdAt' | 'favourite'> & {
  /** The engine's model id that made it. */
  model?: string;
  remoteUrl?: string;
  parentId?: string;
  finishReason?: string;
  media?: string;
  thumb?: string;
};

const mediaPath = (item: GalleryItem) => `media/${item.id}.${EXTENSIONS[item.mediaType ?? ''] ?? (item.kind === 'video' ? 'mp4' : 'png')}`;
const thumbPath = (id: string) => `thumbs/${id}.webp`;

function manifestEntry(item: GalleryItem): ManifestEntry {
  return {
    id: item.id,
    kind: item.kind,
    seed: item.seed,
    request: item.request,
    createdAt: item.createdAt,
    favourite: item.favourite,
    model: item.model,
    remoteUrl: item.remoteUrl,
    parentId: item.parentId,
    finishReason: item.kind === 'video' ? item.finishReason : undefined,
    media: item.mediaStored ? mediaPath(item) : undefined,
    thumb: item.mediaStored ? thumbPath(item.id) : undefined,
  } as ManifestEntry;
}

export interface ExportReport {
  items: number;
  /** Items whose media this browser no longer had. */
  withoutMedia: number;
}

/** Writes the finished items among `items` to `sink` as a zip: manifest first, then each item's thumbnail and media. */
export async function exportGallery(store: Store, items: readonly GalleryItem[], sink: WritableStream<Uint8Array>): Promise<ExportReport> {
  const ready = items.filter((item) => item.status === 'ready');
  let withoutMedia = 0;
  await writeZip(sink, async (addFile) => {
    const manifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: new Date().toISOString(), items: ready.map(manifestEntry) };
    await addFile(MANIFEST, new Blob([JSON.stringify(manifest)]));
    for (const item of ready) {
      const media = item.mediaStored ? await store.getState().media(item.id) : undefined;
      if (!media) {
        withoutMedia++;
        continue;
      }
      const thumb = (await store.getState().thumbnails([item.id])).get(item.id);
      if (thumb) await addFile(thumbPath(item.id), thumb);
      await addFile(mediaPath(item), await withItemRecipe(item, media));
    }
  });
  return { items: ready.length, withoutMedia };
}

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number(),
  items: z.array(z.unknown()).check(z.maxLength(MAX_ITEMS)),
});

const entrySchema = z.object({
  id: z.string().check(z.regex(ITEM_ID_PATTERN)),
  kind: z.enum(['image', 'transform', 'video']),
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SEED)),
  request: z.record(z.string(), z.unknown()),
  createdAt: z.number().check(z.minimum(0), z.maximum(8.64e15)),
  favourite: z.boolean(),
  /** Kept only when it is a short model id; the item is imported either way. */
  model: z.optional(z.unknown()),
  remoteUrl: z.optional(z.string().check(z.maxLength(2048))),
  parentId: z.optional(z.string().check(z.regex(ITEM_ID_PATTERN))),
  finishReason: z.optional(z.enum(['SUCCESS', 'CONTENT_FILTERED', 'ERROR'])),
  media: z.optional(z.string()),
  thumb: z.optional(z.string()),
});

interface RebuiltEntry {
  item: GalleryItem;
  media?: string;
  thumb?: string;
  /** True when the entry named a remote address on a host the studio does not use. */
  droppedAddress: boolean;
}

/** A manifest entry rebuilt from what is valid, or why it cannot be used; `origins` are the backends whose addresses are kept. */
function rebuildEntry(raw: unknown, origins: ReadonlySet<string>): RebuiltEntry | { problem: string } {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) return { problem: SKIP_REASONS.damagedEntry };
  const entry = parsed.data;
  const request = REQUEST_SCHEMAS[entry.kind].safeParse(entry.request);
  if (!request.success) return { problem: SKIP_REASONS.badSettings };
  const remoteUrl = entry.remoteUrl === undefined ? undefined : backendMediaUrl(entry.remoteUrl, origins);
  const origin = remoteUrl && new URL(remoteUrl).origin;
  const item = {
    id: entry.id,
    kind: entry.kind,
    status: 'ready',
    backend: origin && origin !== globalThis.location?.origin ? origin : '',
    seed: entry.seed,
    model: readModelId(entry.model),
    request: request.data,
    remoteUrl,
    createdAt: entry.createdAt,
    favourite: entry.favourite,
    parentId: entry.parentId,
    mediaStored: false,
    ...(entry.kind === 'video' && entry.finishReason ? { finishReason: entry.finishReason } : {}),
  } as GalleryItem;
  return { item, media: entry.media, thumb: entry.thumb, droppedAddress: entry.remoteUrl !== undefined && !remoteUrl };
}

const KIND_MEDIA: Record<GalleryKind, RegExp> = { image: /^image\//, transform: /^image\//, video: /^video\/mp4$/ };

export interface ImportReport {
  imported: number;
  /** Imported with their settings and remote address only: the archive held no media for them. */
  withoutMedia: number;
  /** Why items were left out, with how many each. */
  skipped: Record<string, number>;
}

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

/** Why an item or a file of the archive was left out, as the report counts them. */
export const SKIP_REASONS = {
  duplicate: 'already in your gallery',
  damagedEntry: 'damaged entry in the manifest',
  badSettings: 'settings the studio does not accept',
  noMedia: 'no media in the file and no address to fetch it from',
  foreignAddress: 'no media in the file, and its address is not on a backend this studio uses',
  wrongMedia: 'media that is not a picture or video of the right kind',
  tooLarge: 'a file larger than the studio keeps',
  largerThanStated: 'a file that inflates beyond its stated size (damaged, or a zip bomb)',
  damagedFile: 'a damaged file (it does not match its checksum)',
  unsupportedFile: 'a file compressed or encrypted in a way the studio does not read',
  orphanThumbnail: 'a thumbnail whose picture is not in the file',
  unlisted: 'a file the manifest does not list',
} as const;

const ENTRY_PROBLEMS = { 'too-large': SKIP_REASONS.tooLarge, 'larger-than-stated': SKIP_REASONS.largerThanStated, damaged: SKIP_REASONS.damagedFile, unsupported: SKIP_REASONS.unsupportedFile } as const;

async function readManifest(archive: Blob, entries: Map<string, ZipEntry>) {
  const entry = entries.get(MANIFEST);
  if (!entry) throw new ArchiveError('The file is not a studio export: it has no manifest.');
  const outcome = await readZipEntry(archive, entry, MAX_MANIFEST_BYTES);
  if (!outcome.ok) {
    throw new ArchiveError(outcome.reason === 'too-large' || outcome.reason === 'larger-than-stated' ? 'The file\u2019s manifest is larger than any export the studio writes.' : 'The file is damaged: its manifest cannot be read.');
  }
  const json = parseJsonBytes(new Uint8Array(await outcome.blob.arrayBuffer()));
  if (!json.ok) throw new ArchiveError('The file is not a studio export: its manifest cannot be read.');
  const manifest = manifestSchema.safeParse(json.value);
  if (!manifest.success) throw new ArchiveError('The file is not a studio export: its manifest is not one the studio writes.');
  if (manifest.data.version !== ARCHIVE_VERSION) throw new ArchiveError(`The export was made by a different version of the studio (format ${String(manifest.data.version).slice(0, 10)}).`);
  return manifest.data.items;
}

const headOf = async (blob: Blob) => new Uint8Array(await blob.slice(0, 16).arrayBuffer());

/**
 * Reads a studio export into the gallery, merging without duplicates; throws ArchiveError when
 * the file is not one. The archive is read by random access through its central directory:
 * files the manifest does not name are never read, each item's thumbnail is read just before
 * its media, and an item's files are stored before the next item is read, so memory holds one
 * item at a time whatever the archive holds.
 */
export async function importGallery(store: Store, archive: Blob): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, withoutMedia: 0, skipped: {} };
  const skip = (reason: string, count = 1) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + count);
  let entries: Map<string, ZipEntry>;
  try {
    entries = await readZipDirectory(archive, { maxEntries: 2 * MAX_ITEMS + 1, maxDirectoryBytes: MAX_DIRECTORY_BYTES });
  } catch {
    throw new ArchiveError('The file is not a zip the studio can read, or it is damaged.');
  }
  const rawItems = await readManifest(archive, entries);
  const origins = knownBackendOrigins();
  const existing = store.getState().items;
  const ids = new Set(existing.map((item) => item.id));
  const urls = new Set(existing.flatMap((item) => (item.remoteUrl ? [item.remoteUrl] : [])));
  // Every file of the archive is either used, or counted under the reason it was left out.
  const accounted = new Set([MANIFEST]);
  const account = (...names: unknown[]) => names.forEach((name) => typeof name === 'string' && accounted.add(name));
  const withoutMedia: GalleryItem[] = [];

  for (const raw of rawItems) {
    const rebuilt = rebuildEntry(raw, origins);
    if ('problem' in rebuilt) {
      const { media, thumb } = (raw ?? {}) as Record<string, unknown>;
      account(media, thumb);
      skip(rebuilt.problem);
      continue;
    }
    const { item, media, thumb, droppedAddress } = rebuilt;
    if (ids.has(item.id) || (item.remoteUrl && urls.has(item.remoteUrl))) {
      account(media, thumb);
      skip(SKIP_REASONS.duplicate);
      continue;
    }
    ids.add(item.id);
    const mediaEntry = media === undefined || accounted.has(media) ? undefined : entries.get(media);
    if (!mediaEntry) {
      if (thumb && entries.has(thumb) && !accounted.has(thumb)) skip(SKIP_REASONS.orphanThumbnail);
      account(media, thumb);
      if (item.remoteUrl) withoutMedia.push(item);
      else skip(droppedAddress ? SKIP_REASONS.foreignAddress : SKIP_REASONS.noMedia);
      continue;
    }
    account(media, thumb);
    const outcome = await readZipEntry(archive, mediaEntry, MAX_MEDIA_BYTES);
    if (!outcome.ok) {
      skip(ENTRY_PROBLEMS[outcome.reason]);
      continue;
    }
    const type = sniffMediaType(await headOf(outcome.blob));
    if (!type || !KIND_MEDIA[item.kind].test(type)) {
      skip(SKIP_REASONS.wrongMedia);
      continue;
    }
    const thumbEntry = thumb ? entries.get(thumb) : undefined;
    const thumbBlob = thumbEntry ? await readZipEntry(archive, thumbEntry, MAX_THUMB_BYTES) : undefined;
    const thumbType = thumbBlob?.ok ? sniffImageType(await headOf(thumbBlob.blob)) : undefined;
    const state = store.getState();
    state.upsert({ ...item, mediaType: type });
    await state.storeMedia(item.id, outcome.blob.slice(0, outcome.blob.size, type), thumbBlob?.ok && thumbType ? thumbBlob.blob.slice(0, thumbBlob.blob.size, thumbType) : undefined);
    report.imported++;
  }

  for (const item of withoutMedia) store.getState().upsert(item);
  report.withoutMedia = withoutMedia.length;
  report.imported += withoutMedia.length;
  for (const name of entries.keys()) if (!accounted.has(name)) skip(name.startsWith('thumbs/') ? SKIP_REASONS.orphanThumbnail : SKIP_REASONS.unlisted);
  await store.getState().flush();
  return report;
}
