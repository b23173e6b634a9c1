/** What can be done with the selected items: download them, delete them, or change the selection. */
import { downloadItem } from '../../gallery-store/download-item';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { useState } from 'react';
import { useGalleryView } from './gallery-view-store';
import { ShareDialog } from './share-dialog';
import { buttonClass } from '../../components/button';

/** Downloads each item that still has a copy somewhere; the rest are skipped. */
async function downloadAll(items: GalleryItem[]) {
  for (const item of items) await downloadItem(item).catch(() => undefined);
}

export function SelectionBar({ shown, onDelete }: { shown: readonly GalleryItem[]; onDelete(ids: string[]): void }) {
  const { selected, selectOnly } = useGalleryView();
  const chosen = shown.filter((item) => selected.has(item.id));
  const [sharing, setSharing] = useState(false);
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
      <button type="button" className={button} disabled={!chosen.length} onClick={() => void downloadAll(chosen)}>
        Download
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
