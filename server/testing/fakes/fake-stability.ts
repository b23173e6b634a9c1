/**
 * A fake Stability AI REST v2beta, as its public API reference describes it: Bearer key, always
 * multipart, raw bytes with `finish-reason` and `seed` headers for `Accept: image/*`, a 202
 * while a video renders, and its `{ name, errors }` error answers. A prompt with "forbidden" is
 * refused by moderation; one with "blurred" comes back CONTENT_FILTERED.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { STYLE_PRESETS } from '../../../src/api/contract';
import { fakeMp4, fakePicture, sizeOf } from './fake-media';
import { type FakeAnswer, type FakeRequest, type FakeServer, readForm, startFakeServer } from './fake-server';

const RATIOS: Record<string, [number, number]> = {
  '1:1': [1024, 1024],
  '16:9': [1344, 768],
  '9:16': [768, 1344],
  '21:9': [1536, 640],
  '9:21': [640, 1536],
  '3:2': [1216, 832],
  '2:3': [832, 1216],
  '5:4': [1088, 896],
  '4:5': [896, 1088],
};
const SD3_MODELS = ['sd3.5-large', 'sd3.5-large-turbo', 'sd3.5-medium', 'sd3-large', 'sd3-large-turbo', 'sd3-medium'];
const VIDEO_SIZES = ['1024x576', '576x1024', '768x768'];
const FIELDS: Record<string, string[]> = {
  ultra: ['prompt', 'negative_prompt', 'aspect_ratio', 'seed', 'output_format', 'style_preset', 'image', 'strength'],
  core: ['prompt', 'negative_prompt', 'aspect_ratio', 'seed', 'output_format', 'style_preset'],
  sd3: ['prompt', 'negative_prompt', 'aspect_ratio', 'seed', 'output_format', 'style_preset', 'image', 'strength', 'model', 'mode', 'cfg_scale'],
};

export interface FakeStability extends FakeServer {
  key: string;
}

const failure = (status: number, name: string, ...errors: string[]): FakeAnswer => ({
  status,
  body: { id: randomBytes(16).toString('hex'), name, errors },
});
const bad = (...errors: string[]) => failure(400, 'bad_request', ...errors);

function number(value: string | undefined, min: number, max: number, integer: boolean): boolean {
  if (value === undefined) return true;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n));
}

async function generate(req: FakeRequest, endpoint: string): Promise<FakeAnswer> {
  const accept = req.headers.accept ?? '';
  if (accept !== 'image/*' && accept !== 'application/json') return bad('accept: must be image/* or application/json');
  const form = await readForm(req);
  if (!form) return bad('content-type: must be multipart/form-data');
  const { fields, files } = form;
  const unknown = [...Object.keys(fields), ...Object.keys(files)].filter((name) => !FIELDS[endpoint].includes(name));
  if (unknown.length) return bad(`${unknown.join(', ')}: not a parameter of this endpoint`);
  const errors: string[] = [];
  if (!fields.prompt || fields.prompt.length > 10_000) errors.push('prompt: must be 1 to 10000 characters');
  if (fields.aspect_ratio !== undefined && !(fields.aspect_ratio in RATIOS)) errors.push('aspect_ratio: not a supported ratio');
  if (!number(fields.seed, 0, 4_294_967_294, true)) errors.push('seed: must be an integer from 0 to 4294967294');
  const formats = endpoint === 'sd3' ? ['png', 'jpeg'] : ['png', 'jpeg', 'webp'];
  if (fields.output_format !== undefined && !formats.includes(fields.output_format)) errors.push(`output_format: must be one of ${formats.join(', ')}`);
  if (fields.style_preset !== undefined && !(STYLE_PRESETS as readonly string[]).includes(fields.style_preset)) errors.push('style_preset: unknown preset');
  const image = files.image;
  if (image && fields.strength === undefined) errors.push('strength: required when an image is given');
  if (!number(fields.strength, 0, 1, false)) errors.push('strength: must be from 0 to 1');
  if (image && fields.aspect_ratio !== undefined) errors.push('aspect_ratio: not accepted with an image; the output follows it');
  if (endpoint === 'sd3') {
    if (!SD3_MODELS.includes(fields.model ?? '')) errors.push('model: must be one of the SD3 models');
    if (fields.mode !== (image ? 'image-to-image' : 'text-to-image')) errors.push('mode: must match whether an image is sent');
  }
  if (errors.length) return bad(...errors);
  if (fields.prompt.includes('forbidden')) return failure(403, 'content_moderation', 'Your request was flagged by our content moderation system.');

  const size = image ? await sizeOf(image.bytes).catch(() => undefined) : undefined;
  if (image && !size?.width) return bad('image: could not be decoded');
  const [width, height] = size ? [size.width, size.height] : RATIOS[fields.aspect_ratio ?? '1:1'];
  const seed = Number(fields.seed ?? 0) || randomInt(1, 4_294_967_294);
  const format = (fields.output_format ?? 'png') as 'png' | 'jpeg' | 'webp';
  const bytes = await fakePicture(width, height, `${endpoint}|${fields.model}|${fields.prompt}|${fields.style_preset}|${seed}`, format);
  const finish = fields.prompt.includes('blurred') ? 'CONTENT_FILTERED' : 'SUCCESS';
  if (accept === 'application/json') return { body: { image: bytes.toString('base64'), finish_reason: finish, seed } };
  return { headers: { 'Content-Type': `image/${format}`, 'finish-reason': finish, seed: String(seed) }, body: bytes };
}

export async function startFakeStability(options: { key: string; pollsBeforeVideo?: number }): Promise<FakeStability> {
  const videos = new Map<string, { polls: number; seed: number }>();
  const fake = await startFakeServer(async (req) => {
    if (req.headers.authorization !== `Bearer ${options.key}`) return failure(401, 'unauthorized', 'authorization: missing or invalid API key');
    const generateMatch = req.path.match(/^\/v2beta\/stable-image\/generate\/(ultra|core|sd3)$/);
    if (req.method === 'POST' && generateMatch) return generate(req, generateMatch[1]);
    if (req.method === 'POST' && req.path === '/v2beta/image-to-video') {
      const form = await readForm(req);
      if (!form) return bad('content-type: must be multipart/form-data');
      const size = form.files.image ? await sizeOf(form.files.image.bytes).catch(() => undefined) : undefined;
      if (!size || !VIDEO_SIZES.includes(`${size.width}x${size.height}`)) return bad('image: must be 1024x576, 576x1024 or 768x768');
      const { seed, cfg_scale, motion_bucket_id } = form.fields;
      if (!number(seed, 0, 4_294_967_294, true) || !number(cfg_scale, 0, 10, false) || !number(motion_bucket_id, 1, 255, true)) {
        return bad('seed, cfg_scale or motion_bucket_id: out of range');
      }
      const id = randomBytes(32).toString('hex');
      videos.set(id, { polls: 0, seed: Number(seed ?? 0) || randomInt(1, 4_294_967_294) });
      return { body: { id } };
    }
    const result = req.path.match(/^\/v2beta\/image-to-video\/result\/([a-f0-9]{64})$/);
    if (req.method === 'GET' && result) {
      const video = videos.get(result[1]);
      if (!video) return failure(404, 'not_found', 'id: no generation with this id');
      if (req.headers.accept !== 'video/*') return bad('accept: this fake answers video/* only');
      if (video.polls++ < (options.pollsBeforeVideo ?? 2)) return { status: 202, body: { id: result[1], status: 'in-progress' } };
      return { headers: { 'Content-Type': 'video/mp4', 'finish-reason': 'SUCCESS', seed: String(video.seed) }, body: await fakeMp4() };
    }
    return failure(404, 'not_found', `${req.method} ${req.path}: no such route`);
  });
  return { ...fake, key: options.key };
}
