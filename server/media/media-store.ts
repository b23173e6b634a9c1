/**
 * Generated files on disk under the data folder, one sub-folder per media path. Names are made
 * here and checked against a strict pattern when served, so no request can reach another file.
 * Files older than the time to live are deleted by a periodic sweep.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_FOLDERS, type MediaFolder } from '../../src/api/contract';

export const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  mp4: 'video/mp4',
};

const SAFE_NAME = /^[a-z0-9][a-z0-9_-]{0,120}\.(png|jpg|webp|mp4)$/;

export interface MediaStore {
  save(folder: MediaFolder, prefix: string, extension: string, bytes: Uint8Array): Promise<string>;
  /** The file's path when `name` is a safe, existing media name, else undefined. */
  locate(folder: string, name: string): Promise<{ file: string; size: number; type: string } | undefined>;
  sweep(): Promise<number>;
  close(): void;
}

export async function openMediaStore(dataDir: string, ttlSeconds: number): Promise<MediaStore> {
  await Promise.all(MEDIA_FOLDERS.map((folder) => mkdir(path.join(dataDir, folder), { recursive: true })));
  const isFolder = (folder: string): folder is MediaFolder => (MEDIA_FOLDERS as readonly string[]).includes(folder);

  async function sweep(): Promise<number> {
    const cutoff = Date.now() - ttlSeconds * 1000;
    let removed = 0;
    for (const folder of MEDIA_FOLDERS) {
      const dir = path.join(dataDir, folder);
      for (const name of await readdir(dir)) {
        const file = path.join(dir, name);
        const info = await stat(file).catch(() => undefined);
        if (info?.isFile() && info.mtimeMs < cutoff) {
          await unlink(file).catch(() => undefined);
          removed++;
        }
      }
    }
    return removed;
  }

  const timer = setInterval(() => void sweep().catch(() => undefined), Math.min(ttlSeconds * 500, 60_000));
  timer.unref();

  return {
    async save(folder, prefix, extension, bytes) {
      const name = `${prefix}_${randomBytes(8).toString('hex')}.${extension}`;
      const file = path.join(dataDir, folder, name);
      await writeFile(`${file}.part`, bytes);
      await rename(`${file}.part`, file);
      return name;
    },
    async locate(folder, name) {
      if (!isFolder(folder) || !SAFE_NAME.test(name)) return undefined;
      const file = path.join(dataDir, folder, name);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      return { file, size: info.size, type: MEDIA_TYPES[name.slice(name.lastIndexOf('.') + 1)] };
    },
    sweep,
    close: () => clearInterval(timer),
  };
}
