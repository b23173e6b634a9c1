/**
 * The model a page's runs go to, as the page reads it: which of its controls the model honours,
 * and requests fitted to them. Until the picker has read the engine's list (or when the engine
 * lists none), no model is sent and every control shows.
 */
import { ASPECT_RATIOS, type AspectRatio, type EngineModel } from './contract';

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

/** What a page offers when the engine lists no models (an older engine, or a backend elsewhere). */
export const EVERY_CONTROL: ModelControls = { aspectRatios: ASPECT_RATIOS, stylePresets: true, negativePrompt: true, seed: true, strength: true, maxBatch: 4 };

/** Why a control is hidden, in words, for each control the model cannot honour. */
export interface ControlNotes {
  style?: string;
  negativePrompt?: string;
  seed?: string;
  strength?: string;
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
}

/** The page model before the picker has read the engine's list, or when it lists none. */
export const NO_MODEL_LIST: PageModel = { offered: [], available: true, controls: EVERY_CONTROL, notes: {} };

/** The ratio the model draws nearest in shape to `ratio` (itself when the model draws it). */
export function fitRatio(ratio: AspectRatio, controls: ModelControls): AspectRatio {
  if (controls.aspectRatios.includes(ratio)) return ratio;
  const shape = (r: AspectRatio) => {
    const [w, h] = r.split(':').map(Number);
    return Math.log(w / h);
  };
  return [...controls.aspectRatios].sort((a, b) => Math.abs(shape(a) - shape(ratio)) - Math.abs(shape(b) - shape(ratio)))[0];
}

interface PictureRequest {
  aspect_ratio: AspectRatio;
  style_preset?: string;
  negative_prompt: string;
}

/** A picture request as the page's model takes it: its ratio, no control it ignores, and the model when one was chosen. */
export function fitPictureRequest<R extends PictureRequest>(request: R, page: PageModel): R & { model?: string } {
  const { controls } = page;
  return {
    ...request,
    aspect_ratio: fitRatio(request.aspect_ratio, controls),
    style_preset: controls.stylePresets ? request.style_preset : undefined,
    negative_prompt: controls.negativePrompt ? request.negative_prompt : '',
    ...(page.send ? { model: page.send } : {}),
  };
}
