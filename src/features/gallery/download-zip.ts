/**
 * Bulk download: the selected items as one .zip, streamed like an export, each file with its
 * recipe written in and a readable name; progress, and what was left out and why, as it goes.
 */
import type { GalleryItem } from '../../gallery-store/gallery-item';
import type { ArchiveProgress } from './archive-actions';
import { openZipSink, zipFileName } from './zip-sink';

const count = (n: number, what: string) => `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;

function leftOut(skipped: ReadonlyArray<{ reason: string }>): string {
  const reasons = new Map<string, number>();
  for (const { reason } of skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  return `Left out ${count(skipped.length, 'item')}: ${[...reasons].map(([reason, n]) => `${reason} (${n})`).join('; ')}.`;
}

export async function downloadItemsAsZip(items: readonly GalleryItem[], report: (progress: ArchiveProgress) => void): Promise<void> {
  if (!items.some((item) => item.status === 'ready')) {
    report({ tone: 'alert', text: 'Nothing to download: none of the selected items is finished.' });
    return;
  }
  const fileName = zipFileName(`${items.length}-item${items.length === 1 ? '' : 's'}`);
  try {
    const target = await openZipSink(fileName);
    if (!target) return;
    const { zipItems } = await import('../../gallery-store/zip-items');
    const done = await zipItems(items, target.sink, (handled, total) => report({ tone: 'status', text: `Zipping ${handled.toLocaleString('en')} of ${count(total, 'item')}…` }));
    if (done.files === 0) {
      report({ tone: 'alert', text: `No file could be added to the zip. ${leftOut(done.skipped)}` });
      return;
    }
    target.finish();
    report({ tone: 'status', text: `Downloaded ${count(done.files, 'file')} as ${fileName}.${done.skipped.length ? ` ${leftOut(done.skipped)}` : ''}` });
  } catch (error) {
    report({ tone: 'alert', text: `The download failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}
