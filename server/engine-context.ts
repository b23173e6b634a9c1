/** What every route handler shares: settings, backends, file and job stores, and the hosted quirks. */
import { randomInt } from 'node:crypto';
import { MAX_SEED } from '../src/api/contract';
import type { BackendRegistry } from './backends/registry';
import type { EngineConfig } from './config';
import type { JobStore } from './jobs/job-store';
import type { MediaStore } from './media/media-store';
import type { Quirks } from './quirks/hosted-quirks';
import type { RenderPool } from './video/render-pool';

export interface EngineContext {
  config: EngineConfig;
  /** Every backend and its models; routes pick one per request. */
  backends: BackendRegistry;
  media: MediaStore;
  jobs: JobStore;
  quirks: Quirks;
  /** Background video jobs (queued or rendering), awaited on shutdown. */
  renders: Set<Promise<void>>;
  /** The worker threads that render videos, a capped number at once. */
  renderPool: RenderPool;
}

/** Seed 0 asks for a random one; the one used is always reported back. */
export const resolveSeed = (seed: number): number => seed || randomInt(1, MAX_SEED + 1);
