/**
 * Export the shown items to a .zip (straight to disk where the browser lets the studio write a
 * file, else as a download) and import an export back, with a plain report of what happened.
 * A picture chosen or dropped to import is no export: it goes to `onPicture`, for its settings.
 */
import { type ChangeEvent, useRef, useState } from 'react';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { galleryStore } from '../../gallery-store/use-gallery';
import { sniffMediaType } from '../../lib/media-type';
import { usePageFileDrop } from '../../lib/use-page-file-drop';
import { buttonClass } from '../../components/button';
import { DropOverlay } from '../../components/drop-overlay';
import { openZipSink, zipFileName } from './zip-sink';

/** A line under the gallery's header saying how an export, import or download goes. */
export type ArchiveProgress = { tone: 'status' | 'alert'; text: string } | undefined;

const loadArchive = () => import('../../gallery-store/gallery-archive');

export async function exportItems(items: readonly GalleryItem[], report: (progress: ArchiveProgress) => void): Promise<void> {
  const fileName = zipFileName('gallery');
  try {
    const target = await openZipSink(fileName);
    if (!target) return;
    report({ tone: 'status', text: `Exporting ${items.length.toLocaleString('en')} items…` });
    const { exportGallery } = await loadArchive();
    const done = await exportGallery(galleryStore, items, target.sink);
    target.finish();
    const missing = done.withoutMedia ? ` ${done.withoutMedia} of them without media, which this browser no longer keeps.` : '';
    report({ tone: 'status', text: `Exported ${done.items.toLocaleString('en')} items to ${fileName}.${missing}` });
  } catch (error) {
    report({ tone: 'alert', text: `The export failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}

function describeImport(result: { imported: number; withoutMedia: number; skipped: Record<string, number> }): string {
  const skipped = Object.entries(result.skipped);
  const total = skipped.reduce((sum, [, count]) => sum + count, 0);
  const parts = [`Imported ${result.imported.toLocaleString('en')} item${result.imported === 1 ? '' : 's'}`];
  if (result.withoutMedia) parts.push(` (${result.withoutMedia} without media: shown from their backend while it keeps them)`);
  parts.push('.');
  if (total) parts.push(` Skipped ${total}: ${skipped.map(([reason, count]) => `${reason} (${count})`).join('; ')}.`);
  return parts.join('');
}

/** True for a file that starts like a zip (a local file header, or the end record of an empty zip). */
const isZip = (head: Uint8Array) => head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));

interface ArchiveActionsProps {
  shown: readonly GalleryItem[];
  onProgress(progress: ArchiveProgress): void;
  /** A picture or video to import, which only its settings can come from. */
  onPicture(file: File): void;
}

export function ArchiveActions({ shown, onProgress, onPicture }: ArchiveActionsProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const button = buttonClass('secondary');
  const dragging = usePageFileDrop((files) => void importFile(files[0]));

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void importFile(file);
  }

  async function importFile(file: File) {
    if (busy) {
      onProgress({ tone: 'alert', text: `“${file.name.slice(0, 80)}” was not imported: wait until the export or import under way is done.` });
      return;
    }
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    if (!isZip(head) && sniffMediaType(head)) {
      onProgress(undefined);
      onPicture(file);
      return;
    }
    setBusy(true);
    onProgress({ tone: 'status', text: `Importing “${file.name.slice(0, 80)}”…` });
    try {
      const { importGallery } = await loadArchive();
      onProgress({ tone: 'status', text: describeImport(await importGallery(galleryStore, file)) });
    } catch (error) {
      onProgress({ tone: 'alert', text: `“${file.name.slice(0, 80)}” was not imported: ${error instanceof Error ? error.message : String(error)}` });
    }
    setBusy(false);
  }

  return (
    <div className="flex gap-2">
      <button
        type="button"
        className={button}
        disabled={busy || shown.length === 0}
        onClick={async () => {
          setBusy(true);
          await exportItems(shown, onProgress);
          setBusy(false);
        }}
      >
        Export {shown.length.toLocaleString('en')}
      </button>
      <button type="button" className={button} disabled={busy} onClick={() => input.current?.click()}>
        Import…
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip,image/png,image/jpeg,image/webp,video/mp4"
        aria-label="Import a gallery export, or a picture's settings"
        className="hidden"
        onChange={chooseFile}
      />
      {dragging && <DropOverlay message="Drop a gallery export (.zip) to import it, or a picture to read its settings" />}
    </div>
  );
}
