/**
 * A fake ComfyUI server: /object_info for the checkpoint list, /upload/image, POST /prompt
 * validating an API-format graph node by node as ComfyUI does, /history/{id} empty until the
 * run is done, and /view for the saved picture. A prompt with "explode" fails at run time.
 */
import { randomUUID } from 'node:crypto';
import { fakePicture, sizeOf } from './fake-media';
import { type FakeAnswer, type FakeRequest, type FakeServer, readForm, readJsonBody, startFakeServer } from './fake-server';

type Node = { class_type: string; inputs: Record<string, unknown> };
type Check = (value: unknown, graph: Record<string, Node>) => string | undefined;

export interface FakeComfyUi extends FakeServer {
  /** Every graph queued, by prompt id. */
  graphs: Map<string, Record<string, Node>>;
  uploads: Map<string, Buffer>;
}

const SAMPLERS = ['euler', 'euler_ancestral', 'dpmpp_2m', 'ddim'];
const SCHEDULERS = ['normal', 'karras', 'simple'];

const link: Check = (value, graph) =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && value[0] in graph && Number.isInteger(value[1])
    ? undefined
    : 'must link to another node: ["<node id>", <output index>]';
const int = (min: number, max: number, step = 1): Check => (value) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max && (value as number) % step === 0
    ? undefined
    : `must be a whole number from ${min} to ${max}${step > 1 ? `, a multiple of ${step}` : ''}`;
const float = (min: number, max: number): Check => (value) =>
  typeof value === 'number' && value >= min && value <= max ? undefined : `must be a number from ${min} to ${max}`;
const text: Check = (value) => (typeof value === 'string' ? undefined : 'must be text');
const oneOf = (values: () => string[]): Check => (value) =>
  typeof value === 'string' && values().includes(value) ? undefined : `value not in list: ${String(value)}`;

