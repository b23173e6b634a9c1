/**
 * Where a transform or a video came from: a link to the gallery item it was made from, or the
 * picture it was made from when that was a file this browser keeps with it.
 */
import { Link } from 'wouter';
import { cellLabel } from './gallery-cell';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { galleryStore, useGallery } from '../../gallery-store/use-gallery';
import { APP_PATHS } from '../../lib/app-paths';
import { useBlobUrl } from '../../lib/use-blob-url';

const readSource = (id: string) => galleryStore.getState().source(id);

export function MadeFrom({ item }: { item: GalleryItem }) {
  const parent = useGallery((s) => (item.parentId ? s.items.find((other) => other.id === item.parentId) : undefined));
  const sourceUrl = useBlobUrl(item.sourceStored ? item.id : undefined, readSource)?.url;
  if (item.kind === 'image') return null;
  if (parent) {
    return (
      <p className="text-sm">
        <span className="text-muted">Made from </span>
        <Link href={`${APP_PATHS.gallery}/${encodeURIComponent(parent.id)}`} className="underline decoration-accent underline-offset-2">
          {cellLabel(parent)}
        </Link>
      </p>
    );
  }
  if (item.sourceStored) {
    return (
      sourceUrl && (
        <figure className="flex items-center gap-3 text-sm">
          <img src={sourceUrl} alt="The picture it was made from" className="h-16 w-16 rounded-md object-cover" />
          <figcaption className="text-muted">Made from a picture added from a file, kept with this result.</figcaption>
        </figure>
      )
    );
  }
  return <p className="text-sm text-muted">{item.parentId ? 'Made from an item no longer in this gallery.' : 'Made from a picture that is not in this gallery.'}</p>;
}
