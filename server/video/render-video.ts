/**
 * Image-to-video for the local engine: a camera move over the still (zoom, pan, and a parallax
 * shear that moves the lower part of the frame more), encoded as H.264 in an MP4 that browsers
 * play. A larger motion bucket moves further; a lower cfg scale adds a gentle sway.
 */
import HME from 'h264-mp4-encoder';
import { createRandom } from '../art/random';
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

const ease = (t: number): number => t * t * (3 - 2 * t);
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `source` must be OVERSCAN times the frame size; frames are drawn and encoded one at a time. */
export async function renderVideo(
  source: Raster,
  frame: { width: number; height: number },
  options: MotionOptions,
): Promise<Uint8Array> {
  const { width, height } = frame;
  const random = createRandom(options.seed);
  const motion = options.motionBucketId / 255;
  const angle = random() * Math.PI * 2;
  const zoomIn = random() < 0.5;
  const pan = motion * 0.1 * width;
  const shear = motion * 0.04 * width;
  const sway = ((10 - options.cfgScale) / 10) * motion * 3;
  const frames = FRAME_RATE * VIDEO_SECONDS;

  const encoder = await HME.createH264MP4Encoder();
  encoder.outputFilename = `video-${options.seed}-${Math.floor(random() * 1e9)}.mp4`;
  encoder.width = width;
  encoder.height = height;
  encoder.frameRate = FRAME_RATE;
  encoder.speed = 10;
  encoder.quantizationParameter = 26;
  encoder.groupOfPictures = FRAME_RATE;
  encoder.initialize();
  const rgba = new Uint8Array(width * height * 4).fill(255);
  try {
    for (let f = 0; f < frames; f++) {
      const t = ease(f / (frames - 1));
      const zoom = 1 + motion * 0.25 * (zoomIn ? t : 1 - t);
      const centerX = source.width / 2 + Math.cos(angle) * pan * (t - 0.5) * 2;
      const centerY = source.height / 2 + Math.sin(angle) * pan * (t - 0.5);
      drawFrame(source, rgba, width, height, (x, y) => {
        const v = y / height;
        const parallax = shear * (v - 0.5) * (t - 0.5) * 2;
        const swaying = sway * Math.sin(v * 12 + t * Math.PI * 2);
        return [centerX + (x - width / 2) / zoom + parallax + swaying, centerY + (y - height / 2) / zoom];
      });
      encoder.addFrameRgba(rgba);
      await nextTurn();
    }
    encoder.finalize();
    const bytes = encoder.FS.readFile(encoder.outputFilename);
    encoder.FS.unlink(encoder.outputFilename);
    return bytes;
  } finally {
    encoder.delete();
  }
}

/** Fills `out` (RGBA) by sampling `source` bilinearly where `map` sends each row's ends. */
function drawFrame(
  source: Raster,
  out: Uint8Array,
  width: number,
  height: number,
  map: (x: number, y: number) => [number, number],
): void {
  const { data, width: sw, height: sh } = source;
  for (let y = 0; y < height; y++) {
    // The mapping is affine along a row, so two samples give every pixel's source position.
    const [ax, ay] = map(0, y);
    const [bx, by] = map(width, y);
    const stepX = (bx - ax) / width;
    const stepY = (by - ay) / width;
    let sx = ax;
    let sy = ay;
    for (let x = 0; x < width; x++, sx += stepX, sy += stepY) {
      const cx = sx < 0 ? 0 : sx > sw - 1.001 ? sw - 1.001 : sx;
      const cy = sy < 0 ? 0 : sy > sh - 1.001 ? sh - 1.001 : sy;
      const x0 = cx | 0;
      const y0 = cy | 0;
      const fx = cx - x0;
      const fy = cy - y0;
      const i = (y0 * sw + x0) * 3;
      const j = i + sw * 3;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const top = data[i + c] + (data[i + 3 + c] - data[i + c]) * fx;
        const bottom = data[j + c] + (data[j + 3 + c] - data[j + c]) * fx;
        out[o + c] = top + (bottom - top) * fy;
      }
    }
  }
}
