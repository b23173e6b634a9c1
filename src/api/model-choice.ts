/**
 * Which model a page's runs go to, and which of the page's controls that model honours, from
 * the models /engine.json lists. A model is sent only when the engine lists it for the page's
 * operation: a remembered one that disappeared falls back to the default, a recipe's to the
 * closest one, and the page says so either way. Pure, so the rules are tested alone.
 */
import { ASPECT_RATIOS, type AspectRatio, type EngineInfoBody, type EngineModel, type Operation } from './contract';

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

type Backends = EngineInfoBody['backends'];

const backendOf = (modelId: string) => modelId.slice(0, modelId.indexOf(':'));

/** A model named for people: its label, with its backend's name when the label lacks it. */
export function modelName(model: EngineModel, backends: Backends = []): string {
  const backend = backends.find((b) => b.id === model.backend)?.label ?? model.backend;
  return model.label.toLowerCase().startsWith(backend.toLowerCase()) ? model.label : `${model.label} (${backend})`;
}

/** A model id the engine does not list, shown as text and shortened. */
const quoted = (modelId: string) => `“${modelId.length > 80 ? `${modelId.slice(0, 80)}…` : modelId}”`;

function controlsOf(model: EngineModel): ModelControls {
  const ratios = ASPECT_RATIOS.filter((ratio) => model.aspectRatios.includes(ratio));
  return {
    aspectRatios: ratios.length ? ratios : ASPECT_RATIOS,
    stylePresets: model.stylePresets,
    negativePrompt: model.negativePrompt,
    seed: model.seed,
    strength: model.strength,
    maxBatch: Math.min(4, Math.max(1, Math.floor(model.maxBatch) || 1)),
  };
}

function notesOf(model: EngineModel | undefined, backends: Backends): ControlNotes {
  if (!model) return {};
  const name = modelName(model, backends);
  return {
    style: model.stylePresets ? undefined : `${name} takes no style presets, so none is sent: describe the look in the prompt instead.`,
    negativePrompt: model.negativePrompt ? undefined : `${name} takes no negative prompt: say what you want in the prompt instead.`,
    seed: model.seed ? undefined : `${name} takes no seed: the same settings give a different picture each time.`,
    strength: model.strength ? undefined : `${name} sets how far it moves from your picture by itself: it takes no strength.`,
  };
}

/** The page's model for `chosen` ('' = the engine's default); `info` undefined or without models means no list to follow. */
export function pageModel(info: Pick<EngineInfoBody, 'models' | 'backends'> | null | undefined, operation: Operation, chosen: string): PageModel {
  const models = info?.models;
  if (!models?.length) return { offered: [], available: true, controls: EVERY_CONTROL, notes: {} };
  const offered = models.filter((model) => model.operations.includes(operation));
  const picked = chosen ? offered.find((model) => model.id === chosen) : undefined;
  const model = picked ?? offered[0];
  return {
    offered,
    model,
    send: picked?.id,
    missing: chosen && !picked ? chosen : undefined,
    available: offered.length > 0,
    controls: model ? controlsOf(model) : EVERY_CONTROL,
    notes: notesOf(model, info?.backends),
  };
}

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
