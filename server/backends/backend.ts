/**
 * What every image backend implements, and the shapes that cross between it and the routes.
 * The routes validate the contract, pick a backend by the request's model, and store what it
 * returns; a backend only speaks its own upstream's API.
 */
import { ASPECT_RATIOS, type AspectRatio, type EngineModel, type Operation, type OutputFormat, type StylePreset } from '../../src/api/contract';
import type { CheckedImage } from '../upload/decode-image';

export interface ImageJob {
  /** The backend's own model name (the part after `backend:`); undefined when it has none. */
  model?: string;
  prompt: string;
  negativePrompt: string;
  stylePreset?: StylePreset;
  aspectRatio: AspectRatio;
  /** Wanted format: a backend may answer another, which the routes convert. */
  outputFormat: OutputFormat;
  /** Never 0: the routes pick a random seed first, so every backend that takes one reports it. */
  seed: number;
}

export interface TransformJob extends ImageJob {
  image: Buffer;
  checked: CheckedImage;
  strength: number;
}

export interface VideoJobInput {
  model?: string;
  image: Buffer;
  checked: CheckedImage;
  seed: number;
  cfgScale: number;
  motionBucketId: number;
  /** The studio session asking, for backends whose upstream keys jobs by session. */
  clientId: string;
  /** Called when a render inside the engine leaves its queue and starts drawing. */
  onRendering?(): void;
}

export interface BackendImage {
  /** PNG, JPEG or WEBP bytes as the upstream answered them: the routes check and convert. */
  bytes: Buffer;
  /** The seed the upstream used, when it takes seeds. */
  seed?: number;
}

export type VideoProgress =
  | { state: 'running' }
  | { state: 'complete'; bytes: Buffer; finishReason: string; seed?: number }
  | { state: 'failed'; error: string };

/**
 * A started video. An upstream job is polled with its `ticket` whenever the studio polls;
 * a render inside the engine reports through `settled` instead, and has no ticket.
 */
export type VideoStart = { ticket: string } | { settled: Promise<Exclude<VideoProgress, { state: 'running' }>> };

/** Capabilities of one model, as /engine.json lists them (the id is `backend:name`). */
export type ModelOffer = Omit<EngineModel, 'id' | 'backend'> & { name: string };

/** A model that honours every control, every ratio and batches of four, but for `differences`. */
export function modelOffer(name: string, label: string, operations: Operation[], differences: Partial<ModelOffer> = {}): ModelOffer {
  return {
    name,
    label,
    operations,
    aspectRatios: [...ASPECT_RATIOS],
    stylePresets: true,
    negativePrompt: true,
    seed: true,
    strength: operations.includes('image-to-image'),
    maxBatch: 4,
    ...differences,
  };
}

export interface Backend {
  /** The `backend` part of model ids: lower-case letters, digits and dashes. */
  readonly id: string;
  /** Named for people, in errors too: "AUTOMATIC1111", "Stability AI". */
  readonly label: string;
  /** Its models, best first; may ask the upstream (the registry caches the answer). */
  listModels(): Promise<ModelOffer[]>;
  generate(job: ImageJob): Promise<BackendImage>;
  transform(job: TransformJob): Promise<BackendImage>;
  startVideo?(input: VideoJobInput): Promise<VideoStart>;
  videoResult?(ticket: string): Promise<VideoProgress>;
}
