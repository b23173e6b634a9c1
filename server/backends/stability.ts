/**
 * Stability AI's REST v2beta: Stable Image Ultra and Core, the SD 3.5 models, and Stable Video
 * Diffusion. Requests are always multipart; pictures come back as raw bytes (`Accept: image/*`)
 * with the seed and the finish reason in headers.
 */
import * as z from 'zod/mini';
import { type OutputFormat, videoSizeFor } from '../../src/api/contract';
import { ApiError } from '../http/api-error';
import { type Backend, type BackendImage, type ImageJob, type ModelOffer, modelOffer, type VideoProgress } from './backend';
import { STABILITY_RATIOS, STABILITY_SIZES } from './native-sizes';
import { fitImage } from './received-image';
import { redact } from './redact';
import type { BackendSettings } from './settings';
import { createBearerUpstream, MB } from './upstream';
import { formOf, imageUpload } from './upload-form';

type Settings = Extract<BackendSettings, { kind: 'stability' }>;

interface StabilityModel {
  name: string;
  label: string;
  /** The generate endpoint: ultra, core or sd3 (which takes the model as a field). */
  endpoint: 'ultra' | 'core' | 'sd3';
  imageToImage: boolean;
}

const STABILITY_MODELS: readonly StabilityModel[] = [
  { name: 'ultra', label: 'Stable Image Ultra', endpoint: 'ultra', imageToImage: true },
  { name: 'core', label: 'Stable Image Core', endpoint: 'core', imageToImage: false },
  { name: 'sd3.5-large', label: 'Stable Diffusion 3.5 Large', endpoint: 'sd3', imageToImage: true },
  { name: 'sd3.5-large-turbo', label: 'Stable Diffusion 3.5 Large Turbo', endpoint: 'sd3', imageToImage: true },
  { name: 'sd3.5-medium', label: 'Stable Diffusion 3.5 Medium', endpoint: 'sd3', imageToImage: true },
];
const STABILITY_VIDEO_MODEL = 'stable-video-diffusion';

const videoStart = z.looseObject({ id: z.string().check(z.minLength(1), z.maxLength(200)) });

export function createStabilityBackend(settings: Settings): Backend {
  const upstream = createBearerUpstream(settings);

  const modelOf = (name = 'ultra') => {
    const found = STABILITY_MODELS.find((m) => m.name === name);
    if (!found) throw new ApiError(400, `${settings.label} has no image model "${name}"`);
    return found;
  };

  /** SD3 writes PNG or JPEG only; WEBP is asked as PNG and converted by the engine. */
  const formatFor = (model: StabilityModel, wanted: OutputFormat) =>
    wanted === 'jpg' ? 'jpeg' : wanted === 'webp' && model.endpoint === 'sd3' ? 'png' : wanted;

  function fields(model: StabilityModel, job: ImageJob): Record<string, string> {
    return {
      prompt: job.prompt,
      ...(job.negativePrompt ? { negative_prompt: job.negativePrompt } : {}),
      ...(job.stylePreset ? { style_preset: job.stylePreset } : {}),
      seed: String(job.seed),
      output_format: formatFor(model, job.outputFormat),
      ...(model.endpoint === 'sd3' ? { model: model.name } : {}),
    };
  }

  async function send(model: StabilityModel, form: FormData): Promise<BackendImage> {
    const res = await upstream.call(`/v2beta/stable-image/generate/${model.endpoint}`, {
      method: 'POST',
      body: form,
      headers: { Accept: 'image/*' },
    });
    const bytes = await upstream.readBytes(res, 50 * MB, 'a picture');
    const finish = res.headers.get('finish-reason') ?? 'SUCCESS';
    if (finish === 'CONTENT_FILTERED') {
      throw new ApiError(400, `${settings.label} blurred the picture: its content moderation flagged it. Change the prompt and try again.`, {}, 'content_moderation');
    }
    if (finish !== 'SUCCESS') throw new ApiError(502, redact(`${settings.label} could not finish the picture (${finish.slice(0, 60)})`, upstream.secrets));
    const seed = Number(res.headers.get('seed'));
    return { bytes, seed: Number.isInteger(seed) && seed > 0 ? seed : undefined };
  }

  const offers: ModelOffer[] = [
    ...STABILITY_MODELS.map((model) =>
      modelOffer(model.name, model.label, model.imageToImage ? ['text-to-image', 'image-to-image'] : ['text-to-image']),
    ),
    modelOffer(STABILITY_VIDEO_MODEL, 'Stable Video Diffusion', ['image-to-video'], { aspectRatios: [], stylePresets: false, negativePrompt: false, maxBatch: 1 }),
  ];

  return {
    id: settings.id,
    label: settings.label,
    async listModels() {
      return offers;
    },
    generate(job) {
      const model = modelOf(job.model);
      const form = formOf({
        ...fields(model, job),
        aspect_ratio: STABILITY_RATIOS[job.aspectRatio],
        ...(model.endpoint === 'sd3' ? { mode: 'text-to-image' } : {}),
      });
      return send(model, form);
    },
    async transform(job) {
      const model = modelOf(job.model);
      // With an image the output takes the input's shape, so the input is fitted to the ratio first.
      const fitted = await fitImage(job.image, STABILITY_SIZES[job.aspectRatio]);
      const form = imageUpload(fitted, 'png', {
        ...fields(model, job),
        strength: String(job.strength),
        ...(model.endpoint === 'sd3' ? { mode: 'image-to-image' } : {}),
      });
      return send(model, form);
    },
    async startVideo(input) {
      const image = await fitImage(input.image, videoSizeFor(input.checked));
      const form = imageUpload(image, 'png', {
        seed: String(input.seed),
        cfg_scale: String(input.cfgScale),
        motion_bucket_id: String(input.motionBucketId),
      });
      const res = await upstream.call('/v2beta/image-to-video', { method: 'POST', body: form });
      return { ticket: (await upstream.readJson(res, videoStart, 'a video job')).id };
    },
    async videoResult(ticket): Promise<VideoProgress> {
      const res = await upstream.call(`/v2beta/image-to-video/result/${encodeURIComponent(ticket)}`, {
        headers: { Accept: 'video/*' },
        accept: [202, 404],
      });
      if (res.status === 404) {
        await res.body?.cancel().catch(() => undefined);
        return { state: 'failed', error: `${settings.label} no longer has this video (it keeps results about 24 hours).` };
      }
      if (res.status === 202) {
        await res.body?.cancel().catch(() => undefined);
        return { state: 'running' };
      }
      const bytes = await upstream.readBytes(res, 200 * MB, 'a video');
      const seed = Number(res.headers.get('seed'));
      return {
        state: 'complete',
        bytes,
        finishReason: res.headers.get('finish-reason') ?? 'SUCCESS',
        seed: Number.isInteger(seed) ? seed : undefined,
      };
    },
  };
}
