/**
 * Reads a PNG's text chunks (tEXt, zTXt, iTXt) and its pixel size from IHDR, never its pixels:
 * each chunk is size-checked before it is read, its CRC checked, compressed text inflated under
 * a cap, and an XMP packet opened for the studio's recipe.
 */
import { crc32 } from '../lib/crc32';
import { ascii, type ByteSource } from './byte-source';
import { inflateCapped } from './inflate-capped';
import { type ContainerMetadata, MAX_TEXT_BYTES, quotedName, TextCollector } from './metadata-text';
import { listPngChunks, type PngChunk } from './png-chunks';
import { decodeText } from './text-decoding';
import { XMP_PNG_KEYWORD, xmpTexts } from './xmp-packet';

const TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt']);
/** PNG keywords are 1 to 79 bytes. */
const KEYWORD_PEEK = 80;

const STRUCTURE_PROBLEMS = {
  truncated: 'The file ends in the middle of a chunk: it was cut short.',
  damaged: 'The file has a damaged chunk; the chunks after it were not read.',
  'too-many-chunks': 'The file has more chunks than any picture needs; the rest were not read.',
} as const;

/** The text of one chunk's data, or a problem recorded on `texts`. */
function decodeChunk(type: string, keyword: string, data: Uint8Array, texts: TextCollector): string | undefined {
  const afterKeyword = keyword.length + 1;
  if (type === 'tEXt') return decodeText(data.subarray(afterKeyword), 'latin1');
  const inflate = (compressed: Uint8Array) => {
    const outcome = inflateCapped(compressed, MAX_TEXT_BYTES);
    if (outcome.ok) return outcome.bytes;
    if (outcome.reason === 'too-large') texts.problem('compressed-text-too-large', `The compressed text ${quotedName(keyword)} inflates beyond ${MAX_TEXT_BYTES.toLocaleString('en')} bytes: it was not read.`);
    else texts.problem('compressed-text-damaged', `The compressed text ${quotedName(keyword)} is damaged: it could not be inflated.`);
    return undefined;
  };
  if (type === 'zTXt') {
    const inflated = inflate(data.subarray(afterKeyword + 1));
    return inflated && decodeText(inflated, 'latin1');
  }
  // iTXt: keyword, compression flag and method, language tag, translated keyword, then UTF-8 text.
  const compressed = data[afterKeyword] === 1;
  const languageEnd = data.indexOf(0, afterKeyword + 2);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) {
    texts.problem('structure-damaged', `The text ${quotedName(keyword)} is damaged: its header is incomplete.`);
    return undefined;
  }
  const body = data.subarray(translatedEnd + 1);
  const bytes = compressed ? inflate(body) : body;
  return bytes && decodeText(bytes, 'utf-8');
}

async function readTextChunk(source: ByteSource, chunk: PngChunk, texts: TextCollector): Promise<void> {
  const peek = await source.bytes(chunk.offset + 8, Math.min(chunk.dataLength, KEYWORD_PEEK));
  const keywordEnd = peek.indexOf(0);
  if (keywordEnd < 1) {
    texts.problem('structure-damaged', `A ${chunk.type} chunk has no keyword: it was not read.`);
    return;
  }
  const keyword = ascii(peek.subarray(0, keywordEnd));
  if (!texts.admit(keyword, chunk.dataLength)) return;
  const typeAndData = await source.bytes(chunk.offset + 4, 4 + chunk.dataLength + 4);
  const stored = new DataView(typeAndData.buffer, typeAndData.byteOffset + 4 + chunk.dataLength, 4).getUint32(0);
  if (crc32(typeAndData.subarray(0, 4 + chunk.dataLength)) !== stored) {
    texts.problem('checksum-mismatch', `The text ${quotedName(keyword)} fails its checksum: it was altered or damaged, and was not read.`);
    return;
  }
  const text = decodeChunk(chunk.type, keyword, typeAndData.subarray(4, 4 + chunk.dataLength), texts);
  if (text === undefined) return;
  if (keyword === XMP_PNG_KEYWORD) for (const entry of xmpTexts(text)) texts.add(entry.key, entry.text);
  else texts.add(keyword, text);
}

export async function readPngMetadata(source: ByteSource): Promise<ContainerMetadata> {
  const { chunks, end } = await listPngChunks(source);
  const texts = new TextCollector();
  if (end !== 'complete') texts.problem('structure-damaged', STRUCTURE_PROBLEMS[end]);
  let size: ContainerMetadata['size'];
  for (const chunk of chunks) {
    if (chunk.type === 'IHDR' && chunk.dataLength >= 8) {
      const header = await source.bytes(chunk.offset + 8, 8);
      const view = new DataView(header.buffer, header.byteOffset, 8);
      size = { width: view.getUint32(0), height: view.getUint32(4) };
    } else if (TEXT_CHUNKS.has(chunk.type)) {
      await readTextChunk(source, chunk, texts);
    }
  }
  return { container: 'png', texts: texts.texts, problems: texts.problems, size };
}