export async function startFakeComfyUi(options: { checkpoints: string[]; newComboFormat?: boolean; pollsBeforeDone?: number }): Promise<FakeComfyUi> {
  const uploads = new Map<string, Buffer>();
  const outputs = new Map<string, Buffer>();
  const graphs = new Map<string, Record<string, Node>>();
  const runs = new Map<string, { polls: number; saveNode: string; filename: string; error?: string }>();

  const NODES: Record<string, Record<string, Check>> = {
    CheckpointLoaderSimple: { ckpt_name: oneOf(() => options.checkpoints) },
    CLIPTextEncode: { text, clip: link },
    EmptyLatentImage: { width: int(16, 16384, 8), height: int(16, 16384, 8), batch_size: int(1, 4096) },
    LoadImage: { image: oneOf(() => [...uploads.keys()]) },
    VAEEncode: { pixels: link, vae: link },
    KSampler: {
      seed: int(0, Number.MAX_SAFE_INTEGER),
      steps: int(1, 10000),
      cfg: float(0, 100),
      sampler_name: oneOf(() => SAMPLERS),
      scheduler: oneOf(() => SCHEDULERS),
      denoise: float(0, 1),
      model: link,
      positive: link,
      negative: link,
      latent_image: link,
    },
    VAEDecode: { samples: link, vae: link },
    SaveImage: { images: link, filename_prefix: text },
  };

  async function queue(req: FakeRequest): Promise<FakeAnswer> {
    const body = readJsonBody(req) as { prompt?: unknown; client_id?: unknown } | undefined;
    const graph = body?.prompt as Record<string, Node> | undefined;
    if (!graph || typeof graph !== 'object') return { status: 400, body: { error: { type: 'no_prompt', message: 'No prompt provided', details: '' }, node_errors: {} } };
    const nodeErrors: Record<string, unknown> = {};
    for (const [id, node] of Object.entries(graph)) {
      const checks = NODES[node?.class_type];
      if (!checks) {
        return { status: 400, body: { error: { type: 'invalid_prompt', message: `Cannot execute because node ${node?.class_type} does not exist.`, details: `Node ID '#${id}'` }, node_errors: {} } };
      }
      const errors = Object.entries(checks)
        .map(([input, check]) => [input, check(node.inputs?.[input], graph)] as const)
        .filter(([, error]) => error)
        .map(([input, error]) => ({ type: 'invalid_input', message: `${input} ${error}`, details: input }));
      if (errors.length) nodeErrors[id] = { errors, class_type: node.class_type };
    }
    const saveNode = Object.keys(graph).find((id) => graph[id].class_type === 'SaveImage');
    if (!saveNode) return { status: 400, body: { error: { type: 'prompt_no_outputs', message: 'Prompt has no outputs', details: '' }, node_errors: {} } };
    if (Object.keys(nodeErrors).length) {
      return { status: 400, body: { error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '' }, node_errors: nodeErrors } };
    }
    const id = randomUUID();
    graphs.set(id, graph);
    const nodes = Object.values(graph);
    const latent = nodes.find((n) => n.class_type === 'EmptyLatentImage');
    const loaded = nodes.find((n) => n.class_type === 'LoadImage');
    const size = latent
      ? { width: latent.inputs.width as number, height: latent.inputs.height as number }
      : await sizeOf(uploads.get(loaded!.inputs.image as string)!);
    const words = nodes.filter((n) => n.class_type === 'CLIPTextEncode').map((n) => n.inputs.text).join('|');
    const sampler = nodes.find((n) => n.class_type === 'KSampler');
    const filename = `aiart_${String(outputs.size + 1).padStart(5, '0')}_.png`;
    outputs.set(filename, await fakePicture(size.width, size.height, `${words}|${sampler?.inputs.seed}|${sampler?.inputs.denoise}`));
    runs.set(id, { polls: 0, saveNode, filename, error: words.includes('explode') ? 'Allocation on device 0 would exceed allowed memory. (out of memory)' : undefined });
    return { body: { prompt_id: id, number: runs.size, node_errors: {} } };
  }

  function history(id: string): FakeAnswer {
    const run = runs.get(id);
    if (!run || run.polls++ < (options.pollsBeforeDone ?? 2)) return { body: {} };
    if (run.error) {
      const messages = [['execution_start', { prompt_id: id }], ['execution_error', { prompt_id: id, node_type: 'KSampler', exception_message: run.error }]];
      return { body: { [id]: { prompt: [], outputs: {}, status: { status_str: 'error', completed: false, messages } } } };
    }
    const images = [{ filename: run.filename, subfolder: '', type: 'output' }];
    return { body: { [id]: { prompt: [], outputs: { [run.saveNode]: { images } }, status: { status_str: 'success', completed: true, messages: [] } } } };
  }

  const fake = await startFakeServer(async (req) => {
    if (req.method === 'GET' && req.path === '/object_info/CheckpointLoaderSimple') {
      const spec = options.newComboFormat ? ['COMBO', { options: options.checkpoints }] : [options.checkpoints, { tooltip: 'The checkpoint to load.' }];
      return { body: { CheckpointLoaderSimple: { input: { required: { ckpt_name: spec } }, output: ['MODEL', 'CLIP', 'VAE'], name: 'CheckpointLoaderSimple' } } };
    }
    if (req.method === 'POST' && req.path === '/upload/image') {
      const form = await readForm(req);
      const file = form?.files.image;
      if (!form || !file) return { status: 400, body: 'image is required' };
      if (!['input', 'temp', 'output'].includes(form.fields.type ?? 'input')) return { status: 400, body: 'bad type' };
      uploads.set(file.name, file.bytes);
      return { body: { name: file.name, subfolder: '', type: form.fields.type ?? 'input' } };
    }
    if (req.method === 'POST' && req.path === '/prompt') return queue(req);
    const historyMatch = req.path.match(/^\/history\/([^/]+)$/);
    if (req.method === 'GET' && historyMatch) return history(historyMatch[1]);
    if (req.method === 'GET' && req.path === '/view') {
      const file = req.query.get('type') === 'output' && !req.query.get('subfolder') ? outputs.get(req.query.get('filename') ?? '') : undefined;
      return file ? { headers: { 'Content-Type': 'image/png' }, body: file } : { status: 404, body: '404: Not Found' };
    }
    return { status: 404, body: '404: Not Found' };
  });
  return { ...fake, graphs, uploads };
}
