/** Models as /engine.json lists them, for tests: one honours every control but for `differences`. */
import { ASPECT_RATIOS, type EngineModel } from '../api/contract';

export const engineModel = (id: string, label: string, differences: Partial<EngineModel> = {}): EngineModel => ({
  id,
  label,
  backend: id.slice(0, id.indexOf(':')),
  operations: ['text-to-image', 'image-to-image'],
  aspectRatios: [...ASPECT_RATIOS],
  stylePresets: true,
  negativePrompt: true,
  seed: true,
  strength: true,
  maxBatch: 4,
  ...differences,
});
