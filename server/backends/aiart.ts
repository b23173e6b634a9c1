/**
 * An AiArt service upstream (AIART_UPSTREAM, e.g. the hosted one) as a backend. It speaks the same
 * contract, so requests pass on nearly as they came; its media is downloaded into this engine,
 * and its video session cookie is kept per studio client, so its one-video rule still holds.
 */
import * as z from 'zod/mini';
import { OPERATIONS, PLACEHOLDER_FOLDER } from '../../src/api/contract';
import { ApiError } from '../http/api-error';
import { type Backend, type ImageJob, modelOffer, type VideoProgress } from './backend';
import { downloadMedia } from './download-media';
import type { BackendSettings } from './settings';
import { createUpstream, MB } from './upstream';
import { imageUpload } from './upload-form';

type Settings = Extract<BackendSettings, { kind: 'aiart' }>;

const imageAnswer = z.looseObject({ image_url: z.string(), seed: z.optional(z.number()), folder: z.optional(z.string()) });
const videoStart = z.looseObject({ id: z.string().check(z.minLength(1), z.maxLength(200)) });
const videoResult = z.looseObject({
  status: z.string(),
  video_url: z.optional(z.string()),
  finish_reason: z.optional(z.string()),
  seed: z.optional(z.union([z.string(), z.number()])),
});
const ticketSchema = z.object({ id: z.string(), cookie: z.string() });

/** Sessions remembered per studio client; the oldest are forgotten past this many. */
const MAX_SESSIONS = 1000;

export function createAiArtBackend(settings: Settings): Backend {
  const upstream = createUpstream({ ...settings, secrets: [] });
  const sessions = new Map<string, string>();

  function remember(clientId: string, setCookies: string[]): string {
    const jar = new Map((sessions.get(clientId) ?? '').split('; ').filter(Boolean).map((c) => [c.split('=')[0], c]));
    for (const cookie of setCookies) {
      const pair = cookie.split(';')[0].trim();
      if (pair.includes('=')) jar.set(pair.split('=')[0], pair);
    }
    const header = [...jar.values()].join('; ');
    sessions.delete(clientId);
    sessions.set(clientId, header);
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    return header;
  }

  async function image(path: string, body: BodyInit, headers: Record<string, string>, job: ImageJob) {
    const res = await upstream.call(path, { method: 'POST', body, headers });
    const answer = await upstream.readJson(res, imageAnswer, 'a picture');
    if (answer.folder === PLACEHOLDER_FOLDER) {
      throw new ApiError(502, `${settings.label} answered with its stock placeholder picture: the generation failed there. Try again.`);
    }
    return { bytes: await downloadMedia(new URL(answer.image_url, settings.url).href, upstream), seed: answer.seed ?? job.seed };
  }

  const contractFields = (job: ImageJob) => ({
    negative_prompt: job.negativePrompt,
    ...(job.stylePreset ? { style_preset: job.stylePreset } : {}),
    aspect_ratio: job.aspectRatio,
    output_format: job.outputFormat,
    seed: String(job.seed),
  });

  return {
    id: settings.id,
    label: settings.label,
    async listModels() {
      // The hosted service allows about three pictures a minute.
      return [modelOffer('hosted', settings.label, [...OPERATIONS], { maxBatch: 1 })];
    },
    generate(job) {
      const body = JSON.stringify({ video_description: job.prompt, ...contractFields(job), seed: job.seed });
      return image('/api/generate', body, { 'Content-Type': 'application/json' }, job);
    },
    transform(job) {
      const form = imageUpload(job.image, job.checked.kind, { prompt: job.prompt, strength: String(job.strength), ...contractFields(job) });
      return image('/api/img2img', form, {}, job);
    },
    async startVideo(input) {
      const form = imageUpload(input.image, input.checked.kind, {
        seed: String(input.seed),
        cfg_scale: String(input.cfgScale),
        motion_bucket_id: String(input.motionBucketId),
      });
      const cookie = sessions.get(input.clientId);
      const res = await upstream.call('/api/img2video', { method: 'POST', body: form, headers: cookie ? { cookie } : {} });
      const session = remember(input.clientId, res.headers.getSetCookie());
      const { id } = await upstream.readJson(res, videoStart, 'a video job');
      return { ticket: JSON.stringify({ id, cookie: session }) };
    },
    async videoResult(ticket): Promise<VideoProgress> {
      const { id, cookie } = ticketSchema.parse(JSON.parse(ticket));
      const res = await upstream.call(`/api/img2video/result/${encodeURIComponent(id)}`, {
        headers: cookie ? { cookie } : {},
        accept: [202, 404],
      });
      if (res.status === 404) return { state: 'failed', error: `${settings.label} no longer knows this video job.` };
      const answer = await upstream.readJson(res, videoResult, 'a video status');
      if (res.status === 202 || answer.status !== 'complete') return { state: 'running' };
      if (!answer.video_url) throw upstream.broken('reported a finished video without its video_url');
      const bytes = await downloadMedia(new URL(answer.video_url, settings.url).href, upstream, 200 * MB);
      const seed = Number(answer.seed);
      return { state: 'complete', bytes, finishReason: answer.finish_reason ?? 'SUCCESS', seed: Number.isFinite(seed) ? seed : undefined };
    },
  };
}
