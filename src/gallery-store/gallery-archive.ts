/**
 * Export the gallery (or part of it) to a .zip, and import one back. Both stream: export writes
 * one file at a time to the sink (a file on disk where the browser allows it), and import reads
 * the archive as it arrives, holding at most one item's files in memory. Archives are hostile
 * input: sizes are capped, names and media checked by their bytes, every item rebuilt through the
 * contract's schemas, and nothing is imported twice.
 */
import { Unzip, UnzipInflate, Zip, ZipPassThrough } from 'fflate';
import * as z from 'zod/mini';
import { MAX_SEED, REQUEST_SCHEMAS } from '../api/contract';
import { concatBytes, parseJsonBytes } from '../lib/bytes';
import { sniffImageType } from '../lib/image-file-check';
import { safeMediaUrl } from '../lib/share-link';
import type { GalleryItem, GalleryKind } from './gallery-item';
import type { GalleryState } from './gallery-store';

export const ARCHIVE_FORMAT = 'aiart-gallery';
export const ARCHIVE_VERSION = 1;
const MANIFEST = 'manifest.json';
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
const MAX_MEDIA_BYTES = 64 * 1024 * 1024;
const MAX_THUMB_BYTES = 2 * 1024 * 1024;
const MAX_ITEMS = 100_000;

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'video/mp4': 'mp4' };

interface Store {
  getState(): GalleryState;
}

type ManifestEntry = Pick<GalleryItem, 'id' | 'kind' | 'seed' | 'request' | 'createdAt' | 'favourite'> & {
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
  const writer = sink.getWriter();
  const report: ExportReport = { items: 0, withoutMedia: 0 };
  let written = Promise.resolve();
  let failure: unknown;
  const finished = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        failure = error;
        reject(error);
        return;
      }
      written = written.then(() => writer.write(chunk));
      if (final) written.then(resolve, reject);
    });
    void (async () => {
      const ready = items.filter((item) => item.status === 'ready');
      const addFile = async (name: string, blob: Blob) => {
        const file = new ZipPassThrough(name);
        zip.add(file);
        const reader = blob.stream().getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          file.push(value);
          await written; // Backpressure: never more than one chunk ahead of the sink.
        }
        file.push(new Uint8Array(0), true);
      };
      const manifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: new Date().toISOString(), items: ready.map(manifestEntry) };
      await addFile(MANIFEST, new Blob([JSON.stringify(manifest)]));
      let withoutMedia = 0;
      for (const item of ready) {
        const media = item.mediaStored ? await store.getState().media(item.id) : undefined;
        if (!media) {
          withoutMedia++;
          continue;
        }
        const thumb = (await store.getState().thumbnails([item.id])).get(item.id);
        if (thumb) await addFile(thumbPath(item.id), thumb);
        await addFile(mediaPath(item), media);
        if (failure) return;
      }
      report.items = ready.length;
      report.withoutMedia = withoutMedia;
      zip.end();
    })().catch(reject);
  });
  try {
    await finished;
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
  return report;
}

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number(),
  items: z.array(z.unknown()).check(z.maxLength(MAX_ITEMS)),
});

const idPattern = /^[\w-]{1,100}$/;
const entrySchema = z.object({
  id: z.string().check(z.regex(idPattern)),
  kind: z.enum(['image', 'transform', 'video']),
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SEED)),
  request: z.record(z.string(), z.unknown()),
  createdAt: z.number().check(z.minimum(0), z.maximum(8.64e15)),
  favourite: z.boolean(),
  remoteUrl: z.optional(z.string().check(z.maxLength(2048))),
  parentId: z.optional(z.string().check(z.regex(idPattern))),
  finishReason: z.optional(z.enum(['SUCCESS', 'CONTENT_FILTERED', 'ERROR'])),
  media: z.optional(z.string()),
  thumb: z.optional(z.string()),
});

/** A manifest entry rebuilt from what is valid, or why it cannot be used. */
function rebuildEntry(raw: unknown): { item: GalleryItem; media?: string; thumb?: string } | { problem: string } {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) return { problem: 'damaged entry in the manifest' };
  const entry = parsed.data;
  const request = REQUEST_SCHEMAS[entry.kind].safeParse(entry.request);
  if (!request.success) return { problem: 'settings the studio does not accept' };
  const remoteUrl = entry.remoteUrl === undefined ? undefined : safeMediaUrl(entry.remoteUrl);
  const item = {
    id: entry.id,
    kind: entry.kind,
    status: 'ready',
    backend: remoteUrl && new URL(remoteUrl).origin !== globalThis.location?.origin ? new URL(remoteUrl).origin : '',
    seed: entry.seed,
    request: request.data,
    remoteUrl,
    createdAt: entry.createdAt,
    favourite: entry.favourite,
    parentId: entry.parentId,
    mediaStored: false,
    ...(entry.kind === 'video' && entry.finishReason ? { finishReason: entry.finishReason } : {}),
  } as GalleryItem;
  return { item, media: entry.media, thumb: entry.thumb };
}

