/**
 * The engine's backends in order, and the one place a request's `model` is resolved: a model
 * goes only to the backend that lists it, for an operation it offers. Model lists are cached
 * briefly, since asking AUTOMATIC1111 or ComfyUI for them takes a request each.
 */
import type { EngineInfoBody, EngineModel, Operation } from '../../src/api/contract';
import { ApiError } from '../http/api-error';
import type { Backend, ModelOffer } from './backend';

export interface ModelChoice {
  backend: Backend;
  /** The backend's own name for the model. */
  model: string;
  /** `backend:model`, as /engine.json lists it. */
  id: string;
}

export interface BackendRegistry {
  /** The backend and model for a request; throws a 400 naming a model no backend offers. */
  pick(modelId: string | undefined, operation: Operation): Promise<ModelChoice>;
  byId(id: string): Backend | undefined;
  describe(): Promise<Pick<EngineInfoBody, 'engine' | 'backends' | 'models'>>;
}

const FRESH_MS = 60_000;
const RETRY_FAILED_MS = 5_000;
const WORDS: Record<Operation, string> = {
  'text-to-image': 'text to image',
  'image-to-image': 'image to image',
  'image-to-video': 'image to video',
};

export function createRegistry(backends: readonly Backend[]): BackendRegistry {
  const cache = new Map<string, { at: number; ttl: number; models: Promise<ModelOffer[]> }>();

  function models(backend: Backend, fresh = false): Promise<ModelOffer[]> {
    const hit = cache.get(backend.id);
    if (hit && !fresh && Date.now() - hit.at < hit.ttl) return hit.models;
    const entry = { at: Date.now(), ttl: FRESH_MS, models: backend.listModels() };
    entry.models.catch(() => {
      entry.ttl = RETRY_FAILED_MS;
    });
    cache.set(backend.id, entry);
    return entry.models;
  }

  const byId = (id: string) => backends.find((b) => b.id === id);
  const idOf = (backend: Backend, offer: ModelOffer) => `${backend.id}:${offer.name}`;

  async function named(modelId: string, operation: Operation): Promise<ModelChoice> {
    const colon = modelId.indexOf(':');
    const backend = byId(modelId.slice(0, colon));
    const name = modelId.slice(colon + 1);
    const shown = modelId.slice(0, 120);
    if (!backend) throw new ApiError(400, `model "${shown}" is not offered by this engine: it has no backend "${modelId.slice(0, colon)}". /engine.json lists the models.`);
    let offer = (await models(backend)).find((m) => m.name === name);
    // A checkpoint added since the list was read is found by reading it again.
    offer ??= (await models(backend, true)).find((m) => m.name === name);
    if (!offer) throw new ApiError(400, `model "${shown}" is not offered by this engine: ${backend.label} has no such model. /engine.json lists the models.`);
    if (!offer.operations.includes(operation)) {
      throw new ApiError(400, `model "${shown}" (${offer.label}) cannot do ${WORDS[operation]}; /engine.json lists what each model can do.`);
    }
    return { backend, model: name, id: modelId };
  }

  return {
    byId,
    async pick(modelId, operation) {
      if (modelId) return named(modelId, operation);
      for (const backend of backends) {
        const offer = (await models(backend)).find((m) => m.operations.includes(operation));
        if (offer) return { backend, model: offer.name, id: idOf(backend, offer) };
      }
      throw new ApiError(400, `No model of this engine can do ${WORDS[operation]}`);
    },
    async describe() {
      const listed = await Promise.all(
        backends.map(async (backend) => {
          try {
            return { backend, offers: await models(backend) };
          } catch (error) {
            const problem = error instanceof ApiError ? error.message : `${backend.label} could not list its models`;
            return { backend, offers: [] as ModelOffer[], problem };
          }
        }),
      );
      const first = backends[0]?.id;
      return {
        engine: first === 'local' ? 'local-preview' : first === 'aiart' ? 'proxy' : 'gateway',
        backends: listed.map(({ backend, problem }) => ({ id: backend.id, label: backend.label, ready: !problem, ...(problem ? { problem } : {}) })),
        models: listed.flatMap(({ backend, offers }) =>
          offers.map(({ name, ...capabilities }): EngineModel => ({ id: `${backend.id}:${name}`, backend: backend.id, ...capabilities })),
        ),
      };
    },
  };
}
