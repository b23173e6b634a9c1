/** Text-to-image and image-to-image for the local engine: scene, style, blend with the source. */
import type { AspectRatio, StylePreset } from '../../src/api/contract';
import { IMAGE_SIZES } from '../../src/api/contract';
import { createRandom, hashText } from './random';
import { blendRasters, cloneRaster, type Raster } from './raster';
import { renderScene } from './scene';
import { STYLES } from './styles';

export interface ArtRequest {
  prompt: string;
  negativePrompt: string;
  stylePreset?: StylePreset;
  aspectRatio: AspectRatio;
  /** Already resolved: never 0 here. */
  seed: number;
}

function styled(raster: Raster, request: ArtRequest): Raster {
  if (!request.stylePreset) return raster;
  const random = createRandom(hashText(request.stylePreset, request.seed));
  return STYLES[request.stylePreset](raster, random);
}

export function synthesizeImage(request: ArtRequest): Raster {
  const { width, height } = IMAGE_SIZES[request.aspectRatio];
  const scene = renderScene({
    prompt: request.prompt,
    negativePrompt: request.negativePrompt,
    seed: request.seed,
    width,
    height,
  });
  return styled(scene, request);
}

/**
 * Transforms `source` (already fitted to the output size): the prompt's scene is mixed in and the
 * style applied in proportion to `strength`; strength 0 returns the source unchanged.
 */
export function transformImage(source: Raster, request: ArtRequest, strength: number): Raster {
  const scene = renderScene({
    prompt: request.prompt,
    negativePrompt: request.negativePrompt,
    seed: request.seed,
    width: source.width,
    height: source.height,
  });
  const guided = blendRasters(source, scene, 0.7 * strength);
  const result = styled(cloneRaster(guided), request);
  return blendRasters(source, result, strength);
}
