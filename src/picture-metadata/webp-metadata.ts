/** Reads a WebP's settings without decoding it: its EXIF chunk (UserComment) and its XMP chunk. */
import { ascii, type ByteSource } from './byte-source';
import { exifTexts, readExif } from './exif';
import { EXIF_SIGNATURE } from './jpeg-metadata';
import { type ContainerMetadata, TextCollector } from './metadata-text';
import { decodeText } from './text-decoding';
import { listWebpChunks, webpCanvasSize } from './webp-chunks';
import { xmpTexts } from './xmp-packet';

const IMAGE_CHUNKS = new Set(['VP8X', 'VP8 ', 'VP8L']);

export async function readWebpMetadata(source: ByteSource): Promise<ContainerMetadata> {
  const { chunks, complete } = await listWebpChunks(source);
  const texts = new TextCollector();
  if (!complete) texts.problem('structure-damaged', 'The file is damaged or cut short; only the chunks before the damage were read.');
  let size: ContainerMetadata['size'];
  for (const chunk of chunks) {
    const dataStart = chunk.offset + 8;
    if (IMAGE_CHUNKS.has(chunk.fourcc) && !size) {
      size = webpCanvasSize(chunk.fourcc, await source.bytes(dataStart, 10));
    } else if (chunk.fourcc === 'EXIF' && texts.admit('EXIF', chunk.dataLength)) {
      const data = await source.bytes(dataStart, chunk.dataLength);
      // The format says the chunk holds TIFF data; some writers put JPEG's "Exif\0\0" first.
      const hasSignature = ascii(data.subarray(0, EXIF_SIGNATURE.length)) === EXIF_SIGNATURE;
      for (const { key, text } of exifTexts(readExif(hasSignature ? data.subarray(EXIF_SIGNATURE.length) : data))) texts.add(key, text);
    } else if (chunk.fourcc === 'XMP ' && texts.admit('XMP', chunk.dataLength)) {
      for (const { key, text } of xmpTexts(decodeText(await source.bytes(dataStart, chunk.dataLength), 'utf-8'))) texts.add(key, text);
    }
  }
  return { container: 'webp', texts: texts.texts, problems: texts.problems, size };
}
