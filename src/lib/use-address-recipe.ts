/** Applies a recipe from the page's address once, then tidies the address (recipe and source alike). */
import { useEffect, useRef } from 'react';
import { readRecipe, type RecipeKind } from './recipe-params';

export function useAddressRecipe<K extends RecipeKind>(kind: K, apply: (recipe: NonNullable<ReturnType<typeof readRecipe<K>>>) => void): void {
  const applyRef = useRef(apply);
  useEffect(() => {
    const { search, pathname } = window.location;
    if (!search) return;
    const recipe = readRecipe(kind, search);
    if (recipe) applyRef.current(recipe);
    window.history.replaceState(null, '', pathname);
  }, [kind]);
}
