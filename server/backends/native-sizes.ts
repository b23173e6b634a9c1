/**
 * The contract's five aspect ratios in each backend's own terms. Stability names ratios and has
 * no 4:3 or 3:4 (the nearest are 5:4 and 4:5); OpenAI-style APIs take a few fixed sizes; local
 * Stable Diffusion servers take any size, and SDXL's own buckets fit these ratios.
 */
import { type AspectRatio, IMAGE_SIZES, type PixelSize } from '../../src/api/contract';

/** AUTOMATIC1111 and ComfyUI: the SDXL training sizes, which the local preview uses too. */
export const DIFFUSION_SIZES: Record<AspectRatio, PixelSize> = IMAGE_SIZES;

export const STABILITY_RATIOS: Record<AspectRatio, string> = {
  '1:1': '1:1',
  '16:9': '16:9',
  '9:16': '9:16',
  '4:3': '5:4',
  '3:4': '4:5',
};

/** What Stability renders for each ratio it is sent: an input for image to image is fitted to it. */
export const STABILITY_SIZES: Record<AspectRatio, PixelSize> = {
  '1:1': { width: 1024, height: 1024 },
  '16:9': { width: 1344, height: 768 },
  '9:16': { width: 768, height: 1344 },
  '4:3': { width: 1088, height: 896 },
  '3:4': { width: 896, height: 1088 },
};

/** OpenAI's gpt-image models take 3:2 and 2:3 sizes; DALL-E 3 and GhostAPI take 1792-wide ones. */
export function openAiSize(model: string, ratio: AspectRatio): PixelSize {
  const long = /^gpt-image/.test(model) ? 1536 : 1792;
  if (ratio === '1:1') return { width: 1024, height: 1024 };
  return ratio === '16:9' || ratio === '4:3' ? { width: long, height: 1024 } : { width: 1024, height: long };
}
