/** POST /api/img2video starts a video job; GET /api/img2video/result/:id reports on it. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { imageToVideoFieldsSchema } from '../../src/api/contract';
import type { VideoProgress } from '../backends/backend';
import { type EngineContext, resolveSeed } from '../engine-context';
import { ApiError } from '../http/api-error';
import { parseFields } from '../http/parse-fields';
import { sendJson } from '../http/respond';
import { readCookie } from '../http/request-info';
import type { VideoJob } from '../jobs/job-store';
import { checkImage } from '../upload/decode-image';
import { readMultipart } from '../upload/read-multipart';

export const SESSION_COOKIE = 'aiart_session';

type Outcome = Exclude<VideoProgress, { state: 'running' }>;

/** An MP4 starts with its ftyp box: anything else from a backend is not kept. */
const isMp4 = (bytes: Buffer) => bytes.length > 12 && bytes.toString('latin1', 4, 8) === 'ftyp';

export async function handleVideoStart(req: IncomingMessage, res: ServerResponse, ctx: EngineContext): Promise<void> {
  const form = await readMultipart(req, 'image');
  const fields = parseFields(imageToVideoFieldsSchema, form.fields);
  const checked = await checkImage(form.file?.bytes, ['png', 'jpeg']);

  const known = readCookie(req, SESSION_COOKIE);
  const clientId = known && /^[a-f0-9]{32}$/.test(known) ? known : randomBytes(16).toString('hex');
  if (ctx.quirks.oneVideoPerClient && ctx.jobs.runningFor(clientId)) {
    throw new ApiError(409, 'A video generation is already running for this client; wait for it to finish.');
  }
  const choice = await ctx.backends.pick(fields.model, 'image-to-video');
  if (!choice.backend.startVideo) throw new ApiError(400, `${choice.backend.label} cannot make videos`);
  const seed = resolveSeed(fields.seed);
  // A render inside the engine may wait for a free worker: the job reads "queued" until it starts.
  let rendering = false;
  let queuedJob: VideoJob | undefined;
  const onRendering = () => {
    rendering = true;
    if (queuedJob) void ctx.jobs.put({ ...queuedJob, state: 'running' }).catch(() => undefined);
  };
  const started = await choice.backend.startVideo({
    model: choice.model,
    image: form.file!.bytes,
    checked,
    seed,
    cfgScale: fields.cfg_scale,
    motionBucketId: fields.motion_bucket_id,
    clientId,
    onRendering,
  });
  const now = Date.now();
  const job: VideoJob = {
    id: randomBytes(16).toString('hex'),
    clientId,
    seed,
    createdAt: now,
    readyAt: now + ctx.config.videoSeconds * 1000,
    polls: 0,
    state: 'settled' in started && !rendering ? 'queued' : 'running',
    model: choice.id,
    backend: choice.backend.id,
    ...('ticket' in started ? { ticket: started.ticket } : {}),
  };
  await ctx.jobs.put(job);
  if (job.state === 'queued') queuedJob = job;
  if ('settled' in started) {
    const settling: Promise<void> = started.settled
      .then((outcome) => settle(ctx, job, outcome))
      .then(() => undefined, (error: unknown) => console.error(JSON.stringify({ event: 'video-not-kept', id: job.id, error: String(error) })))
      .finally(() => ctx.renders.delete(settling));
    ctx.renders.add(settling);
  }
  sendJson(
    res,
    200,
    { success: true, id: job.id, message: 'Video generation started. Poll the result with this id.', model: choice.id },
    { 'Set-Cookie': `${SESSION_COOKIE}=${clientId}; Path=/; HttpOnly; SameSite=Lax` },
  );
}

/** Records how a job ended: its video kept in the media folder, or why there is none. */
async function settle(ctx: EngineContext, job: VideoJob, outcome: Outcome): Promise<VideoJob> {
  const label = ctx.backends.byId(job.backend ?? '')?.label ?? 'The backend';
  let ended: VideoJob;
  if (outcome.state === 'failed') ended = { ...job, state: 'failed', error: outcome.error };
  else if (!isMp4(outcome.bytes)) ended = { ...job, state: 'failed', error: `${label} answered with something that is not an MP4 video.` };
  else {
    const videoName = await ctx.media.save('processed_videos', `video_${outcome.seed ?? job.seed}`, 'mp4', outcome.bytes);
    ended = { ...job, state: 'complete', videoName, finishReason: outcome.finishReason };
  }
  await ctx.jobs.put(ended);
  return ended;
}

/** Polls in flight per job, so two studio polls at once ask the upstream and keep the video once. */
const polling = new Map<string, Promise<VideoJob>>();

function pollUpstream(ctx: EngineContext, job: VideoJob & { ticket: string }): Promise<VideoJob> {
  const backend = ctx.backends.byId(job.backend ?? '');
  if (!backend?.videoResult) {
    return settle(ctx, job, { state: 'failed', error: 'The backend that started this video is no longer configured.' });
  }
  let poll = polling.get(job.id);
  if (!poll) {
    poll = backend
      .videoResult(job.ticket)
      .then((progress) => (progress.state === 'running' ? job : settle(ctx, job, progress)))
      .finally(() => polling.delete(job.id));
    polling.set(job.id, poll);
  }
  return poll;
}

export async function handleVideoResult(id: string, res: ServerResponse, ctx: EngineContext): Promise<void> {
  let job = await ctx.jobs.get(id);
  if (!job) throw new ApiError(404, `No video generation has the id "${id.slice(0, 64)}"`);
  job.polls++;
  if (job.polls <= ctx.quirks.retryPolls) {
    sendJson(res, 200, { status: 'retry', message: 'The result is not ready to read yet; poll again.' });
    return;
  }
  if (job.state === 'running' && job.ticket) job = await pollUpstream(ctx, { ...job, ticket: job.ticket });
  if (job.state === 'failed') throw new ApiError(500, job.error);
  if (job.state === 'queued') {
    sendJson(res, 202, { status: 'in-progress', message: 'The video is queued behind others being rendered; poll again shortly.' });
    return;
  }
  if (job.state === 'running' || Date.now() < job.readyAt) {
    sendJson(res, 202, { status: 'in-progress', message: 'Video generation is still in progress; poll again shortly.' });
    return;
  }
  sendJson(res, 200, {
    status: 'complete',
    video_url: `/processed_videos/${job.videoName}`,
    finish_reason: job.finishReason,
    seed: String(job.seed),
    ...(job.model ? { model: job.model } : {}),
  });
}
