/** What can be done with the selected items: download them, delete them, or change the selection. */
import { downloadItem } from '../../gallery-store/download-item';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { useState } from 'react';
import type { ArchiveProgress } from './archive-actions';
import { downloadItemsAsZip } from './download-zip';
import { useGalleryView } from './gallery-view-store';
import { ShareDialog } from './share-dialog';
import { buttonClass } from '../../components/button';

/** One item downloads as its own file; several as one .zip, which browsers never block. */
async function download(items: GalleryItem[], report: (progress: ArchiveProgress) => void) {
  if (items.length > 1) return downloadItemsAsZip(items, report);
  await downloadItem(items[0]).catch((error: Error) => report({ tone: 'alert', text: `The download failed: ${error.message}.` }));
}

interface SelectionBarProps {
  shown: readonly GalleryItem[];
  onDelete(ids: string[]): void;
  onProgress(progress: ArchiveProgress): void;
}

export function SelectionBar({ shown, onDelete, onProgress }: SelectionBarProps) {
  const { selected, selectOnly } = useGalleryView();
  const chosen = shown.filter((item) => selected.has(item.id));
  const [sharing, setSharing] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const button = buttonClass('secondary');
  return (
    <div role="region" aria-label="Selection" className="flex flex-wrap items-center gap-2 rounded-lg border border-accent/50 bg-panel p-2">
      <p aria-live="polite" className="px-2 text-sm font-medium">
        {chosen.length} selected
      </p>
      <button type="button" className={button} onClick={() => selectOnly(shown.map((item) => item.id))}>
        Select all {shown.length}
      </button>
      <button type="button" className={button} disabled={!chosen.length} onClick={() => selectOnly([])}>
        Clear
      </button>
      <button
        type="button"
        className={button}
        disabled={!chosen.length || downloading}
        onClick={async () => {
          setDownloading(true);
          await download(chosen, onProgress);
          setDownloading(false);
        }}
      >
        {downloading ? 'Downloading…' : 'Download'}
      </button>
      <button type="button" className={button} disabled={!chosen.length} onClick={() => setSharing(true)}>
        Share
      </button>
      {sharing && <ShareDialog items={chosen} onClose={() => setSharing(false)} />}
      <button type="button" className={`${button} text-danger`} disabled={!chosen.length} onClick={() => onDelete(chosen.map((item) => item.id))}>
        Delete
      </button>
    </div>
  );
}
