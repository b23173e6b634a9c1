/**
 * ComfyUI: the `prompt` text holds the API graph, `{ "<node id>": { class_type, inputs } }`,
 * where an input is a value or a link `["<node id>", <output>]`. The settings are found by
 * following links from the sampler that feeds the saved image: its positive and negative inputs
 * back to the nodes holding their text, its latent back to an empty latent (the size) or to an
 * encoded picture (image to image, where denoise is the strength), its model back to a loader.
 */
import type { FormatReader } from '../found-settings';
import { asObject } from '../safe-json';
import { failed, jsonObject, labelValue, numberValue, seedValue, sizeValue, textValue } from '../settings-values';

type Graph = Record<string, unknown>;
interface GraphNode {
  type: string;
  inputs: Record<string, unknown>;
}

/** Links are followed at most this far, so a cyclic or very deep graph ends. */
const MAX_HOPS = 32;
const TEXT_INPUTS = ['text', 'text_g', 'text_l', 'prompt', 'string', 'value', 'text_positive', 'positive_prompt'];
/** Inputs a conditioning chain runs through; a text node is found behind one of them. */
const SKIP_INPUTS = new Set(['clip', 'model', 'vae', 'clip_vision', 'control_net', 'image', 'mask', 'pixels']);

function nodeOf(graph: Graph, id: unknown): GraphNode | undefined {
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  const node = asObject(graph[String(id)]);
  return typeof node.class_type === 'string' ? { type: node.class_type, inputs: asObject(node.inputs) } : undefined;
}

const isLink = (value: unknown): value is [string | number, number] => Array.isArray(value) && value.length === 2 && typeof value[1] === 'number';
const follow = (graph: Graph, value: unknown) => (isLink(value) ? nodeOf(graph, value[0]) : undefined);

/** A plain value behind an input: the input itself, or a primitive node's value it links to. */
function valueOf(graph: Graph, value: unknown, hops = 0): unknown {
  if (!isLink(value)) return value;
  const node = follow(graph, value);
  if (!node || hops >= MAX_HOPS) return undefined;
  const inner = ['value', 'seed', 'noise_seed', 'int', 'float', 'string', 'text'].map((name) => node.inputs[name]).find((v) => v !== undefined);
  return valueOf(graph, inner, hops + 1);
}

/** The prompt text behind a conditioning input. */
function textBehind(graph: Graph, value: unknown, hops = 0, seen = new Set<string>()): string | undefined {
  const node = follow(graph, value);
  const id = isLink(value) ? String(value[0]) : '';
  if (!node || hops >= MAX_HOPS || seen.has(id)) return undefined;
  seen.add(id); // Each node once: a graph whose links form a web stays linear to walk.
  for (const name of TEXT_INPUTS) {
    const input = node.inputs[name];
    if (typeof input === 'string') return input;
    const linked = isLink(input) ? valueOf(graph, input) : undefined;
    if (typeof linked === 'string') return linked;
  }
  for (const [name, input] of Object.entries(node.inputs)) {
    if (SKIP_INPUTS.has(name) || !isLink(input)) continue;
    const text = textBehind(graph, input, hops + 1, seen);
    if (text !== undefined) return text;
  }
  return undefined;
}

const isSampler = (node: GraphNode) => 'positive' in node.inputs && 'negative' in node.inputs && ('seed' in node.inputs || 'noise_seed' in node.inputs);

/** The sampler the saved image comes from, else any sampler in the graph. */
function findSampler(graph: Graph): GraphNode | undefined {
  const nodes = Object.keys(graph).slice(0, 10_000).flatMap((id) => nodeOf(graph, id) ?? []);
  for (const output of nodes.filter((node) => /^(SaveImage|PreviewImage)/.test(node.type))) {
    let node = follow(graph, output.inputs.images);
    for (let hops = 0; node && hops < MAX_HOPS && !isSampler(node); hops++) node = follow(graph, node.inputs.samples ?? node.inputs.image ?? node.inputs.images);
    if (node && isSampler(node)) return node;
  }
  return nodes.find(isSampler);
}

/** Where the sampler's latent comes from: an empty latent's size, or a picture (image to image). */
function latentSource(graph: Graph, sampler: GraphNode): { width?: number; height?: number; fromPicture: boolean } {
  let node = follow(graph, sampler.inputs.latent_image);
  for (let hops = 0; node && hops < MAX_HOPS; hops++) {
    if (node.type.startsWith('VAEEncode')) return { fromPicture: true };
    const size = sizeValue(valueOf(graph, node.inputs.width), valueOf(graph, node.inputs.height));
    if (size.width) return { ...size, fromPicture: false };
    node = follow(graph, node.inputs.samples ?? node.inputs.latent ?? node.inputs.latent_image);
  }
  return { fromPicture: false };
}

function modelName(graph: Graph, sampler: GraphNode): string | undefined {
  let node = follow(graph, sampler.inputs.model);
  for (let hops = 0; node && hops < MAX_HOPS; hops++) {
    const name = labelValue(valueOf(graph, node.inputs.ckpt_name ?? node.inputs.unet_name ?? node.inputs.model_name));
    if (name) return name;
    node = follow(graph, node.inputs.model);
  }
  return undefined;
}

export const readComfyUi: FormatReader = (texts) => {
  const text = texts.get('prompt');
  if (text === undefined || !text.trimStart().startsWith('{')) return undefined;
  const json = jsonObject(text, 'ComfyUI graph');
  if (!json.ok) return failed(json.problem);
  const graph = json.value;
  const sampler = findSampler(graph);
  if (!sampler) return undefined;
  const latent = latentSource(graph, sampler);
  const denoise = numberValue(valueOf(graph, sampler.inputs.denoise), 0, 1);
  return {
    ok: true,
    source: 'comfyui',
    found: {
      prompt: (textValue(textBehind(graph, sampler.inputs.positive)) ?? '').trim(),
      negativePrompt: (textValue(textBehind(graph, sampler.inputs.negative)) ?? '').trim(),
      seed: seedValue(valueOf(graph, sampler.inputs.seed ?? sampler.inputs.noise_seed)),
      width: latent.width,
      height: latent.height,
      model: modelName(graph, sampler),
      sampler: labelValue(valueOf(graph, sampler.inputs.sampler_name)),
      steps: numberValue(valueOf(graph, sampler.inputs.steps), 1, 10_000),
      cfgScale: numberValue(valueOf(graph, sampler.inputs.cfg), 0, 100),
      strength: latent.fromPicture && denoise !== undefined ? Math.round(denoise * 100) / 100 : undefined,
      fromPicture: latent.fromPicture,
    },
  };
};
