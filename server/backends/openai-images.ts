/**
 * OpenAI-compatible images APIs (OpenAI itself, GhostAPI and others at their own base URL):
 * /v1/images/generations (JSON) and /v1/images/edits (multipart), answering base64 or links.
 * They take no negative prompt and no seed; presets become prompt words.
 */
import * as z from 'zod/mini';
import type { Operation } from '../../src/api/contract';
import { ApiError } from '../http/api-error';
import { type Backend, type BackendImage, type ImageJob, type ModelOffer, modelOffer } from './backend';
import { downloadMedia } from './download-media';
import { openAiSize } from './native-sizes';
import { fitImage } from './received-image';
import type { BackendSettings, ConfiguredModel } from './settings';
import { applyStyleWords } from './style-prompts';
import { createBearerUpstream, MB } from './upstream';
import { imageUpload } from './upload-form';

type Settings = Extract<BackendSettings, { kind: 'openai' }>;

const modelList = z.looseObject({ data: z.array(z.looseObject({ id: z.string() })) });
const imagesAnswer = z.looseObject({
  data: z
    .array(z.looseObject({ b64_json: z.optional(z.nullable(z.string())), url: z.optional(z.nullable(z.string())) }))
    .check(z.minLength(1)),
});

/** On OpenAI itself only these image models are listed; /v1/models names chat models too. */
const OPENAI_IMAGE_MODELS = /^(gpt-image-|dall-e-[23]$)/;
/** Models known to edit pictures: OpenAI's gpt-image family. Others say so in AIART_BACKENDS. */
const EDITS_BY_DEFAULT = /^gpt-image-/;

export function createOpenAiImagesBackend(settings: Settings): Backend {
  const upstream = createBearerUpstream(settings);
  const isOpenAi = new URL(settings.url).hostname === 'api.openai.com';

  function offer({ id, label, operations }: ConfiguredModel): ModelOffer {
    const ops: Operation[] = operations ?? (EDITS_BY_DEFAULT.test(id) ? ['text-to-image', 'image-to-image'] : ['text-to-image']);
    return modelOffer(id, label ?? id, ops, {
      // DALL-E 2 draws squares only.
      ...(id === 'dall-e-2' ? { aspectRatios: ['1:1'] } : {}),
      negativePrompt: false,
      seed: false,
      strength: false,
    });
  }

  const modelOf = (job: ImageJob) => {
    if (!job.model) throw new ApiError(400, `${settings.label} needs a model: /engine.json lists them`);
    return job.model;
  };
  const promptOf = (job: ImageJob) => applyStyleWords(job.prompt, '', job.stylePreset).prompt;

  async function picture(res: Response): Promise<BackendImage> {
    const [first] = (await upstream.readJson(res, imagesAnswer, 'pictures')).data;
    if (first.b64_json) return { bytes: Buffer.from(first.b64_json, 'base64') };
    if (first.url) return { bytes: await downloadMedia(first.url, upstream, 50 * MB) };
    throw upstream.broken('answered with neither b64_json nor url');
  }

  return {
    id: settings.id,
    label: settings.label,
    async listModels() {
      if (settings.models) return settings.models.map(offer);
      const res = await upstream.call('/v1/models', { quick: true });
      const ids = (await upstream.readJson(res, modelList, 'its models')).data.map((m) => m.id);
      const rank = (id: string) => (id.startsWith('gpt-image-') ? 0 : id === 'dall-e-3' ? 1 : 2);
      const images = isOpenAi ? ids.filter((id) => OPENAI_IMAGE_MODELS.test(id)).sort((a, b) => rank(a) - rank(b)) : ids;
      return images.map((id) => offer({ id }));
    },
    async generate(job) {
      const model = modelOf(job);
      const { width, height } = openAiSize(model, job.aspectRatio);
      const res = await upstream.call('/v1/images/generations', {
        method: 'POST',
        body: JSON.stringify({ model, prompt: promptOf(job), n: 1, size: `${width}x${height}` }),
        headers: { 'Content-Type': 'application/json' },
      });
      return picture(res);
    },
    async transform(job) {
      const model = modelOf(job);
      const size = openAiSize(model, job.aspectRatio);
      const image = await fitImage(job.image, size);
      const form = imageUpload(image, 'png', { model, prompt: promptOf(job), n: '1', size: `${size.width}x${size.height}` });
      return picture(await upstream.call('/v1/images/edits', { method: 'POST', body: form }));
    },
  };
}
