/** POST /api/img2video starts a video job; GET /api/img2video/result/:id reports on it. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { imageToVideoFieldsSchema, videoSizeFor } from '../../src/api/contract';
import type { Raster } from '../art/raster';
import { type EngineContext, resolveSeed } from '../engine-context';
import { ApiError } from '../http/api-error';
import { parseFields } from '../http/parse-fields';
import { sendJson } from '../http/respond';
import { readCookie } from '../http/request-info';
import type { VideoJob } from '../jobs/job-store';
import { checkImage, decodeToRaster } from '../upload/decode-image';
import { readMultipart } from '../upload/read-multipart';
import { type MotionOptions, OVERSCAN, renderVideo } from '../video/render-video';

export const SESSION_COOKIE = 'aiart_session';
const even = (n: number) => Math.round(n / 2) * 2;

export async function handleVideoStart(req: IncomingMessage, res: ServerResponse, ctx: EngineContext): Promise<void> {
  const form = await readMultipart(req, 'image');
  const fields = parseFields(imageToVideoFieldsSchema, form.fields);
  const checked = await checkImage(form.file?.bytes, ['png', 'jpeg']);
  const frame = videoSizeFor(checked);
  const source = await decodeToRaster(form.file!.bytes, even(frame.width * OVERSCAN), even(frame.height * OVERSCAN));

  const known = readCookie(req, SESSION_COOKIE);
  const clientId = known && /^[a-f0-9]{32}$/.test(known) ? known : randomBytes(16).toString('hex');
  if (ctx.quirks.oneVideoPerClient && ctx.jobs.runningFor(clientId)) {
    throw new ApiError(409, 'A video generation is already running for this client; wait for it to finish.');
  }
  const seed = resolveSeed(fields.seed);
  const now = Date.now();
  const job: VideoJob = {
    id: randomBytes(16).toString('hex'),
    clientId,
    seed,
    createdAt: now,
    readyAt: now + ctx.config.videoSeconds * 1000,
    polls: 0,
    state: 'running',
  };
  await ctx.jobs.put(job);
  const render = runJob(ctx, job, source, frame, {
    seed,
    cfgScale: fields.cfg_scale,
    motionBucketId: fields.motion_bucket_id,
  }).finally(() => ctx.renders.delete(render));
  ctx.renders.add(render);
  sendJson(
    res,
    200,
    { success: true, id: job.id, message: 'Video generation started. Poll the result with this id.' },
    { 'Set-Cookie': `${SESSION_COOKIE}=${clientId}; Path=/; HttpOnly; SameSite=Lax` },
  );
}

async function runJob(
  ctx: EngineContext,
  job: VideoJob,
  source: Raster,
  frame: { width: number; height: number },
  motion: MotionOptions,
): Promise<void> {
  try {
    const mp4 = await renderVideo(source, frame, motion);
    const videoName = await ctx.media.save('processed_videos', `video_${job.seed}`, 'mp4', mp4);
    await ctx.jobs.put({ ...job, state: 'complete', videoName, finishReason: 'SUCCESS' });
  } catch (error) {
    console.error(JSON.stringify({ event: 'video-failed', id: job.id, error: String(error) }));
    await ctx.jobs.put({ ...job, state: 'failed', error: 'The video could not be rendered.' }).catch(() => undefined);
  }
}

export async function handleVideoResult(id: string, res: ServerResponse, ctx: EngineContext): Promise<void> {
  const job = await ctx.jobs.get(id);
  if (!job) throw new ApiError(404, `No video generation has the id "${id.slice(0, 64)}"`);
  job.polls++;
  if (job.polls <= ctx.quirks.retryPolls) {
    sendJson(res, 200, { status: 'retry', message: 'The result is not ready to read yet; poll again.' });
    return;
  }
  if (job.state === 'failed') throw new ApiError(500, job.error);
  if (job.state === 'running' || Date.now() < job.readyAt) {
    sendJson(res, 202, { status: 'in-progress', message: 'Video generation is still in progress; poll again shortly.' });
    return;
  }
  sendJson(res, 200, {
    status: 'complete',
    video_url: `/processed_videos/${job.videoName}`,
    finish_reason: job.finishReason,
    seed: String(job.seed),
  });
}
