/**
 * The built-in ComfyUI graphs, in ComfyUI's API format: a checkpoint, two text encodes, a
 * KSampler, a VAE decode and SaveImage, starting from an empty latent (text to image) or from an
 * uploaded picture encoded by the VAE (image to image, where denoise is the strength).
 */
import type { ComfyGraph } from './comfyui-workflow';

export interface GraphValues {
  checkpoint: string;
  prompt: string;
  negativePrompt: string;
  seed: number;
  width: number;
  height: number;
}

const SAMPLER = { steps: 25, cfg: 7, sampler_name: 'euler', scheduler: 'normal' };
/** The node whose output the engine downloads. */
export const SAVE_NODE = '7';

function base(values: GraphValues, latent: ComfyGraph, denoise: number): ComfyGraph {
  return {
    '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: values.checkpoint } },
    '2': { class_type: 'CLIPTextEncode', inputs: { text: values.prompt, clip: ['1', 1] } },
    '3': { class_type: 'CLIPTextEncode', inputs: { text: values.negativePrompt, clip: ['1', 1] } },
    ...latent,
    '5': {
      class_type: 'KSampler',
      inputs: {
        seed: values.seed,
        ...SAMPLER,
        denoise,
        model: ['1', 0],
        positive: ['2', 0],
        negative: ['3', 0],
        latent_image: ['4', 0],
      },
    },
    '6': { class_type: 'VAEDecode', inputs: { samples: ['5', 0], vae: ['1', 2] } },
    [SAVE_NODE]: { class_type: 'SaveImage', inputs: { images: ['6', 0], filename_prefix: 'aiart' } },
  };
}

export const textToImageGraph = (values: GraphValues): ComfyGraph =>
  base(values, { '4': { class_type: 'EmptyLatentImage', inputs: { width: values.width, height: values.height, batch_size: 1 } } }, 1);

/** `image` is the uploaded picture's name on the server, already at the wanted size. */
export const imageToImageGraph = (values: GraphValues, image: string, strength: number): ComfyGraph =>
  base(
    values,
    {
      '8': { class_type: 'LoadImage', inputs: { image } },
      '4': { class_type: 'VAEEncode', inputs: { pixels: ['8', 0], vae: ['1', 2] } },
    },
    strength,
  );
