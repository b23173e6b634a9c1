/** Keeps every waiting video job polled, whichever page is open, until it ends. */
import { useShallow } from 'zustand/react/shallow';
import { useGallery } from '../gallery-store/use-gallery';
import { isWaiting, useRecordVideoJob, type VideoItem } from '../gallery-store/video-job';

function WatchJob({ item }: { item: VideoItem }) {
  useRecordVideoJob(item);
  return null;
}

export default function VideoJobWatcher() {
  const waiting = useGallery(useShallow((s) => s.items.filter((item): item is VideoItem => item.kind === 'video' && isWaiting(item))));
  return waiting.map((item) => <WatchJob key={item.id} item={item} />);
}
