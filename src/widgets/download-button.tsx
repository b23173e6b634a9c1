/** Download for a card: the item's file under a readable name (this browser's copy first), or why it could not be had. */
import { useState } from 'react';
import { Button } from '../components/button';
import { downloadItem } from '../gallery-store/download-item';
import type { GalleryItem } from '../gallery-store/gallery-item';

export function DownloadButton({ item, className }: { item: GalleryItem; className?: string }) {
  const [problem, setProblem] = useState<string>();
  return (
    <>
      <Button
        variant="small"
        className={className}
        onClick={() => {
          setProblem(undefined);
          downloadItem(item).catch((error: Error) => setProblem(`The ${item.kind === 'video' ? 'video' : 'file'} could not be downloaded: ${error.message}.`));
        }}
      >
        Download
      </Button>
      {problem && (
        <p role="alert" className="w-full text-danger">
          {problem}
        </p>
      )}
    </>
  );
}
