/**
 * The Model picker of Create, Transform and Animate: shown when more than one of the engine's
 * models does the page's operation, grouped by backend. It also says when a remembered or a
 * recipe's model is not offered (and what is used instead), and when no model does the
 * operation at all. It publishes the page's model for the form, the page and the backend badge.
 */
import { useEffect, useMemo } from 'react';
import { useBackendStore } from '../../api/backend';
import type { Operation } from '../../api/contract';
import { useEngineInfo } from '../../api/engine-info';
import { pageModel } from '../../api/model-choice';
import { missingModelNotice, recipeModelChoice } from '../../api/model-notices';
import { publishPageModel, settleRecipeModel, usePageModels } from '../../api/page-model';
import type { ModelPickerProps } from './model-picker';

const WORDS: Record<Operation, string> = { 'text-to-image': 'make pictures from a prompt', 'image-to-image': 'transform pictures', 'image-to-video': 'make videos' };

export default function ModelPickerPanel({ operation, value, onChange }: ModelPickerProps) {
  const { data: info, isPending } = useEngineInfo();
  // A backend elsewhere lists no models: nothing is chosen or sent there.
  const listed = useBackendStore((s) => s.choice === 'here') ? info : undefined;
  const page = useMemo(() => pageModel(listed, operation, value), [listed, operation, value]);
  const backends = info?.backends;
  const waiting = usePageModels((s) => s.recipeWaiting[operation]);
  const recipeNotice = usePageModels((s) => s.recipeNotices[operation]);

  useEffect(() => {
    if (waiting === undefined || isPending) return;
    const choice = recipeModelChoice(page, waiting, backends);
    settleRecipeModel(operation, choice.notice);
    if (choice.model) onChange(choice.model);
  }, [waiting, isPending, page, backends, operation, onChange]);

  useEffect(() => {
    publishPageModel(operation, page);
    return () => publishPageModel(operation, undefined);
  }, [operation, page]);

  const notice = recipeNotice ?? (waiting === undefined ? missingModelNotice(page, backends) : undefined);
  const groups = [...new Set(page.offered.map((model) => model.backend))];
  const id = `${operation}-model`;
  if (page.offered.length < 2 && page.available && !notice) return null;
  return (
    <div className="flex flex-col gap-1.5">
      {page.offered.length > 1 && (
        <>
          <label htmlFor={id} className="text-sm font-medium">
            Model
          </label>
          <select
            id={id}
            value={page.model?.id}
            onChange={(event) => {
              settleRecipeModel(operation, undefined);
              onChange(event.target.value);
            }}
            className="min-h-11 w-full rounded-md border border-line bg-canvas px-3 text-sm"
          >
            {groups.map((backend) => (
              <optgroup key={backend} label={backends?.find((b) => b.id === backend)?.label ?? backend}>
                {page.offered
                  .filter((model) => model.backend === backend)
                  .map((model) => (
                    <option key={model.id} value={model.id}>
                      {model.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </>
      )}
      {!page.available && (
        <p role="note" className="rounded-md border border-danger/60 p-2 text-sm">
          None of this server&rsquo;s models can {WORDS[operation]}
          {backends?.length ? ` (it offers ${backends.map((b) => b.label).join(', ')})` : ''}, so this page cannot run here. Settings names the backend in
          use.
        </p>
      )}
      {notice && (
        <p role="status" className="rounded-md border border-line bg-raised p-2 text-xs">
          {notice}
        </p>
      )}
    </div>
  );
}