/** The media type of a file by its first bytes, if it is one the studio keeps. */
function sniffMedia(bytes: Uint8Array): string | undefined {
  const image = sniffImageType(bytes);
  if (image) return image;
  const isMp4 = bytes.length > 12 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp';
  return isMp4 ? 'video/mp4' : undefined;
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

/** Reads a studio export into the gallery, merging without duplicates. Throws ArchiveError when the file is not one. */
export async function importGallery(store: Store, archive: Blob): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, withoutMedia: 0, skipped: {} };
  const skip = (reason: string) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);
  let expected: Map<string, { item: GalleryItem; thumb?: string }> | undefined;
  const expectedThumbs = new Set<string>();
  const unclaimed = new Map<string, GalleryItem>();
  const thumbs = new Map<string, Blob>();
  const work: Array<Promise<void>> = [];
  let fatal: ArchiveError | undefined;
  let sawFirst = false;

  const known = () => {
    const items = store.getState().items;
    return { ids: new Set(items.map((item) => item.id)), urls: new Set(items.flatMap((item) => (item.remoteUrl ? [item.remoteUrl] : []))) };
  };

  function acceptManifest(bytes: Uint8Array) {
    const json = parseJsonBytes(bytes);
    if (!json.ok) throw new ArchiveError('The file is not a studio export: its manifest cannot be read.');
    const manifest = manifestSchema.safeParse(json.value);
    if (!manifest.success) throw new ArchiveError('The file is not a studio export: its manifest is not one the studio writes.');
    if (manifest.data.version !== ARCHIVE_VERSION) throw new ArchiveError(`The export was made by a different version of the studio (format ${String(manifest.data.version).slice(0, 10)}).`);
    const { ids, urls } = known();
    expected = new Map();
    for (const raw of manifest.data.items) {
      const rebuilt = rebuildEntry(raw);
      if ('problem' in rebuilt) {
        skip(rebuilt.problem);
        continue;
      }
      const { item, media, thumb } = rebuilt;
      if (ids.has(item.id) || (item.remoteUrl && urls.has(item.remoteUrl)) || expected.has(media ?? `#${item.id}`)) {
        skip('already in your gallery');
        continue;
      }
      ids.add(item.id);
      if (!media) {
        unclaimed.set(item.id, item);
        continue;
      }
      expected.set(media, { item, thumb });
      if (thumb) expectedThumbs.add(thumb);
    }
  }

  async function acceptMedia(name: string, bytes: Uint8Array) {
    const entry = expected?.get(name);
    if (!entry) return;
    expected!.delete(name);
    const type = sniffMedia(bytes);
    if (!type || !KIND_MEDIA[entry.item.kind].test(type)) {
      skip('media that is not a picture or video of the right kind');
      return;
    }
    const thumb = entry.thumb ? thumbs.get(entry.thumb) : undefined;
    if (entry.thumb) thumbs.delete(entry.thumb);
    const state = store.getState();
    state.upsert({ ...entry.item, mediaType: type });
    await state.storeMedia(entry.item.id, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), thumb);
    report.imported++;
  }

  const unzip = new Unzip((file) => {
    const first = !sawFirst;
    sawFirst = true;
    if (first && file.name !== MANIFEST) {
      fatal = new ArchiveError('The file is not a studio export: it does not start with the studio\u2019s manifest.');
      return;
    }
    const isThumb = expectedThumbs.has(file.name);
    const limit = file.name === MANIFEST ? MAX_MANIFEST_BYTES : isThumb ? MAX_THUMB_BYTES : MAX_MEDIA_BYTES;
    if (file.name !== MANIFEST && !isThumb && !expected?.has(file.name)) return; // Not ours: never read.
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (fatal) return;
      if (error) {
        fatal = new ArchiveError('The file is damaged: part of the archive cannot be read.');
        return;
      }
      size += chunk.length;
      if (size > limit) {
        file.terminate();
        if (file.name === MANIFEST) fatal = new ArchiveError('The file\u2019s manifest is larger than any export the studio writes.');
        else {
          expected?.delete(file.name);
          skip('a file larger than the studio keeps');
        }
        return;
      }
      chunks.push(chunk);
      if (!final) return;
      const bytes = concatBytes(chunks, size);
      if (file.name === MANIFEST) {
        try {
          acceptManifest(bytes);
        } catch (problem) {
          fatal = problem as ArchiveError;
        }
      } else if (isThumb) {
        if (sniffImageType(bytes)) thumbs.set(file.name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: sniffImageType(bytes) }));
      } else work.push(acceptMedia(file.name, bytes));
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  const reader = archive.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      unzip.push(done ? new Uint8Array(0) : value, done);
      if (fatal) throw fatal;
      await Promise.all(work.splice(0)); // Store each item before reading further: memory stays at one item.
      if (done) break;
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('The file is not a zip the studio can read, or it is damaged.');
  }
  if (!expected) throw new ArchiveError('The file is not a studio export: it has no manifest.');
  for (const { item } of expected.values()) unclaimed.set(item.id, item);
  for (const item of unclaimed.values()) {
    if (!item.remoteUrl) {
      skip('no media in the file and no address to fetch it from');
      continue;
    }
    store.getState().upsert(item);
    report.withoutMedia++;
    report.imported++;
  }
  await store.getState().flush();
  return report;
}
