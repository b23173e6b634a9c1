/** A gallery someone shared by link: read-only, with Save (one or all) and Remix. Works with an empty gallery. */
import { useState } from 'react';
import { Link } from 'wouter';
import { APP_PATHS } from '../../lib/app-paths';
import { type SaveState, saveWithState, SharedItemCard } from './shared-item-card';
import { useSharedGallery } from './use-shared-gallery';
import { buttonClass } from '../../components/button';

export default function SharePage() {
  const shared = useSharedGallery();
  const [saves, setSaves] = useState<Record<number, SaveState>>({});
  const setSave = (index: number) => (state: SaveState) => setSaves((current) => ({ ...current, [index]: state }));

  return (
    <section className="mx-auto max-w-6xl p-4 lg:p-8">
      <h1 className="text-2xl font-semibold">Shared gallery</h1>
      {shared.status === 'reading' && (
        <p role="status" className="mt-4 text-muted">
          Opening the link…
        </p>
      )}
      {shared.status === 'failed' && (
        <div className="mt-4 max-w-xl">
          <p role="alert" className="rounded-lg border border-danger/60 bg-panel p-4">
            {shared.message}
          </p>
          <Link href={APP_PATHS.create} className={buttonClass('primary', 'mt-4')}>
            Open the studio
          </Link>
        </div>
      )}
      {shared.status === 'ready' && (
        <>
          <p className="mt-2 text-sm text-muted">
            {shared.gallery.items.length} item{shared.gallery.items.length === 1 ? '' : 's'} shared with you. The pictures come straight from the backend
            that made them, which keeps them only for a while: save the ones you want to keep them in this browser.
            {shared.gallery.skipped > 0 && ` ${shared.gallery.skipped} damaged item${shared.gallery.skipped === 1 ? ' was' : 's were'} left out.`}
          </p>
          <button
            type="button"
            className={buttonClass('primary', 'mt-4')}
            onClick={() => shared.gallery.items.forEach((item, index) => void saveWithState(item, setSave(index)))}
          >
            Save all to my gallery
          </button>
          <ul className="mt-6 grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {shared.gallery.items.map((item, index) => (
              <li key={`${index}-${item.url}`}>
                <SharedItemCard item={item} save={saves[index] ?? { status: 'idle' }} onSave={() => void saveWithState(item, setSave(index))} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
