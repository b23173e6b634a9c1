/**
 * A recipe's model waits here until its page's picker can check it against the engine's list
 * (which may still be loading when the recipe is applied); what the picker then says stays
 * until the creator picks a model. Per operation, for this session only.
 */
import { create } from 'zustand';
import type { Operation } from '../../api/contract';

interface RecipeModels {
  /** A recipe's model not yet checked against the engine's list. */
  waiting: Partial<Record<Operation, string>>;
  /** What the picker said about it. */
  notices: Partial<Record<Operation, string>>;
}

export const useRecipeModels = create<RecipeModels>(() => ({ waiting: {}, notices: {} }));

/** Hands a recipe's model (when it names one) to the page's picker. */
export function expectRecipeModel(operation: Operation, model: string | undefined): void {
  if (!model) return;
  useRecipeModels.setState((s) => ({ waiting: { ...s.waiting, [operation]: model }, notices: { ...s.notices, [operation]: undefined } }));
}

export function settleRecipeModel(operation: Operation, notice: string | undefined): void {
  useRecipeModels.setState((s) => ({ waiting: { ...s.waiting, [operation]: undefined }, notices: { ...s.notices, [operation]: notice } }));
}
