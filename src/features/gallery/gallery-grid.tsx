/** The gallery's grid: virtualized cells, with thumbnails for the stored items on screen. */
import { memo, useCallback, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { GalleryCell } from './gallery-cell';
import { useGalleryView } from './gallery-view-store';
import { useThumbnailUrls } from '../../gallery-store/use-thumbnail-urls';
import { useSettled } from '../../lib/use-settled';
import { VirtualGrid } from './virtual-grid';

const Cell = memo(GalleryCell);
const THUMBS_AFTER_SCROLL_MS = 120;

export function GalleryGrid({ shown }: { shown: readonly GalleryItem[] }) {
  const selecting = useGalleryView((s) => s.selecting);
  const selected = useGalleryView((s) => s.selected);
  const toggleSelected = useGalleryView((s) => s.toggleSelected);
  const selectRange = useGalleryView((s) => s.selectRange);
  const [visible, setVisible] = useState<readonly GalleryItem[]>([]);
  const byId = useMemo(() => new Map(shown.map((item) => [item.id, item])), [shown]);
  // Only items whose media is stored have a thumbnail; one stored in another tab joins in.
  const storedIds = useMemo(() => visible.filter((item) => byId.get(item.id)?.mediaStored).map((item) => item.id), [visible, byId]);
  // While the grid flies past, thumbnails wait until it slows down.
  const thumbUrls = useThumbnailUrls(useSettled(storedIds, THUMBS_AFTER_SCROLL_MS));
  const onVisibleChange = useCallback((items: readonly GalleryItem[]) => setVisible(items), []);
  const shownIds = useMemo(() => shown.map((item) => item.id), [shown]);
  const toggle = useCallback((id: string, range: boolean) => (range ? selectRange(shownIds, id) : toggleSelected(id)), [shownIds, selectRange, toggleSelected]);
  const [, navigate] = useLocation();
  const open = useCallback((id: string) => navigate(`/gallery/${encodeURIComponent(id)}`), [navigate]);

  return (
    <VirtualGrid
      items={shown}
      minCell={150}
      gap={8}
      label="Saved results"
      keyOf={(item) => item.id}
      onVisibleChange={onVisibleChange}
      renderCell={(item) => (
        <Cell item={item} thumbUrl={thumbUrls.get(item.id)} selecting={selecting} selected={selected.has(item.id)} onToggle={toggle} onOpen={open} />
      )}
    />
  );
}
