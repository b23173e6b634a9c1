/** Builds each configured backend from its settings; the local preview always comes last. */
import { createAiArtBackend } from './aiart';
import { createAutomatic1111Backend } from './automatic1111';
import type { Backend } from './backend';
import { createComfyUiBackend } from './comfyui';
import { createLocalPreview } from './local-preview';
import { createOpenAiImagesBackend } from './openai-images';
import { createRegistry } from './registry';
import type { BackendSettings } from './settings';
import { createStabilityBackend } from './stability';
import type { RenderPool } from '../video/render-pool';

function createBackend(settings: BackendSettings): Backend {
  switch (settings.kind) {
    case 'aiart':
      return createAiArtBackend(settings);
    case 'stability':
      return createStabilityBackend(settings);
    case 'automatic1111':
      return createAutomatic1111Backend(settings);
    case 'comfyui':
      return createComfyUiBackend(settings);
    case 'openai':
      return createOpenAiImagesBackend(settings);
  }
}

/** A backend whose models all report the batch size its settings give, when they give one. */
function withMaxBatch(backend: Backend, maxBatch: number | undefined): Backend {
  if (!maxBatch) return backend;
  return { ...backend, listModels: async () => (await backend.listModels()).map((model) => ({ ...model, maxBatch })) };
}

export const createBackends = (settings: readonly BackendSettings[], renderPool: RenderPool) =>
  createRegistry([...settings.map((s) => withMaxBatch(createBackend(s), s.maxBatch)), createLocalPreview(renderPool)]);
