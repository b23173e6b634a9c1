/**
 * Several gallery items as one .zip, for a bulk download: each item's picture or video with its
 * recipe written in, under a readable name, streamed to the sink one file at a time.
 */
import { writeZip } from '../lib/zip-writer';
import { itemFileName, itemMedia } from './download-item';
import type { GalleryItem } from './gallery-item';
import { withItemRecipe } from './item-recipe';

export interface ZipItemsReport {
  /** Files written to the zip. */
  files: number;
  /** Items left out, with why, worded to follow "left out: ". */
  skipped: Array<{ itemId: string; reason: string }>;
}

/** "name.png", then "name-2.png", "name-3.png"… for the same name again. */
export function uniqueFileNames() {
  const taken = new Set<string>();
  return (name: string): string => {
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${stem}-${n}${extension}`;
    taken.add(candidate);
    return candidate;
  };
}

/**
 * Writes `items` to `sink` as a zip. An item that is not finished, or whose media no copy is
 * left of, is skipped and reported; `onProgress` hears how many items were handled so far.
 */
export async function zipItems(items: readonly GalleryItem[], sink: WritableStream<Uint8Array>, onProgress?: (done: number, total: number) => void): Promise<ZipItemsReport> {
  const report: ZipItemsReport = { files: 0, skipped: [] };
  const nameFor = uniqueFileNames();
  await writeZip(sink, async (addFile) => {
    for (const [index, item] of items.entries()) {
      onProgress?.(index, items.length);
      if (item.status !== 'ready') {
        report.skipped.push({ itemId: item.id, reason: 'not finished' });
        continue;
      }
      const media = await itemMedia(item).catch((error: Error) => {
        report.skipped.push({ itemId: item.id, reason: error.message });
        return undefined;
      });
      if (!media) continue;
      await addFile(nameFor(itemFileName(item, media.type)), await withItemRecipe(item, media));
      report.files++;
    }
    onProgress?.(items.length, items.length);
  });
  return report;
}
