/** One item of a shared gallery: its media while the backend still has it, its settings, Save and Remix. */
import { useState } from 'react';
import { Link } from 'wouter';
import { useModelNamer } from '../../api/model-names';
import { requestParameters, requestWithModel } from '../../gallery-store/request-parameters';
import { saveSharedItem } from '../../gallery-store/shared-items';
import { recipeLink } from '../../lib/recipe-params';
import type { SharedItem } from '../../lib/share-link';
import { buttonClass } from '../../components/button';

export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' | 'already' } | { status: 'failed'; message: string };

export async function saveWithState(item: SharedItem, set: (state: SaveState) => void): Promise<void> {
  set({ status: 'saving' });
  try {
    set({ status: await saveSharedItem(item) });
  } catch (error) {
    set({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

const SAVE_LABEL = { idle: 'Save to my gallery', saving: 'Saving…', saved: 'Saved to your gallery', already: 'Already in your gallery', failed: 'Try saving again' } as const;

export function SharedItemCard({ item, save, onSave }: { item: SharedItem; save: SaveState; onSave(): void }) {
  const [missing, setMissing] = useState(false);
  const rows = requestParameters(item, useModelNamer());
  const title = rows.find(([name]) => name === 'Prompt')?.[1] ?? 'Video';
  const button = buttonClass('secondary');
  return (
    <article aria-label={`Shared ${item.kind === 'video' ? 'video' : 'image'}: ${title.slice(0, 80)}`} className="flex flex-col overflow-hidden rounded-xl border border-line bg-panel">
      <div className="relative aspect-square bg-raised">
        {missing ? (
          <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-muted">
            The media is no longer available from the backend that made it. Its settings below still work.
          </p>
        ) : item.kind === 'video' ? (
          <video src={item.url} muted loop playsInline controls aria-label="Shared video" onError={() => setMissing(true)} className="absolute inset-0 h-full w-full object-contain" />
        ) : (
          <img src={item.url} alt={title} onError={() => setMissing(true)} className="absolute inset-0 h-full w-full object-contain" />
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 p-3 text-sm">
        {rows.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-muted">{name}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-auto flex flex-wrap gap-2 p-3 pt-0">
        <button type="button" className={button} disabled={missing || save.status === 'saving' || save.status === 'saved' || save.status === 'already'} onClick={onSave}>
          {SAVE_LABEL[save.status]}
        </button>
        <Link href={recipeLink(item.kind, requestWithModel(item))} className={button}>
          Remix
        </Link>
      </div>
      {save.status === 'failed' && (
        <p role="alert" className="px-3 pb-3 text-sm text-danger">
          Not saved: {save.message}
        </p>
      )}
    </article>
  );
}
