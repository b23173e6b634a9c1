/** One gallery cell: the thumbnail (or its state), a link to the detail view, or a selection toggle. */
import { type GalleryItem, isActive, promptOf } from '../../gallery-store/gallery-item';
import { GALLERY_ITEM_DRAG_TYPE } from '../../lib/drag-types';

const KIND_LABEL = { image: 'Image', transform: 'Transform', video: 'Video' } as const;

export function cellLabel(item: GalleryItem): string {
  const prompt = promptOf(item);
  return `${KIND_LABEL[item.kind]}${prompt ? `: ${prompt.slice(0, 100)}` : ''}`;
}

interface GalleryCellProps {
  item: GalleryItem;
  thumbUrl?: string;
  selecting: boolean;
  selected: boolean;
  /** `range` is true for a Shift-click: select from the last clicked item to this one. */
  onToggle(id: string, range: boolean): void;
  onOpen(id: string): void;
}

function Picture({ item, thumbUrl }: { item: GalleryItem; thumbUrl?: string }) {
  if (isActive(item)) return <span className="shimmer absolute inset-0" />;
  if (item.status !== 'ready') {
    return <span className="absolute inset-0 flex items-center justify-center p-2 text-center text-xs text-danger">{item.status === 'cancelled' ? 'Cancelled' : 'Failed'}</span>;
  }
  // A stored item waits for its small thumbnail; only one this browser could not keep shows the remote file.
  const src = thumbUrl ?? (item.kind === 'video' || item.mediaStored ? undefined : item.remoteUrl);
  return src ? <img src={src} alt="" decoding="async" className="absolute inset-0 h-full w-full object-cover" /> : <span className="absolute inset-0 bg-raised" />;
}

export function GalleryCell({ item, thumbUrl, selecting, selected, onToggle, onOpen }: GalleryCellProps) {
  const frame = 'relative block h-full w-full overflow-hidden rounded-md bg-raised focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent';
  const badges = (
    <>
      {item.favourite && <span aria-hidden="true" className="absolute right-1.5 top-1.5 rounded bg-canvas/80 px-1 text-xs text-accent">★</span>}
      {item.kind !== 'image' && <span aria-hidden="true" className="absolute bottom-1.5 left-1.5 rounded bg-canvas/80 px-1 text-[10px]">{KIND_LABEL[item.kind]}</span>}
    </>
  );
  if (selecting) {
    return (
      <button
        type="button"
        aria-pressed={selected}
        aria-label={cellLabel(item)}
        // A Shift-click selects a range, not the page's text.
        onMouseDown={(event) => event.shiftKey && event.preventDefault()}
        onClick={(event) => onToggle(item.id, event.shiftKey)}
        className={`${frame} ${selected ? 'ring-4 ring-accent' : ''}`}
      >
        <Picture item={item} thumbUrl={thumbUrl} />
        <span aria-hidden="true" className={`absolute left-1.5 top-1.5 flex h-6 w-6 items-center justify-center rounded-full border-2 text-xs ${selected ? 'border-accent bg-accent text-accent-fg' : 'border-fg/70 bg-canvas/60'}`}>
          {selected ? '✓' : ''}
        </span>
        {badges}
      </button>
    );
  }
  // A plain link (no router hook per cell: thousands of cells mount while scrolling); a plain click opens in place.
  return (
    <a
      href={`/gallery/${encodeURIComponent(item.id)}`}
      aria-label={cellLabel(item)}
      className={frame}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        onOpen(item.id);
      }}
      onDragStart={(event) => event.dataTransfer.setData(GALLERY_ITEM_DRAG_TYPE, item.id)}
    >
      <Picture item={item} thumbUrl={thumbUrl} />
      {badges}
    </a>
  );
}
