/**
 * What a video render is asked for, shared by the route that queues it and the worker that draws
 * it, kept apart from the encoder so the engine's own thread never loads the encoder package.
 */
import type { Raster } from '../art/raster';

export const FRAME_RATE = 24;
export const VIDEO_SECONDS = 3;
/** The still is decoded this much larger than the frame, to leave room for the camera to move. */
export const OVERSCAN = 1.3;

export interface MotionOptions {
  seed: number;
  cfgScale: number;
  motionBucketId: number;
}

export interface RenderRequest {
  /** OVERSCAN times the frame size. */
  source: Raster;
  frame: { width: number; height: number };
  motion: MotionOptions;
}
