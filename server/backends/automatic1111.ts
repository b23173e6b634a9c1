/**
 * AUTOMATIC1111 and Forge (started with --api): JSON in, base64 PNGs out. A model is one of its
 * checkpoints, chosen per request through override_settings; presets become prompt words.
 */
import * as z from 'zod/mini';
import { type Backend, type BackendImage, type ImageJob, modelOffer } from './backend';
import { DIFFUSION_SIZES } from './native-sizes';
import { fitImage } from './received-image';
import { secretForms } from './redact';
import type { BackendSettings } from './settings';
import { applyStyleWords } from './style-prompts';
import { createUpstream } from './upstream';

type Settings = Extract<BackendSettings, { kind: 'automatic1111' }>;

const checkpoints = z.array(z.looseObject({ title: z.string(), model_name: z.optional(z.string()) }));
const options = z.looseObject({ sd_model_checkpoint: z.optional(z.nullable(z.string())) });
const answer = z.looseObject({ images: z.array(z.string()).check(z.minLength(1)), info: z.optional(z.string()) });

/** Settings the API would otherwise take from its own defaults (50 steps), not the web UI's. */
const SAMPLING = { steps: 25, cfg_scale: 7 };

function seedFromInfo(info: string | undefined): number | undefined {
  try {
    const seed = (JSON.parse(info ?? '') as { seed?: unknown }).seed;
    return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 ? seed : undefined;
  } catch {
    return undefined;
  }
}

export function createAutomatic1111Backend(settings: Settings): Backend {
  const upstream = createUpstream({
    ...settings,
    keyVariable: settings.auth?.variable,
    secrets: settings.auth ? secretForms(settings.auth.value) : [],
    headers: settings.auth ? { Authorization: `Basic ${Buffer.from(settings.auth.value).toString('base64')}` } : {},
    hint: 'Is it running, started with --api?',
  });

  function body(job: ImageJob) {
    const words = applyStyleWords(job.prompt, job.negativePrompt, job.stylePreset);
    const { width, height } = DIFFUSION_SIZES[job.aspectRatio];
    return {
      prompt: words.prompt,
      negative_prompt: words.negativePrompt,
      seed: job.seed,
      width,
      height,
      ...SAMPLING,
      batch_size: 1,
      n_iter: 1,
      send_images: true,
      save_images: false,
      // The checkpoint stays loaded afterwards: switching back after every picture would reload it each time.
      ...(job.model ? { override_settings: { sd_model_checkpoint: job.model }, override_settings_restore_afterwards: false } : {}),
    };
  }

  async function post(path: string, payload: object): Promise<BackendImage> {
    const res = await upstream.call(path, {
      method: 'POST',
      body: JSON.stringify(payload),
      headers: { 'Content-Type': 'application/json' },
    });
    const { images, info } = await upstream.readJson(res, answer, 'pictures');
    const base64 = images[0].replace(/^data:image\/\w+;base64,/, '');
    return { bytes: Buffer.from(base64, 'base64'), seed: seedFromInfo(info) };
  }

  return {
    id: settings.id,
    label: settings.label,
    async listModels() {
      const [list, current] = await Promise.all([
        upstream.call('/sdapi/v1/sd-models', { quick: true }).then((res) => upstream.readJson(res, checkpoints, 'its checkpoints')),
        upstream.call('/sdapi/v1/options', { quick: true }).then((res) => upstream.readJson(res, options, 'its options')),
      ]);
      // The loaded checkpoint first: a request without a model then needs no switch.
      const loaded = current.sd_model_checkpoint;
      const ordered = [...list.filter((c) => c.title === loaded), ...list.filter((c) => c.title !== loaded)];
      return ordered.map((checkpoint) => modelOffer(checkpoint.title, checkpoint.model_name || checkpoint.title, ['text-to-image', 'image-to-image']));
    },
    generate(job) {
      return post('/sdapi/v1/txt2img', body(job));
    },
    async transform(job) {
      const image = await fitImage(job.image, DIFFUSION_SIZES[job.aspectRatio]);
      return post('/sdapi/v1/img2img', {
        ...body(job),
        init_images: [image.toString('base64')],
        denoising_strength: job.strength,
      });
    },
  };
}
