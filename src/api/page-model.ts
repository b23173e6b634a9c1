/**
 * The model a page's runs go to, as the page and its controls read it: from this server's
 * /engine.json while the studio uses this server; a backend elsewhere lists no models, so
 * nothing is chosen or sent there. The page showing now also names its model for the badge,
 * and saved results name theirs.
 */
import { useCallback, useMemo } from 'react';
import { create } from 'zustand';
import { useBackendStore } from './backend';
import type { EngineModel, Operation } from './contract';
import { useEngineInfo } from './engine-info';
import { modelName, type PageModel, pageModel } from './model-choice';

export function usePageModel(operation: Operation, chosen: string): PageModel {
  const here = useBackendStore((s) => s.choice === 'here');
  const { data: info } = useEngineInfo();
  const listed = here ? info : undefined;
  return useMemo(() => pageModel(listed, operation, chosen), [listed, operation, chosen]);
}

/** The model of the page on screen, when it has one; the backend badge names it. */
export const useShownModel = create<{ model?: EngineModel }>(() => ({}));

/** Names a model id for people: its label and backend while this server lists it, else the id itself. */
export function useModelNamer(): (id: string) => string {
  const { data: info } = useEngineInfo();
  return useCallback(
    (id: string) => {
      const model = info?.models?.find((m) => m.id === id);
      return model ? modelName(model, info?.backends) : id;
    },
    [info],
  );
}
