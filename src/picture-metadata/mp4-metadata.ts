/**
 * Reads the studio's recipe from an MP4's iTunes-style metadata (moov/udta/meta/ilst): a
 * free-form item named "recipe" in the studio's namespace, and the comment (©cmt) with the
 * parameters text. No other tool writes settings into video files the studio receives.
 */
import type { ByteSource } from './byte-source';
import { childBoxes, findBox, listTopBoxes, MAX_MOVIE_BOX_BYTES, type Mp4Box } from './mp4-boxes';
import { type ContainerMetadata, TextCollector } from './metadata-text';
import { decodeText } from './text-decoding';

export const RECIPE_MEAN = 'com.aiart-studio';
export const RECIPE_NAME = 'recipe';
export const COMMENT_ITEM = '\u00a9cmt';

/** The value of an item's `data` box: type and locale (eight bytes), then the text. */
function dataText(bytes: Uint8Array, item: Mp4Box): string | undefined {
  const data = childBoxes(bytes, item.offset + item.headerLength, item.offset + item.size).find((box) => box.type === 'data');
  return data && decodeText(bytes.subarray(data.offset + data.headerLength + 8, data.offset + data.size), 'utf-8');
}

/** The name of a free-form item's `mean` or `name` box (a full box: four bytes of version and flags first). */
function freeformLabel(bytes: Uint8Array, item: Mp4Box, type: string): string | undefined {
  const box = childBoxes(bytes, item.offset + item.headerLength, item.offset + item.size).find((child) => child.type === type);
  return box && decodeText(bytes.subarray(box.offset + box.headerLength + 4, box.offset + box.size), 'utf-8');
}

export async function readMp4Metadata(source: ByteSource): Promise<ContainerMetadata> {
  const { boxes, complete } = await listTopBoxes(source);
  const texts = new TextCollector();
  if (!complete) texts.problem('structure-damaged', 'The file is damaged or cut short; only the boxes before the damage were read.');
  const moov = boxes.find((box) => box.type === 'moov');
  if (!moov) return { container: 'mp4', texts: texts.texts, problems: texts.problems };
  if (moov.size > MAX_MOVIE_BOX_BYTES) {
    texts.problem('text-too-large', `The video's movie box is ${moov.size.toLocaleString('en')} bytes: larger than any the studio reads.`);
    return { container: 'mp4', texts: texts.texts, problems: texts.problems };
  }
  const bytes = (await source.bytes(moov.offset, moov.size)).slice();
  const ilst = findBox(bytes, { ...moov, offset: 0 }, ['udta', 'meta', 'ilst']);
  for (const item of ilst ? childBoxes(bytes, ilst.offset + ilst.headerLength, ilst.offset + ilst.size) : []) {
    if (item.type === COMMENT_ITEM) {
      const text = dataText(bytes, item);
      if (text && texts.admit('comment', text.length)) texts.add('parameters', text);
    } else if (item.type === '----' && freeformLabel(bytes, item, 'mean') === RECIPE_MEAN && freeformLabel(bytes, item, 'name') === RECIPE_NAME) {
      const text = dataText(bytes, item);
      if (text && texts.admit('recipe', text.length)) texts.add('aiart-recipe', text);
    }
  }
  return { container: 'mp4', texts: texts.texts, problems: texts.problems };
}
