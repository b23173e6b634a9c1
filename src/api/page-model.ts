/**
 * The model of each page, as its picker works it out from this server's /engine.json and
 * publishes it (the picker loads after the page, so the page carries none of that work): what
 * the page's requests send, which of its controls show, and how a request fits the model. A
 * recipe's model waits here for the picker to check it. The page on screen names its model for
 * the backend badge.
 */
import { create } from 'zustand';
import { ASPECT_RATIOS, type AspectRatio, type EngineModel, type Operation } from './contract';

export interface ModelControls {
  /** The ratios the model draws, in the studio's usual order. */
  aspectRatios: readonly AspectRatio[];
  stylePresets: boolean;
  negativePrompt: boolean;
  seed: boolean;
  strength: boolean;
  /** The most runs one press of Generate queues (the form offers 1 to 4). */
  maxBatch: number;
}

/** Why a control is hidden, in words, for each control the model cannot honour. */
export interface ControlNotes {
  style?: string;
  negativePrompt?: string;
  seed?: string;
  strength?: string;
}

export interface PictureRequest {
  aspect_ratio: AspectRatio;
  style_preset?: string;
  negative_prompt: string;
}

export interface PageModel {
  /** The engine's models offering the page's operation, best first; empty when it lists none. */
  offered: readonly EngineModel[];
  /** Where the page's runs go: the chosen model, else the engine's default for the operation. */
  model?: EngineModel;
  /** The id a request carries as `model`: only a chosen model that the engine lists. */
  send?: string;
  /** A chosen model the engine does not list now: the page says so and uses the default. */
  missing?: string;
  /** False when the engine lists models but none of them does the page's operation. */
  available: boolean;
  controls: ModelControls;
  notes: ControlNotes;
  /** The ratio the model draws nearest in shape to `ratio`. */
  fitRatio(ratio: AspectRatio): AspectRatio;
  /** A picture request as the model takes it: its ratio, no control it ignores, and `model` when one was chosen. */
  fitRequest<R extends PictureRequest>(request: R): R & { model?: string };
}

/** What a page offers when the engine lists no models (an older engine, or a backend elsewhere). */
export const EVERY_CONTROL: ModelControls = { aspectRatios: ASPECT_RATIOS, stylePresets: true, negativePrompt: true, seed: true, strength: true, maxBatch: 4 };

/** The page model before the picker has read the engine's list, or when it lists none: nothing is sent, nothing hidden. */
export const NO_MODEL_LIST: PageModel = { offered: [], available: true, controls: EVERY_CONTROL, notes: {}, fitRatio: (ratio) => ratio, fitRequest: (request) => request };

interface PageModels {
  byOperation: Partial<Record<Operation, PageModel>>;
  /** The model of the page on screen, when it has one. */
  shown?: EngineModel;
  /** A recipe's model not yet checked against the engine's list. */
  recipeWaiting: Partial<Record<Operation, string>>;
  /** What the picker said about a recipe's model, until the creator picks one. */
  recipeNotices: Partial<Record<Operation, string>>;
}

export const usePageModels = create<PageModels>(() => ({ byOperation: {}, recipeWaiting: {}, recipeNotices: {} }));

export const usePageModel = (operation: Operation): PageModel => usePageModels((s) => s.byOperation[operation] ?? NO_MODEL_LIST);

export function publishPageModel(operation: Operation, page: PageModel | undefined): void {
  usePageModels.setState((s) => ({ byOperation: { ...s.byOperation, [operation]: page }, shown: page?.model }));
}

/** Hands a recipe's model (when it names one) to the page's picker. */
export function expectRecipeModel(operation: Operation, model: string | undefined): void {
  if (!model) return;
  usePageModels.setState((s) => ({ recipeWaiting: { ...s.recipeWaiting, [operation]: model }, recipeNotices: { ...s.recipeNotices, [operation]: undefined } }));
}

export function settleRecipeModel(operation: Operation, notice: string | undefined): void {
  usePageModels.setState((s) => ({ recipeWaiting: { ...s.recipeWaiting, [operation]: undefined }, recipeNotices: { ...s.recipeNotices, [operation]: notice } }));
}
