/** The newest pictures of the gallery, to click or drag onto the image input. */
import { useMemo } from 'react';
import { promptOf } from '../../gallery-store/gallery-item';
import { isPicture } from '../../gallery-store/item-file';
import { useGallery } from '../../gallery-store/use-gallery';
import { useThumbnailUrls } from '../../gallery-store/use-thumbnail-urls';
import { GALLERY_ITEM_DRAG_TYPE } from '../../lib/drag-types';

const SHOWN = 12;

export function RecentPictures({ onPick }: { onPick(id: string): void }) {
  const items = useGallery((s) => s.items);
  const recent = useMemo(() => items.filter(isPicture).slice(0, SHOWN), [items]);
  const thumbs = useThumbnailUrls(useMemo(() => recent.map((item) => item.id), [recent]));
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-pictures" className="flex flex-col gap-1.5">
      <h2 id="recent-pictures" className="text-sm font-medium">
        Or pick from your gallery <span className="font-normal text-muted">(click, or drag onto the box)</span>
      </h2>
      <ul className="flex gap-1.5 overflow-x-auto pb-1">
        {recent.map((item) => {
          const src = thumbs.get(item.id) ?? item.remoteUrl;
          return (
            <li key={item.id} className="shrink-0">
              <button
                type="button"
                draggable
                onDragStart={(event) => {
                  event.dataTransfer.setData(GALLERY_ITEM_DRAG_TYPE, item.id);
                  event.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => onPick(item.id)}
                aria-label={`Use “${promptOf(item).slice(0, 80)}”`}
                className="block h-16 w-16 overflow-hidden rounded-md border border-line hover:border-accent"
              >
                {src && <img src={src} alt="" draggable={false} className="h-full w-full object-cover" />}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
