/** Text bytes from metadata turned into strings, the way each format stores them. */

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * `declared` is what the format says; many tools write UTF-8 where a format says Latin-1, so
 * bytes that are valid UTF-8 are read as UTF-8. Trailing NULs, which some writers add, go.
 */
export function decodeText(bytes: Uint8Array, declared: 'latin1' | 'utf-8'): string {
  let text: string;
  if (declared === 'utf-8') text = utf8.decode(bytes);
  else {
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = latin1.decode(bytes);
    }
  }
  return text.replace(/\0+$/, '');
}

/** UTF-16 text of unknown byte order: a byte-order mark decides, else where the zero bytes of Latin text fall. */
export function decodeUtf16(bytes: Uint8Array, fallback: 'be' | 'le'): string {
  let order = fallback;
  let body = bytes;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) [order, body] = ['be', bytes.subarray(2)];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [order, body] = ['le', bytes.subarray(2)];
  else {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i + 1 < Math.min(bytes.length, 256); i += 2) {
      if (bytes[i] === 0) evenZeros++;
      if (bytes[i + 1] === 0) oddZeros++;
    }
    if (evenZeros !== oddZeros) order = evenZeros > oddZeros ? 'be' : 'le';
  }
  return new TextDecoder(order === 'be' ? 'utf-16be' : 'utf-16le').decode(body.subarray(0, body.length & ~1)).replace(/\0+$/, '');
}
