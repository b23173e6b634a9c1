/**
 * A fake AUTOMATIC1111 / Forge web UI API (--api, optionally --api-auth): the checkpoint list, the
 * options, and txt2img / img2img taking JSON and answering base64 PNGs with the seed in `info`.
 * Fields are checked as its pydantic models would; an unknown checkpoint fails as it does.
 */
import { randomInt } from 'node:crypto';
import { fakePicture, sizeOf } from './fake-media';
import { type FakeAnswer, type FakeRequest, type FakeServer, readJsonBody, startFakeServer } from './fake-server';

export interface Checkpoint {
  title: string;
  model_name: string;
}

export interface FakeAutomatic1111 extends FakeServer {
  /** The checkpoint loaded now; a request's override switches it. */
  loaded(): string;
}

const TXT2IMG_FIELDS = [
  'prompt', 'negative_prompt', 'styles', 'seed', 'steps', 'cfg_scale', 'width', 'height', 'sampler_name', 'batch_size',
  'n_iter', 'send_images', 'save_images', 'override_settings', 'override_settings_restore_afterwards',
];
const IMG2IMG_FIELDS = [...TXT2IMG_FIELDS, 'init_images', 'denoising_strength', 'resize_mode', 'mask'];

const invalid = (field: string, msg: string): FakeAnswer => ({
  status: 422,
  body: { detail: [{ loc: ['body', field], msg, type: 'value_error' }] },
});

const isInt = (value: unknown, min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

export async function startFakeAutomatic1111(options: { checkpoints: Checkpoint[]; auth?: string }): Promise<FakeAutomatic1111> {
  let loaded = options.checkpoints[0].title;

  async function render(req: FakeRequest, withImage: boolean): Promise<FakeAnswer> {
    const body = readJsonBody(req) as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return invalid('body', 'value is not a valid dict (send JSON)');
    const allowed = withImage ? IMG2IMG_FIELDS : TXT2IMG_FIELDS;
    const extra = Object.keys(body).find((key) => !allowed.includes(key));
    if (extra) return invalid(extra, 'extra fields not permitted');
    if (typeof body.prompt !== 'string') return invalid('prompt', 'str type expected');
    if (body.negative_prompt !== undefined && typeof body.negative_prompt !== 'string') return invalid('negative_prompt', 'str type expected');
    if (!isInt(body.seed ?? -1, -1, 2 ** 32)) return invalid('seed', 'value is not a valid integer');
    for (const side of ['width', 'height'] as const) {
      if (!isInt(body[side], 64, 2048) || (body[side] as number) % 8) return invalid(side, 'must be a multiple of 8 from 64 to 2048');
    }
    if (body.steps !== undefined && !isInt(body.steps, 1, 150)) return invalid('steps', 'must be 1 to 150');
    let initSize: { width: number; height: number } | undefined;
    if (withImage) {
      const images = body.init_images;
      if (!Array.isArray(images) || typeof images[0] !== 'string') return invalid('init_images', 'a list of base64 images is required');
      initSize = await sizeOf(Buffer.from(images[0].replace(/^data:image\/\w+;base64,/, ''), 'base64')).catch(() => undefined);
      if (!initSize?.width) return { status: 500, body: { error: 'UnidentifiedImageError', detail: '', body: '', errors: 'cannot identify image file' } };
      const strength = body.denoising_strength;
      if (typeof strength !== 'number' || strength < 0 || strength > 1) return invalid('denoising_strength', 'must be from 0 to 1');
    }
    const override = (body.override_settings ?? {}) as Record<string, unknown>;
    const wanted = override.sd_model_checkpoint;
    if (wanted !== undefined) {
      const found = options.checkpoints.find((c) => c.title === wanted || c.model_name === wanted);
      if (!found) return { status: 500, body: { error: 'RuntimeError', detail: '', body: '', errors: `checkpoint ${String(wanted)} not found` } };
      if (body.override_settings_restore_afterwards === false) loaded = found.title;
    }
    const checkpoint = typeof wanted === 'string' ? wanted : loaded;
    const seed = body.seed === undefined || body.seed === -1 ? randomInt(1, 2 ** 32 - 1) : (body.seed as number);
    const png = await fakePicture(body.width as number, body.height as number, `${checkpoint}|${body.prompt}|${body.negative_prompt}|${seed}|${body.denoising_strength}`);
    const { init_images: _, ...parameters } = body;
    return {
      body: {
        images: [png.toString('base64')],
        parameters,
        info: JSON.stringify({ prompt: body.prompt, seed, all_seeds: [seed], sd_model_name: checkpoint, width: body.width, height: body.height }),
      },
    };
  }

  const fake = await startFakeServer((req) => {
    if (options.auth && req.headers.authorization !== `Basic ${Buffer.from(options.auth).toString('base64')}`) {
      return { status: 401, headers: { 'WWW-Authenticate': 'Basic' }, body: { detail: 'Incorrect username or password' } };
    }
    if (req.method === 'GET' && req.path === '/sdapi/v1/sd-models') {
      return { body: options.checkpoints.map((c) => ({ ...c, hash: 'abcd1234', sha256: null, filename: `/models/${c.model_name}.safetensors`, config: null })) };
    }
    if (req.method === 'GET' && req.path === '/sdapi/v1/options') return { body: { sd_model_checkpoint: loaded, samples_format: 'png' } };
    if (req.method === 'POST' && req.path === '/sdapi/v1/txt2img') return render(req, false);
    if (req.method === 'POST' && req.path === '/sdapi/v1/img2img') return render(req, true);
    return { status: 404, body: { detail: 'Not Found' } };
  });
  return { ...fake, loaded: () => loaded };
}
