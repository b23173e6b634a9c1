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

export const createBackends = (settings: readonly BackendSettings[]) =>
  createRegistry([...settings.map(createBackend), createLocalPreview()]);
