/**
 * The detail view: the full-size media (from this browser's copy when it has one), every
 * parameter, and what can be done with it. Arrow keys move through the gallery, F favourites,
 * D downloads, Delete deletes (the gallery offers Undo) and Escape closes.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { CopyButton } from '../../components/copy-button';
import { type GalleryItem, isActive, promptOf, templateOf } from '../../gallery-store/gallery-item';
import { useModelNamer } from '../../api/model-names';
import { downloadItem } from '../../gallery-store/download-item';
import { isPicture } from '../../gallery-store/item-file';
import { APP_PATHS, type PictureRef, withSourceItem } from '../../lib/app-paths';
import { galleryStore } from '../../gallery-store/use-gallery';
import { requestParameters, requestWithModel } from '../../gallery-store/request-parameters';
import { useMediaUrl } from '../../gallery-store/use-media-url';
import { MadeFrom } from './made-from';
import { ShareDialog } from './share-dialog';
import { recipeLink } from '../../lib/recipe-params';
import { hasCommandModifier, isTypingTarget } from '../../lib/use-key-shortcut';
import { buttonClass } from '../../components/button';

function parameters(item: GalleryItem, nameModel: (id: string) => string): Array<[string, string]> {
  const request = requestParameters(item, nameModel);
  // The template a prompt was expanded from reads best right under the prompt.
  const afterPrompt = request.findIndex(([name]) => name === 'Prompt') + 1;
  const rows: Array<[string, string | undefined]> = [
    ...request.slice(0, afterPrompt),
    ['Template', templateOf(item)],
    ...request.slice(afterPrompt),
    ['Finish', item.kind === 'video' ? item.finishReason : undefined],
    ['Pixel size', item.width && item.height ? `${item.width}×${item.height}` : undefined],
    ['File size', item.bytes ? `${(item.bytes / 1024).toFixed(0)} KB` : undefined],
    ['Created', new Date(item.createdAt).toLocaleString()],
    ['Backend', item.backend || 'this server'],
    ['Kept in this browser', item.mediaStored ? 'Yes' : 'No'],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined);
}

/** Remix opens the page that made the item with its settings, and its source picture when this browser still has it. */
function remixLink(item: GalleryItem): string {
  const parentKept = item.parentId && galleryStore.getState().items.some((other) => other.id === item.parentId);
  const picture: PictureRef | undefined = parentKept
    ? { itemId: item.parentId!, use: 'item' }
    : item.sourceStored
      ? { itemId: item.id, use: 'source' }
      : undefined;
  return recipeLink(item.kind, requestWithModel(item), picture);
}

interface ItemDetailProps {
  item: GalleryItem;
  previousId?: string;
  nextId?: string;
  onNavigate(id: string): void;
  onClose(): void;
  onDelete(id: string): void;
}

