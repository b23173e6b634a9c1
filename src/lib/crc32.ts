/** CRC-32 (the checksum of PNG chunks and zip entries), computed incrementally over pieces of data. */

const TABLE = (() => {
  const table = new Uint32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  // Three more tables let the loop below take four bytes a step (slicing by four).
  for (let n = 0; n < 256; n++) {
    for (let t = 1; t < 4; t++) table[t * 256 + n] = shiftByte(table, table[(t - 1) * 256 + n]);
  }
  return table;
})();

function shiftByte(table: Uint32Array, c: number): number {
  return table[c & 0xff] ^ (c >>> 8);
}

/** The CRC-32 of `bytes` continued from `crc` (0 to start). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  let i = 0;
  const end4 = bytes.length - (bytes.length % 4);
  for (; i < end4; i += 4) {
    c ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    c = TABLE[768 + (c & 0xff)] ^ TABLE[512 + ((c >>> 8) & 0xff)] ^ TABLE[256 + ((c >>> 16) & 0xff)] ^ TABLE[c >>> 24];
  }
  for (; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
