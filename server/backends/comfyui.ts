/**
 * ComfyUI as a backend: the built-in graphs with any checkpoint it has, or the creator's own
 * workflow. A picture to transform goes up through /upload/image; the graph is queued with
 * POST /prompt, /history/{id} is polled until it ran, and /view gives the saved picture.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Operation } from '../../src/api/contract';
import { ApiError } from '../http/api-error';
import { type Backend, type BackendImage, type ImageJob, type ModelOffer, modelOffer } from './backend';
import { imageToImageGraph, SAVE_NODE, textToImageGraph } from './comfyui-graphs';
import { type ComfyGraph, fillWorkflow, workflowTakesImage } from './comfyui-workflow';
import { DIFFUSION_SIZES } from './native-sizes';
import { fitImage } from './received-image';
import type { BackendSettings } from './settings';
import { applyStyleWords } from './style-prompts';
import { createUpstream, MB } from './upstream';
import { imageUpload } from './upload-form';

type Settings = Extract<BackendSettings, { kind: 'comfyui' }>;

const uploaded = z.looseObject({ name: z.string().check(z.minLength(1)), subfolder: z.optional(z.string()) });
const queued = z.looseObject({ prompt_id: z.string().check(z.minLength(1), z.maxLength(100)) });
const savedImage = z.looseObject({ filename: z.string(), subfolder: z.optional(z.string()), type: z.optional(z.string()) });
const history = z.record(
  z.string(),
  z.looseObject({
    outputs: z.optional(z.record(z.string(), z.looseObject({ images: z.optional(z.array(savedImage)) }))),
    status: z.optional(z.looseObject({ status_str: z.optional(z.string()), messages: z.optional(z.array(z.unknown())) })),
  }),
);
const objectInfo = z.record(z.string(), z.looseObject({ input: z.looseObject({ required: z.record(z.string(), z.unknown()) }) }));

/** The checkpoint names in ckpt_name's input spec: `[[names], {...}]`, or `["COMBO", { options }]` in newer versions. */
function comboOptions(spec: unknown): string[] {
  if (!Array.isArray(spec)) return [];
  const options = Array.isArray(spec[0]) ? spec[0] : (spec[1] as { options?: unknown } | undefined)?.options;
  return Array.isArray(options) ? options.filter((o): o is string => typeof o === 'string') : [];
}

/** Why a run failed, from the execution_error message ComfyUI records in its history. */
function failureOf(messages: unknown[] | undefined): string {
  for (const message of messages ?? []) {
    if (Array.isArray(message) && message[0] === 'execution_error') {
      const text = (message[1] as { exception_message?: unknown })?.exception_message;
      if (typeof text === 'string') return text.trim().slice(0, 300);
    }
  }
  return 'no reason given';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createComfyUiBackend(settings: Settings): Backend {
  const upstream = createUpstream({ ...settings, secrets: [], hint: 'Is ComfyUI running?' });
  const workflow = settings.workflow;
  const clientId = randomUUID();

  function offer(name: string, label: string, operations: Operation[], graphText?: string): ModelOffer {
    // A creator's workflow honours only the controls it has placeholders for.
    const has = (placeholder: string) => graphText === undefined || graphText.includes(`{{${placeholder}}}`);
    return modelOffer(name, label, operations, {
      stylePresets: has('prompt'),
      negativePrompt: has('negative_prompt'),
      seed: has('seed'),
      strength: operations.includes('image-to-image') && has('strength'),
    });
  }

  async function upload(image: Buffer, size: { width: number; height: number }): Promise<string> {
    const fitted = await fitImage(image, size);
    // A name of our own, so two requests never overwrite each other's picture.
    const form = imageUpload(fitted, 'png', { type: 'input', overwrite: 'true' }, { name: `aiart-${randomBytes(8).toString('hex')}.png` });
    const res = await upstream.call('/upload/image', { method: 'POST', body: form });
    const { name, subfolder } = await upstream.readJson(res, uploaded, 'the upload');
    return subfolder ? `${subfolder}/${name}` : name;
  }

  async function waitForPicture(promptId: string): Promise<BackendImage['bytes']> {
    const deadline = Date.now() + settings.timeoutMs;
    for (let wait = 100; Date.now() < deadline; wait = Math.min(wait * 1.5, 1000)) {
      const res = await upstream.call(`/history/${encodeURIComponent(promptId)}`, { quick: true });
      const entry = (await upstream.readJson(res, history, 'its history'))[promptId];
      if (entry?.status?.status_str === 'error') {
        throw new ApiError(502, `${settings.label} could not run the graph: ${failureOf(entry.status.messages)}`);
      }
      const outputs = entry?.outputs ?? {};
      const images = [...(outputs[SAVE_NODE]?.images ?? []), ...Object.values(outputs).flatMap((o) => o.images ?? [])];
      const saved = images.find((image) => (image.type ?? 'output') === 'output') ?? images[0];
      if (saved) {
        const query = new URLSearchParams({ filename: saved.filename, subfolder: saved.subfolder ?? '', type: saved.type ?? 'output' });
        const view = await upstream.call(`/view?${query}`);
        return upstream.readBytes(view, 50 * MB, 'a picture');
      }
      if (entry) throw new ApiError(502, `${settings.label} ran the graph but it saved no picture`);
      await pause(Math.min(wait, Math.max(0, deadline - Date.now())));
    }
    throw new ApiError(502, `${settings.label} at ${settings.url} did not finish within ${settings.timeoutMs / 1000} s`, {}, 'backend_unreachable');
  }

  async function run(job: ImageJob, image?: Buffer, strength = 1): Promise<BackendImage> {
    const { prompt, negativePrompt } = applyStyleWords(job.prompt, job.negativePrompt, job.stylePreset);
    const { width, height } = DIFFUSION_SIZES[job.aspectRatio];
    const uploadedName = image ? await upload(image, { width, height }) : undefined;
    let graph: ComfyGraph;
    if (workflow) {
      graph = fillWorkflow(workflow.graph, { prompt, negative_prompt: negativePrompt, seed: job.seed, width, height, strength, image: uploadedName });
    } else {
      const values = { checkpoint: job.model!, prompt, negativePrompt, seed: job.seed, width, height };
      graph = uploadedName ? imageToImageGraph(values, uploadedName, strength) : textToImageGraph(values);
    }
    const res = await upstream.call('/prompt', {
      method: 'POST',
      body: JSON.stringify({ prompt: graph, client_id: clientId }),
      headers: { 'Content-Type': 'application/json' },
    });
    const { prompt_id } = await upstream.readJson(res, queued, 'the queued job');
    const seeded = !workflow || JSON.stringify(workflow.graph).includes('{{seed}}');
    return { bytes: await waitForPicture(prompt_id), seed: seeded ? job.seed : undefined };
  }

  return {
    id: settings.id,
    label: settings.label,
    async listModels() {
      if (workflow) {
        const operations: Operation[] = workflowTakesImage(workflow.graph) ? ['image-to-image'] : ['text-to-image'];
        return [offer(workflow.name, `Workflow ${workflow.name}`, operations, JSON.stringify(workflow.graph))];
      }
      const res = await upstream.call('/object_info/CheckpointLoaderSimple', { quick: true });
      const info = await upstream.readJson(res, objectInfo, 'its node types');
      const names = comboOptions(info.CheckpointLoaderSimple?.input.required.ckpt_name);
      return names.map((name) => offer(name, name.replace(/\.(safetensors|ckpt)$/i, ''), ['text-to-image', 'image-to-image']));
    },
    generate(job) {
      return run(job);
    },
    transform(job) {
      return run(job, job.image, job.strength);
    },
  };
}
