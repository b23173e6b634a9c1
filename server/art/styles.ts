/**
 * The look of each of the 17 style presets, applied after the scene is drawn. Every preset must
 * be recognisable at a glance: blocky pixels, black outlines on white, neon glow on black...
 */
import type { StylePreset } from '../../src/api/contract';
import {
  blurred,
  drawLines,
  edgeMap,
  grade,
  grain,
  pixelate,
  posterize,
  relief,
  screen,
  triangulate,
  vignette,
} from './filters';
import { createRaster, luminance, type Raster } from './raster';

type Style = (raster: Raster, random: () => number) => Raster;

const inPlace =
  (apply: (raster: Raster, random: () => number) => void): Style =>
  (raster, random) => {
    apply(raster, random);
    return raster;
  };

/** Replaces each pixel by ink or paper: dark lines where the picture has edges. */
function outline(raster: Raster, threshold: number, ink: number, keepColor: boolean): void {
  const edges = edgeMap(raster);
  const { data } = raster;
  for (let p = 0, i = 0; p < edges.length; p++, i += 3) {
    const line = edges[p] > threshold;
    if (line) {
      data[i] = ink;
      data[i + 1] = ink;
      data[i + 2] = ink;
    } else if (!keepColor) {
      data[i] = 250;
      data[i + 1] = 247;
      data[i + 2] = 240;
    }
  }
}

/** Comic print: ink dots whose size follows the darkness, on a cell grid. */
function halftone(raster: Raster, cell: number): void {
  const { width, height, data } = raster;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const darkness = 1 - luminance(data[i], data[i + 1], data[i + 2]) / 255;
      const dx = (x % cell) - cell / 2;
      const dy = (y % cell) - cell / 2;
      if (Math.hypot(dx, dy) < (cell / 2) * darkness * 0.9) {
        data[i] *= 0.55;
        data[i + 1] *= 0.55;
        data[i + 2] *= 0.55;
      }
    }
  }
}

function neon(raster: Raster): Raster {
  const edges = edgeMap(raster);
  const { width, height } = raster;
  const glow = createRaster(width, height);
  for (let p = 0, i = 0; p < edges.length; p++, i += 3) {
    const e = Math.min(1, edges[p] * 4);
    const y = Math.floor(p / width) / height;
    glow.data[i] = e * (255 - y * 200);
    glow.data[i + 1] = e * (40 + y * 215);
    glow.data[i + 2] = e * 255;
  }
  const base = raster;
  grade(base, { brightness: 0.25, saturation: 1.6, tint: [0.8, 0.5, 1.2] });
  screen(base, blurred(glow, 6), 1);
  screen(base, glow, 1);
  return base;
}

function tile(raster: Raster): Raster {
  const { width, height, data } = raster;
  const size = Math.round(Math.min(width, height) / 4);
  const out = createRaster(width, height);
  const sx = Math.floor(width / 2 - size / 2);
  const sy = Math.floor(height / 2 - size / 2);
  for (let y = 0; y < height; y++) {
    const ty = y % (2 * size);
    const mirroredY = ty < size ? ty : 2 * size - 1 - ty;
    for (let x = 0; x < width; x++) {
      const tx = x % (2 * size);
      const mirroredX = tx < size ? tx : 2 * size - 1 - tx;
      const from = ((sy + mirroredY) * width + sx + mirroredX) * 3;
      const to = (y * width + x) * 3;
      out.data[to] = data[from];
      out.data[to + 1] = data[from + 1];
      out.data[to + 2] = data[from + 2];
    }
  }
  return out;
}

function letterbox(raster: Raster): void {
  const { width, height, data } = raster;
  const bar = Math.round(height * 0.1);
  for (let y = 0; y < height; y++) {
    if (y >= bar && y < height - bar) continue;
    data.fill(8, y * width * 3, (y + 1) * width * 3);
  }
}

export const STYLES: Record<StylePreset, Style> = {
  '3d-model': inPlace((r) => {
    relief(blurredInto(r, 3), 10, 24);
    grade(r, { saturation: 1.2, contrast: 1.1 });
  }),
  'analog-film': inPlace((r, random) => {
    grade(r, { tint: [1.08, 1.0, 0.82], saturation: 0.8, contrast: 0.9, lift: 34 });
    grain(r, random, 46);
    vignette(r, 0.55);
  }),
  anime: inPlace((r) => {
    grade(r, { saturation: 1.45, brightness: 1.08 });
    posterize(r, 5);
    outline(r, 0.35, 30, true);
  }),
  cinematic: inPlace((r) => {
    grade(r, { contrast: 1.25, saturation: 0.85, tint: [1.08, 0.98, 0.9] });
    vignette(r, 0.6);
    letterbox(r);
  }),
  'comic-book': inPlace((r) => {
    grade(r, { saturation: 1.6, contrast: 1.3 });
    posterize(r, 4);
    halftone(r, 10);
    outline(r, 0.25, 0, true);
  }),
  'digital-art': inPlace((r) => {
    grade(r, { saturation: 1.5, contrast: 1.15 });
    screen(r, blurred(r, 10), 0.35);
  }),
  enhance: inPlace((r) => grade(r, { contrast: 1.2, saturation: 1.25, brightness: 1.04 })),
  'fantasy-art': inPlace((r, random) => {
    grade(r, { tint: [1.05, 0.85, 1.15], saturation: 1.3 });
    screen(r, blurred(r, 12), 0.5);
    sparkle(r, random);
  }),
  isometric: inPlace((r) => {
    posterize(r, 6);
    drawLines(r, 48, [255, 255, 255], (x, y, s) => (x + 2 * y) % s < 2 || (x - 2 * y + 100000 * s) % s < 2);
  }),
  'line-art': inPlace((r) => outline(r, 0.12, 20, false)),
  'low-poly': inPlace((r, random) => triangulate(r, 64, () => 0.85 + random() * 0.3)),
  'modeling-compound': inPlace((r) => {
    posterize(blurredInto(r, 4), 7);
    grade(r, { saturation: 1.3, lift: 20 });
    relief(r, 6, 4);
  }),
  'neon-punk': (r) => neon(r),
  origami: inPlace((r) => {
    grade(r, { saturation: 0.55, lift: 60 });
    triangulate(r, 110, (index) => (index % 2 === 0 ? 1.08 : 0.82));
  }),
  photographic: inPlace((r) => {
    grade(r, { contrast: 1.08, saturation: 1.05 });
    vignette(r, 0.25);
  }),
  'pixel-art': inPlace((r) => {
    pixelate(r, Math.max(8, Math.round(Math.min(r.width, r.height) / 64)));
    posterize(r, 6);
  }),
  'tile-texture': (r) => tile(r),
};

/** Softens `raster` in place, for styles that want smooth shapes before they shade them. */
function blurredInto(raster: Raster, radius: number): Raster {
  raster.data.set(blurred(raster, radius).data);
  return raster;
}

function sparkle(raster: Raster, random: () => number): void {
  const { width, height, data } = raster;
  const count = Math.round((width * height) / 6000);
  for (let s = 0; s < count; s++) {
    const cx = Math.floor(random() * width);
    const cy = Math.floor(random() * height);
    const arm = 2 + Math.floor(random() * 6);
    for (let k = -arm; k <= arm; k++) {
      for (const [x, y] of [[cx + k, cy], [cx, cy + k]]) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const i = (y * width + x) * 3;
        const t = 1 - Math.abs(k) / (arm + 1);
        data[i] += 200 * t;
        data[i + 1] += 190 * t;
        data[i + 2] += 140 * t;
      }
    }
  }
}
