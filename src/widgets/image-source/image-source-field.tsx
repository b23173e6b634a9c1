/**
 * A page's source picture: the drop zone with its checks, the gallery's newest pictures, and a
 * picture named in the address (a gallery item's, or the one an item was made from: from
 * Transform, Animate or Remix elsewhere; the page tidies the address). A file the creator adds
 * is also handed to the page's settings notice, whatever the checks make of it.
 */
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { ImageDropZone } from '../../components/image-drop-zone';
import { pictureRefOf } from '../../lib/app-paths';
import { describeSource, type ImageSourceStore } from './image-source-store';
import { RecentPictures } from './recent-pictures';

interface ImageSourceFieldProps {
  useSource: ImageSourceStore;
  label: string;
  /** The notice for the settings an added file carries, shown under the field until dismissed. */
  settingsNotice?(file: File, dismiss: () => void): ReactNode;
}

export function ImageSourceField({ useSource, label, settingsNotice }: ImageSourceFieldProps) {
  const { image, error, checking, fromFiles, fromGallery, fromPictureRef, clear } = useSource();
  const [added, setAdded] = useState<File>();
  const onFiles = useCallback(
    (files: File[]) => {
      void fromFiles(files);
      setAdded(files[0]);
    },
    [fromFiles],
  );
  const pick = (id: string) => {
    setAdded(undefined);
    void fromGallery(id);
  };

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
        onGalleryItem={pick}
        onClear={() => {
          setAdded(undefined);
          clear();
        }}
      />
      <RecentPictures onPick={pick} />
      {added && settingsNotice?.(added, () => setAdded(undefined))}
    </div>
  );
}
