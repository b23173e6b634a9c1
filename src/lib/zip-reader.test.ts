import '../test/fake-indexeddb';
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFileBuilder } from '../test/zip-file-builder';
import { readZipDirectory, readZipEntry, ZipFormatError } from './zip-reader';

const limits = { maxEntries: 100_000, maxDirectoryBytes: 64 * 1024 * 1024 };
const directory = mkdtempSync(path.join(tmpdir(), 'aiart-zip-reader-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const text = async (blob: Blob) => new TextDecoder().decode(await blob.arrayBuffer());

describe('reading a zip by its central directory', () => {
  it('reads stored and deflated entries, checked against their CRC', async () => {
    const body = 'a line of text that compresses well. '.repeat(2000);
    const zip = new Blob([zipSync({ 'stored.txt': [strToU8('plain'), { level: 0 }], 'deflated.txt': [strToU8(body), { level: 9 }] }) as BlobPart]);
    const entries = await readZipDirectory(zip, limits);
    expect([...entries.keys()]).toEqual(['stored.txt', 'deflated.txt']);
    expect(entries.get('deflated.txt')).toMatchObject({ method: 8, size: body.length });
    const stored = await readZipEntry(zip, entries.get('stored.txt')!, 1024);
    expect(stored.ok && (await text(stored.blob))).toBe('plain');
    const deflated = await readZipEntry(zip, entries.get('deflated.txt')!, 1024 * 1024);
    expect(deflated.ok && (await text(deflated.blob))).toBe(body);
    expect(await readZipEntry(zip, entries.get('deflated.txt')!, 1024)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('says which entries are damaged or of a kind it does not read', async () => {
    const bytes = zipSync({ 'a.txt': [strToU8('hello world, hello world'), { level: 9 }] });
    const zip = new Blob([bytes as BlobPart]);
    const entry = (await readZipDirectory(zip, limits)).get('a.txt')!;
    expect(await readZipEntry(zip, { ...entry, crc: entry.crc ^ 1 }, 1024)).toEqual({ ok: false, reason: 'damaged' });
    expect(await readZipEntry(zip, { ...entry, size: 5 }, 1024)).toEqual({ ok: false, reason: 'larger-than-stated' });
    expect(await readZipEntry(zip, { ...entry, method: 12 }, 1024)).toEqual({ ok: false, reason: 'unsupported' });
    expect(await readZipEntry(zip, { ...entry, flags: 1 }, 1024)).toEqual({ ok: false, reason: 'unsupported' });
    expect(await readZipEntry(zip, { ...entry, headerOffset: 3 }, 1024)).toEqual({ ok: false, reason: 'damaged' });
    expect(await readZipEntry(zip, { ...entry, compressedSize: 1e9 }, 1024)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('walks a directory of more than 65,535 entries, whose end record cannot count them', async () => {
    const file = path.join(directory, 'many.zip');
    const zip = new ZipFileBuilder(file);
    for (let i = 0; i < 70_000; i++) zip.add(`f${i}`, [Uint8Array.of(i & 0xff)]);
    zip.finish();
    const entries = await readZipDirectory((await openAsBlob(file)) as Blob, limits);
    expect(entries.size).toBe(70_000);
    await expect(readZipDirectory((await openAsBlob(file)) as Blob, { ...limits, maxEntries: 1000 })).rejects.toBeInstanceOf(ZipFormatError);
  });

  it.each<[string, Blob]>([
    ['not a zip', new Blob(['just text'])],
    ['a cut-off zip', new Blob([zipSync({ 'a.txt': strToU8('a') }).subarray(0, 40) as BlobPart])],
    ['a ZIP64 archive', new Blob([Uint8Array.of(0x50, 0x4b, 5, 6, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0)])],
  ])('refuses %s', async (_name, zip) => {
    await expect(readZipDirectory(zip, limits)).rejects.toBeInstanceOf(ZipFormatError);
  });
});
