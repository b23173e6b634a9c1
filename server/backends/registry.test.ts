/** How a request's model finds its backend, with backends that only list models and count the asking. */
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/api/contract';
import { ApiError } from '../http/api-error';
import type { Backend, ModelOffer } from './backend';
import { createRegistry } from './registry';

function offer(name: string, operations: Operation[]): ModelOffer {
  return { name, label: name.toUpperCase(), operations, aspectRatios: ['1:1'], stylePresets: true, negativePrompt: true, seed: true, strength: true, maxBatch: 4 };
}

/** A backend that lists the given models (or fails to) and counts how often it was asked. */
function listing(id: string, models: ModelOffer[] | ApiError) {
  const backend = {
    id,
    label: `${id} label`,
    asked: 0,
    async listModels() {
      backend.asked++;
      if (models instanceof ApiError) throw models;
      return models;
    },
    generate: () => Promise.reject(new Error('not drawn in these tests')),
    transform: () => Promise.reject(new Error('not drawn in these tests')),
  } satisfies Backend & { asked: number };
  return backend;
}

describe('backend registry', () => {
  const gpu = listing('gpu', [offer('base.safetensors', ['text-to-image', 'image-to-image'])]);
  const local = listing('local', [offer('preview', ['text-to-image', 'image-to-image', 'image-to-video'])]);
  const registry = createRegistry([gpu, local]);

  it('gives a request without a model the first model offering its operation', async () => {
    expect(await registry.pick(undefined, 'text-to-image')).toMatchObject({ backend: gpu, model: 'base.safetensors', id: 'gpu:base.safetensors' });
    expect(await registry.pick(undefined, 'image-to-video')).toMatchObject({ backend: local, model: 'preview', id: 'local:preview' });
  });

  it('finds a named model at its own backend, model names with colons included', async () => {
    const colons = listing('comfy', [offer('sdxl:v1.0', ['text-to-image'])]);
    expect(await createRegistry([colons]).pick('comfy:sdxl:v1.0', 'text-to-image')).toMatchObject({ backend: colons, model: 'sdxl:v1.0' });
  });

  it.each([
    ['nope:x', 'text-to-image', 'model "nope:x" is not offered by this engine: it has no backend "nope". /engine.json lists the models.'],
    ['gpu:other.ckpt', 'text-to-image', 'model "gpu:other.ckpt" is not offered by this engine: gpu label has no such model. /engine.json lists the models.'],
    ['gpu:base.safetensors', 'image-to-video', 'model "gpu:base.safetensors" (BASE.SAFETENSORS) cannot do image to video; /engine.json lists what each model can do.'],
  ] as const)('refuses %s for %s with a 400 naming it', async (model, operation, message) => {
    await expect(registry.pick(model, operation)).rejects.toMatchObject({ status: 400, message });
  });

  it('keeps a model list for a while, and reads it again for a model it does not know yet', async () => {
    const asked = gpu.asked;
    await registry.pick('gpu:base.safetensors', 'text-to-image');
    await registry.pick('gpu:base.safetensors', 'image-to-image');
    expect(gpu.asked).toBe(asked);
    await registry.pick('gpu:new.safetensors', 'text-to-image').catch(() => undefined);
    expect(gpu.asked).toBe(asked + 1);
  });

  it('describes each backend, a failing one with its problem and no models', async () => {
    const down = listing('down', new ApiError(502, 'down at http://x did not answer (connection refused).'));
    const description = await createRegistry([down, local]).describe();
    expect(description.engine).toBe('gateway');
    expect(description.backends).toEqual([
      { id: 'down', label: 'down label', ready: false, problem: 'down at http://x did not answer (connection refused).' },
      { id: 'local', label: 'local label', ready: true },
    ]);
    expect(description.models!.map((m) => m.id)).toEqual(['local:preview']);
  });

  it('passes on the failure of the first backend rather than drawing elsewhere unasked', async () => {
    const down = listing('down', new ApiError(502, 'down did not answer'));
    await expect(createRegistry([down, local]).pick(undefined, 'text-to-image')).rejects.toMatchObject({ status: 502 });
  });

  it('names the engine by what answers a request without a model', async () => {
    expect((await createRegistry([local]).describe()).engine).toBe('local-preview');
    expect((await createRegistry([listing('aiart', []), local]).describe()).engine).toBe('proxy');
  });
});
