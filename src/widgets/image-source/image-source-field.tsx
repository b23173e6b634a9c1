/**
 * A page's source picture: the drop zone with its checks, the gallery's newest pictures, and a
 * picture named in the address (a gallery item's, or the one an item was made from: from
 * Transform, Animate or Remix elsewhere; the page tidies the address).
 */
import { useCallback, useEffect } from 'react';
import { ImageDropZone } from '../../components/image-drop-zone';
import { pictureRefOf } from '../../lib/app-paths';
import { describeSource, type ImageSourceStore } from './image-source-store';
import { RecentPictures } from './recent-pictures';

export function ImageSourceField({ useSource, label }: { useSource: ImageSourceStore; label: string }) {
  const { image, error, checking, fromFiles, fromGallery, fromPictureRef, clear } = useSource();
  const onFiles = useCallback((files: File[]) => void fromFiles(files), [fromFiles]);

  useEffect(() => {
    const ref = pictureRefOf(window.location.search);
    if (ref) void fromPictureRef(ref);
  }, [fromPictureRef]);

  return (
    <div className="flex flex-col gap-3">
      <ImageDropZone
        label={label}
        preview={image && { url: image.previewUrl, name: image.name, details: describeSource(image) }}
        checking={checking}
        error={error}
        onFiles={onFiles}
        onGalleryItem={(id) => void fromGallery(id)}
        onClear={clear}
      />
      <RecentPictures onPick={(id) => void fromGallery(id)} />
    </div>
  );
}
