/**
 * The local preview as a backend: deterministic procedural art drawn inside the engine (not an
 * AI model), and videos rendered here as H.264 MP4s that pan and zoom over the input.
 */
import { IMAGE_SIZES, OPERATIONS, videoSizeFor } from '../../src/api/contract';
import { encodeRaster } from '../art/encode';
import { synthesizeImage, transformImage } from '../art/synthesize';
import { decodeToRaster } from '../upload/decode-image';
import type { RenderPool } from '../video/render-pool';
import { OVERSCAN } from '../video/video-options';
import { type Backend, type ImageJob, modelOffer } from './backend';

const even = (n: number) => Math.round(n / 2) * 2;

const art = (job: ImageJob) => ({
  prompt: job.prompt,
  negativePrompt: job.negativePrompt,
  stylePreset: job.stylePreset,
  aspectRatio: job.aspectRatio,
  seed: job.seed,
});

/** Videos render on `renderPool`, off the engine's own thread, a few at a time. */
export function createLocalPreview(renderPool: RenderPool): Backend {
  return {
    id: 'local',
    label: 'Local preview',
    async listModels() {
      return [modelOffer('preview', 'Local preview (procedural art, not AI)', [...OPERATIONS])];
    },
    async generate(job) {
      return { bytes: await encodeRaster(synthesizeImage(art(job)), job.outputFormat), seed: job.seed };
    },
    async transform(job) {
      const { width, height } = IMAGE_SIZES[job.aspectRatio];
      const source = await decodeToRaster(job.image, width, height);
      return { bytes: await encodeRaster(transformImage(source, art(job), job.strength), job.outputFormat), seed: job.seed };
    },
    async startVideo(input) {
      const frame = videoSizeFor(input.checked);
      const source = await decodeToRaster(input.image, even(frame.width * OVERSCAN), even(frame.height * OVERSCAN));
      const motion = { seed: input.seed, cfgScale: input.cfgScale, motionBucketId: input.motionBucketId };
      const render = renderPool.render({ source, frame, motion }, input.onRendering);
      return {
        settled: render.then(
          (mp4) => ({ state: 'complete' as const, bytes: Buffer.from(mp4.buffer, mp4.byteOffset, mp4.byteLength), finishReason: 'SUCCESS', seed: input.seed }),
          (error: unknown) => {
            console.error(JSON.stringify({ event: 'video-failed', error: String(error) }));
            return { state: 'failed' as const, error: 'The video could not be rendered.' };
          },
        ),
      };
    },
  };
}
