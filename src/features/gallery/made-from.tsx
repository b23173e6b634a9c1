/** Where a transform or a video came from: a link to the gallery item it was made from, when there is one. */
import { Link } from 'wouter';
import { cellLabel } from './gallery-cell';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { useGallery } from '../../gallery-store/use-gallery';
import { APP_PATHS } from '../../lib/app-paths';

export function MadeFrom({ item }: { item: GalleryItem }) {
  const parent = useGallery((s) => (item.parentId ? s.items.find((other) => other.id === item.parentId) : undefined));
  if (item.kind === 'image') return null;
  return (
    <p className="text-sm">
      <span className="text-muted">Made from </span>
      {parent ? (
        <Link href={`${APP_PATHS.gallery}/${encodeURIComponent(parent.id)}`} className="underline decoration-accent underline-offset-2">
          {cellLabel(parent)}
        </Link>
      ) : item.parentId ? (
        'an item no longer in this gallery'
      ) : (
        'a picture that is not in this gallery (a file, or a shared result)'
      )}
    </p>
  );
}
