/**
 * One Create or Transform run as a card, drawn from its gallery item alone: its progress while
 * queued or running, then the picture (this browser's copy once kept, retried while the file is
 * unreachable), a before/after comparison for a transform, and its actions.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { IMAGE_SIZES } from '../api/contract';
import { buttonClass, Button } from '../components/button';
import { CompareSlider } from '../components/compare-slider';
import { CopyButton } from '../components/copy-button';
import { downloadItem } from '../gallery-store/download-item';
import { type GalleryItem, promptOf } from '../gallery-store/gallery-item';
import { useMediaUrl } from '../gallery-store/use-media-url';
import { galleryStore } from '../gallery-store/use-gallery';
import { APP_PATHS, withSourceItem } from '../lib/app-paths';
import { useBlobUrl } from '../lib/use-blob-url';
import { RetryingImage } from './retrying-image';
import { RunProgress } from './run-progress';

type PictureRun = Extract<GalleryItem, { kind: 'image' | 'transform' }>;

const readSource = (id: string) => galleryStore.getState().source(id);

export function runLabel(item: PictureRun): string {
  const what = item.kind === 'transform' ? 'Transform' : 'Image';
  return `${what} for “${promptOf(item).slice(0, 80)}”, seed ${item.seed}`;
}

export function RunCard({ item }: { item: PictureRun }) {
  const [pixelSize, setPixelSize] = useState<string>();
  const [downloadError, setDownloadError] = useState<string>();
  const src = useMediaUrl(item);
  const before = useBlobUrl(item.kind === 'transform' && item.sourceStored && item.status === 'ready' ? item.id : undefined, readSource)?.url;
  const size = IMAGE_SIZES[item.request.aspect_ratio];
  const ready = item.status === 'ready';
  const picture = src && (
    <RetryingImage
      src={src}
      alt={promptOf(item)}
      decoding="async"
      {...{ elementtiming: 'result-image' }}
      onLoad={(event) => setPixelSize(`${event.currentTarget.naturalWidth}×${event.currentTarget.naturalHeight}`)}
      className="absolute inset-0 h-full w-full object-contain"
    />
  );

  return (
    <article aria-label={runLabel(item)} aria-busy={!ready && item.status !== 'failed' && item.status !== 'cancelled'} className="overflow-hidden rounded-xl border border-line bg-panel">
      <div className="relative bg-raised" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
        {ready ? before && picture ? <CompareSlider before={before} after={picture} /> : picture : <RunProgress item={item} working="Generating" failed="Generation failed" />}
      </div>
      <footer className="flex flex-wrap items-center gap-2 p-2 text-xs text-muted">
        <span className="tabular-nums">Seed {item.seed}</span>
        {pixelSize && <span className="tabular-nums">{pixelSize}</span>}
        {ready && (
          <span className="ml-auto flex flex-wrap gap-1.5">
            <CopyButton text={String(item.seed)} label="Copy seed" className={buttonClass('small')} />
            <Button
              variant="small"
              onClick={() => {
                setDownloadError(undefined);
                downloadItem(item).catch((error: Error) => setDownloadError(`The file could not be downloaded: ${error.message}.`));
              }}
            >
              Download
            </Button>
            <Link href={withSourceItem(APP_PATHS.transform, item.id)} className={buttonClass('small')}>
              Transform
            </Link>
            <Link href={withSourceItem(APP_PATHS.animate, item.id)} className={buttonClass('small')}>
              Animate
            </Link>
          </span>
        )}
        {ready && item.problem && <p className="w-full">{item.problem}</p>}
        {downloadError && (
          <p role="alert" className="w-full text-danger">
            {downloadError}
          </p>
        )}
      </footer>
    </article>
  );
}
