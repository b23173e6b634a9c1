/**
 * The model of each page, as its picker works it out from this server's /engine.json and
 * publishes it (the picker loads after the page): what the page's requests send and which of
 * its controls show. The page on screen also names its model for the backend badge.
 */
import { create } from 'zustand';
import type { EngineModel, Operation } from './contract';
import { NO_MODEL_LIST, type PageModel } from './model-fit';

interface PageModels {
  byOperation: Partial<Record<Operation, PageModel>>;
  /** The model of the page on screen, when it has one. */
  shown?: EngineModel;
}

export const usePageModels = create<PageModels>(() => ({ byOperation: {} }));

export const usePageModel = (operation: Operation): PageModel => usePageModels((s) => s.byOperation[operation] ?? NO_MODEL_LIST);

export function publishPageModel(operation: Operation, page: PageModel | undefined): void {
  usePageModels.setState((s) => ({ byOperation: { ...s.byOperation, [operation]: page }, shown: page?.model }));
}
