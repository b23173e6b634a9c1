/**
 * Share as a link: the chosen items' recipes and media addresses travel in the link's fragment,
 * which browsers never send to a server. Says plainly what the recipient will and will not see.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { CopyButton } from '../../components/copy-button';
import type { GalleryItem } from '../../gallery-store/gallery-item';
import { toSharedItem } from '../../gallery-store/shared-items';
import { APP_PATHS } from '../../lib/app-paths';
import { encodeShare, MAX_LINK_FRAGMENT_CHARS, MAX_SHARED_ITEMS, type SharedItem } from '../../lib/share-link';
import { buttonClass } from '../../components/button';

type LinkState = { status: 'making' } | { status: 'ready'; url: string } | { status: 'refused'; reason: string };

async function makeLink(items: SharedItem[]): Promise<LinkState> {
  if (items.length === 0) return { status: 'refused', reason: 'None of these items can be shared yet: only finished results with a media address can.' };
  if (items.length > MAX_SHARED_ITEMS) {
    return { status: 'refused', reason: `A link carries at most ${MAX_SHARED_ITEMS} items; ${items.length} are selected. Share fewer at a time, or use Export to send them all as a .zip file.` };
  }
  const fragment = await encodeShare(items);
  if (fragment.length > MAX_LINK_FRAGMENT_CHARS) {
    return { status: 'refused', reason: `These items need a link longer than ${MAX_LINK_FRAGMENT_CHARS.toLocaleString('en')} characters, which many apps cut short. Share fewer at a time, or use Export to send them as a .zip file.` };
  }
  return { status: 'ready', url: `${window.location.origin}${APP_PATHS.share}#${fragment}` };
}

export function ShareDialog({ items, onClose }: { items: readonly GalleryItem[]; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [link, setLink] = useState<LinkState>({ status: 'making' });
  const shared = useMemo(() => items.map(toSharedItem).filter((item): item is SharedItem => item !== undefined), [items]);
  const leftOut = items.length - shared.length;

  useEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    void makeLink(shared).then((state) => live && setLink(state));
    return () => {
      live = false;
    };
  }, [shared]);

  const button = buttonClass('secondary');
  return (
    <dialog
      ref={dialog}
      aria-labelledby="share-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(36rem,95vw)] rounded-xl border border-line bg-panel p-5 text-fg backdrop:bg-black/70"
    >
      <h2 id="share-title" className="text-lg font-semibold">
        Share {shared.length} item{shared.length === 1 ? '' : 's'} as a link
      </h2>
      {leftOut > 0 && (
        <p className="mt-2 text-sm text-muted">
          {leftOut} selected item{leftOut === 1 ? ' is' : 's are'} left out: still running, failed, or without a media address.
        </p>
      )}
      {link.status === 'making' && (
        <p role="status" className="mt-4 text-sm">
          Making the link…
        </p>
      )}
      {link.status === 'refused' && (
        <p role="alert" className="mt-4 text-sm text-danger">
          {link.reason}
        </p>
      )}
      {link.status === 'ready' && (
        <div className="mt-4 flex flex-col gap-2">
          <label htmlFor="share-link" className="text-sm font-medium">
            Link
          </label>
          <div className="flex gap-2">
            <input id="share-link" readOnly value={link.url} onFocus={(event) => event.currentTarget.select()} className="min-h-11 min-w-0 flex-1 rounded-md border border-line bg-canvas px-3 text-sm" />
            <CopyButton text={link.url} label="Copy link" className={button} />
          </div>
          <p className="text-xs text-muted">{link.url.length.toLocaleString('en')} characters; links carry up to {MAX_SHARED_ITEMS} items.</p>
        </div>
      )}
      <p className="mt-4 text-sm text-muted">
        The link carries each item's prompt, settings, seed and media address, not the files. Whoever opens it sees the pictures and videos only
        while the backend that made them still keeps them (the hosted service deletes its files after a while); the settings stay usable for a
        remix. The part after # is never sent to any server.
      </p>
      <div className="mt-5 flex justify-end">
        <button type="button" className={button} onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
