/**
 * Image-to-video for the local engine: a camera move over the still (zoom, pan, and a parallax
 * shear that moves the lower part of the frame more), encoded as H.264 in an MP4 that browsers
 * play, index first so playback starts while it downloads. A larger motion bucket moves further;
 * a lower cfg scale adds a gentle sway.
 */
import HME from 'h264-mp4-encoder';
import { createRandom } from '../art/random';
import type { Raster } from '../art/raster';
import { moveMoovToFront } from './faststart';
import { FRAME_RATE, type MotionOptions, VIDEO_SECONDS } from './video-options';

const ease = (t: number): number => t * t * (3 - 2 * t);

/**
 * `source` must be OVERSCAN times the frame size; frames are drawn and encoded one at a time.
 * Runs in a render worker (see render-pool.ts): it holds its thread for the whole render.
 */
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
  const yuv = new Uint8Array((width * height * 3) / 2);
  try {
    for (let f = 0; f < frames; f++) {
      const t = ease(f / (frames - 1));
      const zoom = 1 + motion * 0.25 * (zoomIn ? t : 1 - t);
      const centerX = source.width / 2 + Math.cos(angle) * pan * (t - 0.5) * 2;
      const centerY = source.height / 2 + Math.sin(angle) * pan * (t - 0.5);
      drawFrame(source, yuv, width, height, (x, y) => {
        const v = y / height;
        const parallax = shear * (v - 0.5) * (t - 0.5) * 2;
        const swaying = sway * Math.sin(v * 12 + t * Math.PI * 2);
        return [centerX + (x - width / 2) / zoom + parallax + swaying, centerY + (y - height / 2) / zoom];
      });
      encoder.addFrameYuv(yuv);
    }
    encoder.finalize();
    const bytes = encoder.FS.readFile(encoder.outputFilename);
    encoder.FS.unlink(encoder.outputFilename);
    return moveMoovToFront(bytes);
  } finally {
    encoder.delete();
  }
}

/**
 * Fills `out` with one frame in YUV 4:2:0 (BT.601, video range: what H.264 decoders assume),
 * sampling `source` bilinearly where `map` sends each row's ends. Handing the encoder YUV instead
 * of RGBA moves 1.5 bytes a pixel into it rather than 4, and spares it the conversion.
 */
function drawFrame(
  source: Raster,
  out: Uint8Array,
  width: number,
  height: number,
  map: (x: number, y: number) => [number, number],
): void {
  const { data, width: sw, height: sh } = source;
  const uPlane = width * height;
  const vPlane = uPlane + (width / 2) * (height / 2);
  for (let y = 0; y < height; y++) {
    // The mapping is affine along a row, so two samples give every pixel's source position.
    const [ax, ay] = map(0, y);
    const [bx, by] = map(width, y);
    const stepX = (bx - ax) / width;
    const stepY = (by - ay) / width;
    const chromaRow = (y & 1) === 0 ? (y >> 1) * (width >> 1) : -1;
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
      const rTop = data[i] + (data[i + 3] - data[i]) * fx;
      const gTop = data[i + 1] + (data[i + 4] - data[i + 1]) * fx;
      const bTop = data[i + 2] + (data[i + 5] - data[i + 2]) * fx;
      const r = rTop + (data[j] + (data[j + 3] - data[j]) * fx - rTop) * fy;
      const g = gTop + (data[j + 1] + (data[j + 4] - data[j + 1]) * fx - gTop) * fy;
      const b = bTop + (data[j + 2] + (data[j + 5] - data[j + 2]) * fx - bTop) * fy;
      out[y * width + x] = 16 + 0.257 * r + 0.504 * g + 0.098 * b;
      if (chromaRow >= 0 && (x & 1) === 0) {
        const k = chromaRow + (x >> 1);
        out[uPlane + k] = 128 - 0.148 * r - 0.291 * g + 0.439 * b;
        out[vPlane + k] = 128 + 0.439 * r - 0.368 * g - 0.071 * b;
      }
    }
  }
}
