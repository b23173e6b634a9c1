/**
 * Writes a zip to a file entry by entry, for tests of hostile archives too large to build in
 * memory: each entry's data comes as an iterable of pieces, written as they come, with the
 * sizes and CRC given or computed along the way.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export interface EntryOptions {
  /** 8 for data already deflated (then `size` and `crc` must be given), 0 (stored) by default. */
  method?: 0 | 8;
  size?: number;
  crc?: number;
}

export class ZipFileBuilder {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: Written[] = [];

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  private write(bytes: Uint8Array): void {
    writeSync(this.fd, bytes);
    this.offset += bytes.length;
  }

  add(name: string, pieces: Iterable<Uint8Array>, options: EntryOptions = {}): void {
    const entry: Written = { name: Buffer.from(name), method: options.method ?? 0, crc: 0, compressedSize: 0, size: 0, offset: this.offset };
    // The local header's sizes stay zero with the data-descriptor flag, as streaming writers do.
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0808, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(entry.name.length, 26);
    this.write(header);
    this.write(entry.name);
    let crc = 0;
    for (const piece of pieces) {
      this.write(piece);
      entry.compressedSize += piece.length;
      if (entry.method === 0) crc = crc32(piece, crc);
    }
    entry.size = options.size ?? entry.compressedSize;
    entry.crc = options.crc ?? crc;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeUInt32LE(entry.compressedSize, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    this.write(descriptor);
    this.entries.push(entry);
  }

  finish(): void {
    const start = this.offset;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0808, 8);
      record.writeUInt16LE(entry.method, 10);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressedSize, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE(entry.offset, 42);
      this.write(record);
      this.write(entry.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(this.entries.length, 0xffff), 8);
    end.writeUInt16LE(Math.min(this.entries.length, 0xffff), 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
  }
}
