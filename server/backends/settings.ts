/** The settings of each configured backend, as read from the environment and the backends file. */
import type { Operation } from '../../src/api/contract';
import type { ComfyGraph } from './comfyui-workflow';

/** A secret and the environment variable it came from: errors name the variable, never the value. */
export interface Secret {
  value: string;
  variable: string;
}

export interface ConfiguredModel {
  id: string;
  label?: string;
  operations?: Operation[];
}

interface CommonSettings {
  id: string;
  label: string;
  /** Base URL without a trailing slash. */
  url: string;
  /** The variable that set `url`, for messages such as "check AIART_A1111_URL". */
  urlVariable: string;
  timeoutMs: number;
  maxBatch?: number;
}

export type BackendSettings =
  | (CommonSettings & { kind: 'aiart' })
  | (CommonSettings & { kind: 'stability'; key: Secret })
  | (CommonSettings & { kind: 'automatic1111'; auth?: Secret })
  | (CommonSettings & { kind: 'comfyui'; workflow?: { name: string; graph: ComfyGraph } })
  | (CommonSettings & { kind: 'openai'; key: Secret; models?: ConfiguredModel[] });

export type BackendKind = BackendSettings['kind'];

/** Backends that spend the owner's money with each request. */
export const PAID_KINDS: readonly BackendKind[] = ['stability', 'openai'];

/** One line for the start banner: the backends in the order they are tried, never their keys. */
export const backendsInUse = (settings: readonly BackendSettings[]): string =>
  [...settings.map((s) => `${s.label} at ${s.url}`), 'the local preview engine (procedural art, not an AI model)'].join(', then ');
