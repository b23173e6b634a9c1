import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('matches the standard check value and zlib on every length', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = Uint8Array.from({ length: 1031 }, (_, i) => (i * 131 + 7) & 0xff);
    for (let length = 0; length < 40; length++) expect(crc32(bytes.subarray(0, length))).toBe(nodeCrc32(bytes.subarray(0, length)));
    expect(crc32(bytes)).toBe(nodeCrc32(bytes));
  });

  it('continues across pieces', () => {
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 17) & 0xff);
    expect(crc32(bytes.subarray(1234), crc32(bytes.subarray(0, 1234)))).toBe(crc32(bytes));
  });
});
