/**
 * Background work whichever page is open: every waiting video job polled until it ends, and
 * media downloads a closed page left undone finished once the gallery has loaded.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { keepMissingMedia } from '../gallery-store/save-result';
import { useGallery } from '../gallery-store/use-gallery';
import { isWaiting, useRecordVideoJob, type VideoItem } from '../gallery-store/video-job';

function WatchJob({ item }: { item: VideoItem }) {
  useRecordVideoJob(item);
  return null;
}

export default function BackgroundWork() {
  const ready = useGallery((s) => s.status === 'ready');
  useEffect(() => {
    if (ready) void keepMissingMedia();
  }, [ready]);
  const waiting = useGallery(useShallow((s) => s.items.filter((item): item is VideoItem => item.kind === 'video' && isWaiting(item))));
  return waiting.map((item) => <WatchJob key={item.id} item={item} />);
}
