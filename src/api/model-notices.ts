/**
 * What a page says about a model the engine does not list: a remembered one falls back to the
 * default, a recipe's to the closest one (same backend, else the default). Loaded with the
 * picker, never with the page.
 */
import { type Backends, modelName } from './model-choice';
import type { PageModel } from './page-model';

const backendOf = (modelId: string) => modelId.slice(0, modelId.indexOf(':'));

/** A model id the engine does not list, shown as text and shortened. */
const quoted = (modelId: string) => `“${modelId.length > 80 ? `${modelId.slice(0, 80)}…` : modelId}”`;

/** What the page says when a model chosen here before is no longer listed. */
export function missingModelNotice(page: PageModel, backends: Backends = []): string | undefined {
  if (!page.missing) return undefined;
  const problem = backends.find((b) => b.id === backendOf(page.missing!))?.problem;
  const why = problem ? ` (${problem.slice(0, 200)})` : '';
  const instead = page.model ? `${modelName(page.model, backends)}, its default, is used instead` : 'its default is used instead';
  return `The model chosen here before, ${quoted(page.missing)}, is not offered by this engine now${why}: ${instead}.`;
}

/** A recipe's model on this engine: itself when listed, else the closest (same backend, else the default), and what to say. */
export function recipeModelChoice(page: PageModel, wanted: string, backends: Backends = []): { model?: string; notice?: string } {
  if (page.offered.some((model) => model.id === wanted)) return { model: wanted };
  const closest = page.offered.find((model) => model.backend === backendOf(wanted)) ?? page.offered[0];
  if (!closest) return { notice: `This recipe was made with ${quoted(wanted)}; the backend in use offers no choice of model, so its own is used.` };
  return {
    model: closest.id,
    notice: `This recipe was made with ${quoted(wanted)}, which this engine does not offer: ${modelName(closest, backends)}, the closest it has, is chosen instead.`,
  };
}
