/**
 * Which model a page's runs go to, and which of the page's controls that model honours, from
 * the models /engine.json lists. A model is sent only when the engine lists it for the page's
 * operation; one it does not list leaves the page on the engine's default. Pure, so the rules
 * are tested alone; loaded with the picker, never with the page.
 */
import { ASPECT_RATIOS, type AspectRatio, type EngineInfoBody, type EngineModel, type Operation } from './contract';
import { type ControlNotes, EVERY_CONTROL, type ModelControls, NO_MODEL_LIST, type PageModel, type PictureRequest } from './page-model';

export type Backends = EngineInfoBody['backends'];

/** A model named for people: its label, with its backend's name when the label lacks it. */
export function modelName(model: EngineModel, backends: Backends = []): string {
  const backend = backends.find((b) => b.id === model.backend)?.label ?? model.backend;
  return model.label.toLowerCase().startsWith(backend.toLowerCase()) ? model.label : `${model.label} (${backend})`;
}

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
  if (!models?.length) return NO_MODEL_LIST;
  const offered = models.filter((model) => model.operations.includes(operation));
  const picked = chosen ? offered.find((model) => model.id === chosen) : undefined;
  const model = picked ?? offered[0];
  const controls = model ? controlsOf(model) : EVERY_CONTROL;
  const send = picked?.id;
  return {
    offered,
    model,
    send,
    missing: chosen && !picked ? chosen : undefined,
    available: offered.length > 0,
    controls,
    notes: notesOf(model, info?.backends),
    fitRatio: (ratio) => fitRatio(ratio, controls),
    fitRequest: (request) => fitPictureRequest(request, controls, send),
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

/** A picture request as the page's model takes it: its ratio, no control it ignores, and the model when one was chosen. */
export function fitPictureRequest<R extends PictureRequest>(request: R, controls: ModelControls, send: string | undefined): R & { model?: string } {
  return {
    ...request,
    aspect_ratio: fitRatio(request.aspect_ratio, controls),
    style_preset: controls.stylePresets ? request.style_preset : undefined,
    negative_prompt: controls.negativePrompt ? request.negative_prompt : '',
    ...(send ? { model: send } : {}),
  };
}
