/** Search, filters, order and select mode, above the grid. */
import { useMemo } from 'react';
import { ASPECT_RATIOS, STYLE_PRESETS } from '../../api/contract';
import { useModelNamer } from '../../api/model-names';
import { STYLE_LABELS } from '../../components/style-picker';
import { useGallery } from '../../gallery-store/use-gallery';
import { type GalleryFilters, modelsOf } from './gallery-filters';
import { useGalleryView } from './gallery-view-store';

const KINDS: ReadonlyArray<[GalleryFilters['kind'], string]> = [
  ['all', 'All'],
  ['image', 'Images'],
  ['transform', 'Transforms'],
  ['video', 'Videos'],
];

const control = 'min-h-11 rounded-md border border-line bg-canvas px-3 text-sm';
const chip = 'min-h-11 rounded-full border px-3 text-sm aria-pressed:border-accent aria-pressed:bg-accent/15 aria-pressed:text-fg border-line text-muted hover:text-fg';

export function GalleryToolbar() {
  const { filters, setFilters, selecting, setSelecting } = useGalleryView();
  const items = useGallery((s) => s.items);
  const models = useMemo(() => modelsOf(items), [items]);
  const nameModel = useModelNamer();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor="gallery-search" className="sr-only">
        Search prompts
      </label>
      <input
        id="gallery-search"
        type="search"
        aria-keyshortcuts="/"
        placeholder="Search prompts"
        value={filters.search}
        onChange={(event) => setFilters({ search: event.target.value })}
        className={`${control} w-full sm:w-56`}
      />
      <div role="group" aria-label="Kind" className="flex flex-wrap gap-1.5">
        {KINDS.map(([kind, label]) => (
          <button key={kind} type="button" aria-pressed={filters.kind === kind} className={chip} onClick={() => setFilters({ kind })}>
            {label}
          </button>
        ))}
        <button type="button" aria-pressed={filters.favouritesOnly} className={chip} onClick={() => setFilters({ favouritesOnly: !filters.favouritesOnly })}>
          ★ Favourites
        </button>
      </div>
      <label className="sr-only" htmlFor="gallery-style">
        Style
      </label>
      <select id="gallery-style" value={filters.style} onChange={(event) => setFilters({ style: event.target.value })} className={control}>
        <option value="">Any style</option>
        {STYLE_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {STYLE_LABELS[preset]}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="gallery-ratio">
        Aspect ratio
      </label>
      <select id="gallery-ratio" value={filters.aspectRatio} onChange={(event) => setFilters({ aspectRatio: event.target.value })} className={control}>
        <option value="">Any ratio</option>
        {ASPECT_RATIOS.map((ratio) => (
          <option key={ratio} value={ratio}>
            {ratio}
          </option>
        ))}
      </select>
      {models.length > 0 && (
        <>
          <label className="sr-only" htmlFor="gallery-model">
            Model
          </label>
          <select id="gallery-model" value={filters.model} onChange={(event) => setFilters({ model: event.target.value })} className={`${control} max-w-56`}>
            <option value="">Any model</option>
            {models.map((model) => (
              <option key={model} value={model}>
                {nameModel(model)}
              </option>
            ))}
          </select>
        </>
      )}
      <label className="sr-only" htmlFor="gallery-order">
        Order
      </label>
      <select id="gallery-order" value={filters.order} onChange={(event) => setFilters({ order: event.target.value as GalleryFilters['order'] })} className={control}>
        <option value="newest">Newest first</option>
        <option value="oldest">Oldest first</option>
      </select>
      <button type="button" aria-pressed={selecting} className={`${chip} ml-auto`} onClick={() => setSelecting(!selecting)}>
        {selecting ? 'Done selecting' : 'Select'}
      </button>
    </div>
  );
}
