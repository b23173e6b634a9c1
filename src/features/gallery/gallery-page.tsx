/** Gallery: every saved result, searchable (/ jumps to the search) and filterable, with a detail view at /gallery/:id. */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Link, useLocation, useRoute } from 'wouter';
import { StorageMeter } from '../../components/storage-meter';
import { Toast } from '../../components/toast';
import { useStorageHealth } from '../../gallery-store/storage-health';
import { galleryStore, useGallery } from '../../gallery-store/use-gallery';
import { APP_PATHS } from '../../lib/app-paths';
import { useKeyShortcut } from '../../lib/use-key-shortcut';
import { filterItems, isFiltered } from './gallery-filters';
import { GalleryGrid } from './gallery-grid';
import { type ArchiveProgress, ArchiveActions } from './archive-actions';
import { GalleryToolbar } from './gallery-toolbar';
import { useGalleryView } from './gallery-view-store';
import { ItemDetail } from './item-detail';
import { SelectionBar } from './selection-bar';
import { buttonClass } from '../../components/button';
import { PictureSettingsRecall } from '../../widgets/settings-recall/picture-settings-recall';
import { recallLink } from '../../widgets/settings-recall/recall-link';

const PICTURE_IMPORT_ASIDE = 'Import adds gallery exports (.zip); of a picture or video, only its settings are read, and nothing is added.';

export default function GalleryPage() {
  const status = useGallery((s) => s.status);
  const items = useGallery((s) => s.items);
  const loadError = useGallery((s) => s.loadError);
  const wipedCount = useGallery((s) => s.wipedCount);
  const storageProblem = useGallery((s) => s.storageProblem);
  const filters = useGalleryView((s) => s.filters);
  const selecting = useGalleryView((s) => s.selecting);
  const selectOnly = useGalleryView((s) => s.selectOnly);
  const deferredFilters = useDeferredValue(filters);
  const shown = useMemo(() => filterItems(items, deferredFilters), [items, deferredFilters]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const health = useStorageHealth(items.length);
  const [notice, setNotice] = useState<string>();
  const [archiveProgress, setArchiveProgress] = useState<ArchiveProgress>();
  const [recallFile, setRecallFile] = useState<File>();
  const [, match] = useRoute<{ id: string }>('/gallery/:id');
  const [, navigate] = useLocation();

  const openId = match ? decodeURIComponent(match.id) : undefined;
  const openIndex = openId ? shown.findIndex((item) => item.id === openId) : -1;
  const openItem = openId ? byId.get(openId) : undefined;

  const closeNotice = useCallback(() => setNotice(undefined), []);
  useKeyShortcut('/', (event) => {
    // Behind an open dialog the search cannot take the focus.
    if (document.querySelector('dialog[open]')) return;
    event.preventDefault();
    document.getElementById('gallery-search')?.focus();
  });

  async function remove(ids: string[]) {
    await galleryStore.getState().remove(ids);
    selectOnly([]);
    setNotice(`Deleted ${ids.length} item${ids.length === 1 ? '' : 's'}.`);
  }

  return (
    <div className="flex h-full flex-col">
      <header className="flex flex-col gap-3 border-b border-line p-4">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 className="text-2xl font-semibold">Gallery</h1>
          <p className="text-sm text-muted">
            {status === 'ready' ? `${shown.length.toLocaleString('en')} of ${items.length.toLocaleString('en')} items` : 'Loading…'}
          </p>
          <div className="ml-auto flex flex-wrap items-center gap-3">
            <StorageMeter {...health} />
            <ArchiveActions shown={shown} onProgress={setArchiveProgress} onPicture={setRecallFile} />
          </div>
        </div>
        {wipedCount !== undefined && (
          <p role="alert" className="rounded-md border border-danger/60 p-3 text-sm">
            This browser has cleared the studio's storage: the {wipedCount.toLocaleString('en')} items saved here before are gone. Allow persistent storage (or export your gallery) to keep them.
          </p>
        )}
        {storageProblem && (
          <p role="alert" className="rounded-md border border-danger/60 p-3 text-sm">
            {storageProblem.message}
          </p>
        )}
        {archiveProgress && (
          <p role={archiveProgress.tone} className={`text-sm ${archiveProgress.tone === 'alert' ? 'text-danger' : ''}`}>
            {archiveProgress.text}
          </p>
        )}
        {recallFile && <PictureSettingsRecall file={recallFile} valuesFor={recallLink} onUse={(link) => navigate(link.href)} onDismiss={() => setRecallFile(undefined)} sayWhenNone aside={PICTURE_IMPORT_ASIDE} />}
        <GalleryToolbar />
        {selecting && <SelectionBar shown={shown} onDelete={(ids) => void remove(ids)} onProgress={setArchiveProgress} />}
      </header>

      {status === 'failed' ? (
        <p role="alert" className="p-6 text-danger">
          The gallery could not be opened: {loadError}
        </p>
      ) : status !== 'ready' && items.length === 0 ? (
        <p role="status" className="p-6 text-muted">
          Loading your gallery…
        </p>
      ) : shown.length === 0 ? (
        <div className="mx-auto mt-10 max-w-md p-4 text-center">
          <h2 className="text-lg font-semibold">{isFiltered(filters) ? 'Nothing matches these filters' : 'Nothing here yet. Create your first image'}</h2>
          {!isFiltered(filters) && (
            <Link href={APP_PATHS.create} className={buttonClass('primary', 'mt-4')}>
              Go to Create
            </Link>
          )}
        </div>
      ) : (
        <GalleryGrid shown={shown} />
      )}

      {openId && status === 'ready' && !openItem && (
        <p role="alert" className="m-4 rounded-md border border-danger/60 p-3 text-sm">
          No saved item has this address; it may have been deleted. <Link href={APP_PATHS.gallery} className="underline">Back to the gallery</Link>
        </p>
      )}
      {openItem && (
        <ItemDetail
          key="detail"
          item={openItem}
          previousId={openIndex > 0 ? shown[openIndex - 1].id : undefined}
          nextId={openIndex >= 0 && openIndex < shown.length - 1 ? shown[openIndex + 1].id : undefined}
          onNavigate={(id) => navigate(`/gallery/${encodeURIComponent(id)}`, { replace: true })}
          onClose={() => navigate(APP_PATHS.gallery)}
          onDelete={(id) => {
            void remove([id]);
            navigate(APP_PATHS.gallery);
          }}
        />
      )}
      {notice && <Toast message={notice} onClose={closeNotice} action={{ label: 'Undo', run: () => void galleryStore.getState().undoRemove().then(closeNotice) }} />}
    </div>
  );
}
