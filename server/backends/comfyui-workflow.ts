/**
 * A creator's own ComfyUI workflow, in ComfyUI's API format, with placeholders the engine fills:
 * {{prompt}}, {{negative_prompt}}, {{seed}}, {{width}}, {{height}}, {{strength}} and {{image}}.
 * An input that is exactly one number placeholder becomes a number; text placeholders may sit
 * inside longer text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type ComfyGraph = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

export interface WorkflowValues {
  prompt: string;
  negative_prompt: string;
  seed: number;
  width: number;
  height: number;
  strength: number;
  /** The uploaded picture's name on the ComfyUI server, for image to image. */
  image?: string;
}

const PLACEHOLDER = /\{\{(prompt|negative_prompt|seed|width|height|strength|image)\}\}/g;

function isComfyGraph(value: unknown): value is ComfyGraph {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const nodes = Object.values(value);
  return (
    nodes.length > 0 &&
    nodes.every(
      (node) =>
        typeof node === 'object' && node !== null && typeof node.class_type === 'string' && typeof node.inputs === 'object' && node.inputs !== null,
    )
  );
}

/** Reads and checks a workflow file at start; `source` names where its path came from. */
export function loadWorkflow(file: string, source: string): { name: string; graph: ComfyGraph } {
  let graph: unknown;
  try {
    graph = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not valid JSON';
    throw new Error(`${source} names ${file}: ${reason}`, { cause: error });
  }
  const editorFormat = typeof graph === 'object' && graph !== null && 'nodes' in graph && 'links' in graph;
  if (editorFormat) throw new Error(`${source} names ${file}, an editor workflow: export it from ComfyUI with "Save (API Format)"`);
  if (!isComfyGraph(graph)) throw new Error(`${source} names ${file}, which is not an API-format graph of { class_type, inputs } nodes`);
  if (!JSON.stringify(graph).includes('{{prompt}}')) throw new Error(`${source} names ${file}, which has no {{prompt}} placeholder`);
  const name = path.basename(file).replace(/\.json$/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'workflow';
  return { name, graph };
}

export const workflowTakesImage = (graph: ComfyGraph): boolean => JSON.stringify(graph).includes('{{image}}');

function fill(value: unknown, values: WorkflowValues): unknown {
  if (typeof value === 'string') {
    const whole = value.match(/^\{\{(seed|width|height|strength)\}\}$/);
    if (whole) return values[whole[1] as 'seed'];
    return value.replace(PLACEHOLDER, (_, key: keyof WorkflowValues) => String(values[key] ?? ''));
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, values));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values)]));
  }
  return value;
}

export const fillWorkflow = (graph: ComfyGraph, values: WorkflowValues): ComfyGraph => fill(graph, values) as ComfyGraph;
