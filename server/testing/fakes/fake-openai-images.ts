/**
 * A fake OpenAI-compatible images API: Bearer key, /v1/models, /v1/images/generations (JSON) and
 * /v1/images/edits (multipart), answering b64_json or a `url` it serves itself, with OpenAI's
 * `{ error: { message, type, code } }` errors. A prompt with "forbidden" is refused by its safety
 * system. A wrong key is echoed back whole in the error, so tests can prove it is never passed on.
 */
import { randomBytes } from 'node:crypto';
import { fakePicture, sizeOf } from './fake-media';
import { type FakeAnswer, type FakeRequest, type FakeServer, readForm, readJsonBody, startFakeServer } from './fake-server';

export interface FakeImageModel {
  id: string;
  sizes: string[];
  /** How pictures come back: base64 in the JSON, or a link to fetch. */
  answer: 'b64_json' | 'url';
  edits: boolean;
}

export const OPENAI_MODELS: FakeImageModel[] = [
  { id: 'gpt-image-1', sizes: ['1024x1024', '1536x1024', '1024x1536', 'auto'], answer: 'b64_json', edits: true },
  { id: 'dall-e-3', sizes: ['1024x1024', '1792x1024', '1024x1792'], answer: 'url', edits: false },
];

const error = (status: number, message: string, type: string, code: string | null, param: string | null = null): FakeAnswer => ({
  status,
  body: { error: { message, type, param, code } },
});

export async function startFakeOpenAiImages(options: { key: string; models?: FakeImageModel[]; extraListed?: string[] }): Promise<FakeServer> {
  const models = options.models ?? OPENAI_MODELS;
  const files = new Map<string, Buffer>();
  let base = '';

  async function answer(model: FakeImageModel, size: string, key: string): Promise<FakeAnswer> {
    const [width, height] = (size === 'auto' ? '1024x1024' : size).split('x').map(Number);
    const png = await fakePicture(width, height, key);
    if (model.answer === 'b64_json') return { body: { created: 1_700_000_000, data: [{ b64_json: png.toString('base64') }] } };
    const name = `${randomBytes(8).toString('hex')}.png`;
    files.set(name, png);
    return { body: { created: 1_700_000_000, data: [{ url: `${base}/files/${name}`, revised_prompt: 'a revised prompt' }] } };
  }

  function check(fields: Record<string, unknown>, allowed: string[]): { model: FakeImageModel; size: string } | FakeAnswer {
    const extra = Object.keys(fields).find((name) => !allowed.includes(name));
    if (extra) return error(400, `Unknown parameter: '${extra}'.`, 'invalid_request_error', 'unknown_parameter', extra);
    const model = models.find((m) => m.id === fields.model);
    if (!model) return error(400, `The model '${String(fields.model)}' does not exist.`, 'invalid_request_error', 'model_not_found', 'model');
    if (typeof fields.prompt !== 'string' || !fields.prompt) return error(400, "Missing required parameter: 'prompt'.", 'invalid_request_error', 'missing_required_parameter', 'prompt');
    if (fields.n !== undefined && Number(fields.n) !== 1) return error(400, 'This fake draws one picture a request (n=1).', 'invalid_request_error', null, 'n');
    const size = String(fields.size ?? '1024x1024');
    if (!model.sizes.includes(size)) return error(400, `Invalid size '${size}'. Supported sizes are ${model.sizes.join(', ')}.`, 'invalid_request_error', null, 'size');
    if (fields.prompt.includes('forbidden')) {
      return error(400, 'Your request was rejected as a result of our safety system.', 'image_generation_user_error', model.id.startsWith('gpt-image') ? 'moderation_blocked' : 'content_policy_violation');
    }
    return { model, size };
  }

  async function handle(req: FakeRequest): Promise<FakeAnswer> {
    if (req.method === 'GET' && req.path.startsWith('/files/')) {
      const file = files.get(req.path.slice('/files/'.length));
      return file ? { headers: { 'Content-Type': 'image/png' }, body: file } : { status: 404, body: 'not found' };
    }
    const given = req.headers.authorization?.replace(/^Bearer /, '');
    if (given !== options.key) {
      return error(401, `Incorrect API key provided: ${given ?? ''}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', 'invalid_api_key');
    }
    if (req.method === 'GET' && req.path === '/v1/models') {
      const ids = [...models.map((m) => m.id), ...(options.extraListed ?? [])];
      return { body: { object: 'list', data: ids.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' })) } };
    }
    if (req.method === 'POST' && req.path === '/v1/images/generations') {
      const body = readJsonBody(req);
      if (!body || typeof body !== 'object') return error(400, 'The body must be JSON.', 'invalid_request_error', null);
      const checked = check(body as Record<string, unknown>, ['model', 'prompt', 'n', 'size', 'quality', 'style', 'response_format', 'output_format', 'background', 'user']);
      if (!('model' in checked)) return checked;
      return answer(checked.model, checked.size, `${checked.model.id}|${(body as { prompt: string }).prompt}`);
    }
    if (req.method === 'POST' && req.path === '/v1/images/edits') {
      const form = await readForm(req);
      if (!form) return error(400, 'Edits take multipart/form-data.', 'invalid_request_error', null);
      const checked = check(form.fields, ['model', 'prompt', 'n', 'size', 'quality', 'response_format', 'output_format', 'background', 'user']);
      if (!('model' in checked)) return checked;
      if (!checked.model.edits) return error(400, `The model '${checked.model.id}' does not support image edits.`, 'invalid_request_error', null, 'model');
      const image = form.files.image;
      const size = image && (await sizeOf(image.bytes).catch(() => undefined));
      if (!image || !size?.width || !['png', 'jpeg', 'webp'].includes(size.format)) {
        return error(400, "Invalid 'image': upload a PNG, JPEG or WEBP file.", 'invalid_request_error', null, 'image');
      }
      return answer(checked.model, checked.size, `${checked.model.id}|edit|${form.fields.prompt}|${size.width}x${size.height}`);
    }
    return error(404, `Invalid URL (${req.method} ${req.path})`, 'invalid_request_error', null);
  }

  const fake = await startFakeServer(handle);
  base = fake.url;
  return fake;
}
