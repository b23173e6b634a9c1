/**
 * Where an image goes in: drop a file (or a gallery item), click to browse, or paste. Keyboard
 * users get real buttons; the checks and the loading live with the caller.
 */
import { type DragEvent, useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { GALLERY_ITEM_DRAG_TYPE } from '../lib/drag-types';
import { usePastedFiles } from '../lib/use-pasted-files';

export interface DropZonePreview {
  url: string;
  name: string;
  details: string;
}

interface ImageDropZoneProps {
  label: string;
  preview?: DropZonePreview;
  checking: boolean;
  error?: string;
  onFiles(files: File[]): void;
  onGalleryItem(id: string): void;
  onClear(): void;
}

const buttonClass = 'inline-flex min-h-11 items-center rounded-md border border-line bg-panel px-3 text-sm font-medium hover:text-accent';
const hasGalleryItem = (event: DragEvent) => event.dataTransfer.types.includes(GALLERY_ITEM_DRAG_TYPE);

export function ImageDropZone({ label, preview, checking, error, onFiles, onGalleryItem, onClear }: ImageDropZoneProps) {
  const [galleryDragOver, setGalleryDragOver] = useState(false);
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: (files) => files.length > 0 && onFiles(files),
    noClick: Boolean(preview),
    noKeyboard: true,
  });
  usePastedFiles(onFiles);
  const highlighted = isDragActive || galleryDragOver;
  const errorId = `${label.replace(/\W+/g, '-').toLowerCase()}-error`;

  const rootProps = getRootProps({
    onDragOver: (event) => {
      if (!hasGalleryItem(event)) return;
      event.preventDefault();
      event.stopPropagation();
      setGalleryDragOver(true);
    },
    onDragLeave: () => setGalleryDragOver(false),
    onDrop: (event) => {
      setGalleryDragOver(false);
      const id = event.dataTransfer.getData(GALLERY_ITEM_DRAG_TYPE);
      if (!id) return;
      event.preventDefault();
      event.stopPropagation();
      onGalleryItem(id);
    },
  });

  return (
    <section aria-label={label} aria-describedby={error ? errorId : undefined} className="flex flex-col gap-2">
      <div
        {...rootProps}
        data-testid="image-drop-zone"
        className={`relative flex min-h-40 flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed p-4 text-center ${
          highlighted ? 'border-accent bg-accent/10' : 'border-line bg-raised/40'
        } ${preview ? '' : 'cursor-pointer'}`}
      >
        <input {...getInputProps({ 'aria-label': `${label}: choose a file` })} />
        {preview ? (
          <figure className="flex w-full flex-col items-center gap-2">
            <img src={preview.url} alt={`${label}: ${preview.name}`} className="max-h-56 max-w-full rounded-md object-contain" />
            <figcaption className="flex max-w-full flex-col text-xs text-muted">
              <span className="truncate font-medium text-fg">{preview.name}</span>
              <span className="tabular-nums">{preview.details}</span>
            </figcaption>
          </figure>
        ) : (
          <p className="text-sm text-muted">
            {highlighted ? 'Drop it here' : 'Drop a JPG, PNG or WEBP image here, paste one (Ctrl+V), or browse. Up to 10 MB.'}
          </p>
        )}
        {checking && (
          <p role="status" className="text-sm">
            Checking the image…
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass} onClick={open}>
          {preview ? 'Replace image' : 'Browse files'}
        </button>
        {preview && (
          <button type="button" className={buttonClass} onClick={onClear}>
            Clear image
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