export function ItemDetail({ item, previousId, nextId, onNavigate, onClose, onDelete }: ItemDetailProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [downloadProblem, setDownloadProblem] = useState<string>();
  const [sharing, setSharing] = useState(false);
  const favourite = item.favourite;

  useEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
  }, []);

  const src = useMediaUrl(item);
  const prompt = promptOf(item);
  const nameModel = useModelNamer();

  async function download() {
    setDownloadProblem(undefined);
    try {
      await downloadItem(item);
    } catch (error) {
      setDownloadProblem(`The file could not be downloaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const button = buttonClass('secondary');
  return (
    <dialog
      ref={dialog}
      aria-labelledby="detail-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        // Keys typed in a field, held with a browser's modifier, or meant for a dialog opened from this one are not shortcuts here.
        if (isTypingTarget(target) || hasCommandModifier(event) || target.closest('dialog') !== dialog.current) return;
        const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
        if (key === 'ArrowLeft' && previousId) onNavigate(previousId);
        else if (key === 'ArrowRight' && nextId) onNavigate(nextId);
        else if (key === 'f') galleryStore.getState().toggleFavourite(item.id);
        else if (key === 'd' && item.status === 'ready') void download();
        else if (key === 'Delete' || key === 'Backspace') onDelete(item.id);
        else return;
        event.preventDefault();
      }}
      className="m-0 h-full max-h-none w-full max-w-none bg-canvas p-0 text-fg backdrop:bg-black/70 lg:m-auto lg:h-[90vh] lg:w-[min(1200px,95vw)] lg:rounded-xl lg:border lg:border-line"
    >
      <div className="flex h-full flex-col lg:flex-row">
        <div className="relative flex min-h-[40vh] flex-1 items-center justify-center bg-black">
          {item.status !== 'ready' ? (
            <p className="p-6 text-center text-sm text-muted">{isActive(item) ? 'Still being made: the queue shows where it stands.' : item.problem ?? 'This result failed.'}</p>
          ) : item.kind === 'video' ? (
            src && <video src={src} controls muted loop autoPlay playsInline aria-label="Video" className="max-h-full max-w-full" />
          ) : (
            src && <img src={src} alt={prompt} className="max-h-full max-w-full object-contain" />
          )}
          {previousId && (
            <button type="button" aria-label="Previous item" onClick={() => onNavigate(previousId)} className="absolute left-2 top-1/2 min-h-11 min-w-11 -translate-y-1/2 rounded-full bg-canvas/80 text-xl">
              ‹
            </button>
          )}
          {nextId && (
            <button type="button" aria-label="Next item" onClick={() => onNavigate(nextId)} className="absolute right-2 top-1/2 min-h-11 min-w-11 -translate-y-1/2 rounded-full bg-canvas/80 text-xl">
              ›
            </button>
          )}
        </div>
        <aside className="flex w-full flex-col gap-4 overflow-y-auto p-4 lg:w-96">
          <div className="flex items-start justify-between gap-2">
            <h2 id="detail-title" className="text-lg font-semibold">
              {prompt ? prompt.slice(0, 120) : 'Video'}
            </h2>
            <button type="button" onClick={onClose} className={button} aria-label="Close">
              Close
            </button>
          </div>
          {item.problem && item.status === 'ready' && (
            <p role="alert" className="rounded-md border border-danger/60 p-2 text-xs">
              {item.problem}
            </p>
          )}
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
            {parameters(item, nameModel).map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-muted">{name}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
          <MadeFrom item={item} />
          <div className="flex flex-wrap gap-2">
            <button type="button" aria-pressed={favourite} aria-keyshortcuts="F" title="Favourite (F)" className={button} onClick={() => galleryStore.getState().toggleFavourite(item.id)}>
              {favourite ? '★ Favourite' : '☆ Favourite'}
            </button>
            {prompt && <CopyButton text={prompt} label="Copy prompt" className={button} />}
            <CopyButton text={String(item.seed)} label="Copy seed" className={button} />
            {item.status === 'ready' && (
              <button type="button" aria-keyshortcuts="D" title="Download (D)" className={button} onClick={download}>
                Download
              </button>
            )}
            <Link href={remixLink(item)} className={`${button} inline-flex items-center`}>
              Remix
            </Link>
            {isPicture(item) && (
              <>
                <Link href={withSourceItem(APP_PATHS.transform, item.id)} className={`${button} inline-flex items-center`}>
                  Transform
                </Link>
                <Link href={withSourceItem(APP_PATHS.animate, item.id)} className={`${button} inline-flex items-center`}>
                  Animate
                </Link>
              </>
            )}
            {item.status === 'ready' && (
              <button type="button" className={button} onClick={() => setSharing(true)}>
                Share
              </button>
            )}
            <button type="button" aria-keyshortcuts="Delete" title="Delete (Delete)" className={`${button} text-danger`} onClick={() => onDelete(item.id)}>
              Delete
            </button>
          </div>
          {downloadProblem && (
            <p role="alert" className="text-xs text-danger">
              {downloadProblem}
            </p>
          )}
        </aside>
      </div>
      {sharing && <ShareDialog items={[item]} onClose={() => setSharing(false)} />}
    </dialog>
  );
}
