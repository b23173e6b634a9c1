/** Pixel filters the style presets are built from; each works in place on an RGB raster. */
import { createRaster, luminance, type Raster, type Rgb } from './raster';

/** Sobel edge strength on luminance, 0 (flat) to about 1 (a hard edge), one value a pixel. */
export function edgeMap(raster: Raster): Float32Array {
  const { width, height, data } = raster;
  const lum = new Float32Array(width * height);
  for (let p = 0, i = 0; p < lum.length; p++, i += 3) lum[p] = luminance(data[i], data[i + 1], data[i + 2]);
  const edges = new Float32Array(width * height);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      const gx =
        lum[p - width + 1] + 2 * lum[p + 1] + lum[p + width + 1] -
        lum[p - width - 1] - 2 * lum[p - 1] - lum[p + width - 1];
      const gy =
        lum[p + width - 1] + 2 * lum[p + width] + lum[p + width + 1] -
        lum[p - width - 1] - 2 * lum[p - width] - lum[p - width + 1];
      edges[p] = Math.min(1, Math.hypot(gx, gy) / 255);
    }
  }
  return edges;
}

/** Separable box blur, run twice for a softer, nearly Gaussian falloff. */
export function blurred(raster: Raster, radius: number): Raster {
  let out = raster;
  for (let pass = 0; pass < 2; pass++) out = blurAxis(blurAxis(out, radius, true), radius, false);
  return out;
}

function blurAxis(source: Raster, radius: number, horizontal: boolean): Raster {
  const { width, height, data } = source;
  const out = createRaster(width, height);
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const stride = horizontal ? 3 : width * 3;
  const window = radius * 2 + 1;
  for (let line = 0; line < lines; line++) {
    const start = horizontal ? line * width * 3 : line * 3;
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += data[start + Math.min(length - 1, Math.max(0, k)) * stride + c];
      for (let n = 0; n < length; n++) {
        out.data[start + n * stride + c] = sum / window;
        const leaving = Math.max(0, n - radius);
        const entering = Math.min(length - 1, n + radius + 1);
        sum += data[start + entering * stride + c] - data[start + leaving * stride + c];
      }
    }
  }
  return out;
}

export function posterize(raster: Raster, levels: number): void {
  const step = 255 / (levels - 1);
  const { data } = raster;
  for (let i = 0; i < data.length; i++) data[i] = Math.round(data[i] / step) * step;
}

export interface Grade {
  contrast?: number;
  saturation?: number;
  brightness?: number;
  /** Multiplied into each channel after the rest. */
  tint?: Rgb;
  /** Raises the blacks: 0 keeps them, 40 fades them like old film. */
  lift?: number;
}

export function grade(raster: Raster, options: Grade): void {
  const { contrast = 1, saturation = 1, brightness = 1, tint = [1, 1, 1], lift = 0 } = options;
  const { data } = raster;
  for (let i = 0; i < data.length; i += 3) {
    const gray = luminance(data[i], data[i + 1], data[i + 2]);
    for (let c = 0; c < 3; c++) {
      const saturated = gray + (data[i + c] - gray) * saturation;
      const contrasted = (saturated - 128) * contrast + 128;
      data[i + c] = (contrasted * brightness * tint[c]) * (1 - lift / 255) + lift;
    }
  }
}

export function vignette(raster: Raster, strength: number): void {
  const { width, height, data } = raster;
  for (let y = 0; y < height; y++) {
    const dy = (y / height - 0.5) * 2;
    for (let x = 0; x < width; x++) {
      const dx = (x / width - 0.5) * 2;
      const factor = 1 - strength * Math.min(1, (dx * dx + dy * dy) / 2) ** 1.5;
      const i = (y * width + x) * 3;
      data[i] *= factor;
      data[i + 1] *= factor;
      data[i + 2] *= factor;
    }
  }
}

export function grain(raster: Raster, random: () => number, amount: number, mono = true): void {
  const { data } = raster;
  for (let i = 0; i < data.length; i += 3) {
    const n = (random() - 0.5) * amount;
    data[i] += n;
    data[i + 1] += mono ? n : (random() - 0.5) * amount;
    data[i + 2] += mono ? n : (random() - 0.5) * amount;
  }
}

/** Averages each block of `size` pixels into one flat colour. */
export function pixelate(raster: Raster, size: number): void {
  const { width, height, data } = raster;
  for (let by = 0; by < height; by += size) {
    for (let bx = 0; bx < width; bx += size) {
      const sum = [0, 0, 0];
      let count = 0;
      forEachInBlock(bx, by, size, width, height, (i) => {
        sum[0] += data[i];
        sum[1] += data[i + 1];
        sum[2] += data[i + 2];
        count++;
      });
      forEachInBlock(bx, by, size, width, height, (i) => {
        data[i] = sum[0] / count;
        data[i + 1] = sum[1] / count;
        data[i + 2] = sum[2] / count;
      });
    }
  }
}

function forEachInBlock(
  bx: number,
  by: number,
  size: number,
  width: number,
  height: number,
  visit: (index: number) => void,
): void {
  for (let y = by; y < Math.min(height, by + size); y++) {
    for (let x = bx; x < Math.min(width, bx + size); x++) visit((y * width + x) * 3);
  }
}

/**
 * Flat-shaded triangles on a grid: every cell split along a diagonal, each half filled with
 * the colour at its centroid and lit by `facet` (a brightness per triangle, for folds).
 */
export function triangulate(raster: Raster, cell: number, facet: (index: number) => number): void {
  const { width, height, data } = raster;
  const source = data.slice();
  let index = 0;
  for (let cy = 0; cy < height; cy += cell) {
    for (let cx = 0; cx < width; cx += cell) {
      const flip = ((cx / cell) + (cy / cell)) % 2 === 0;
      for (let half = 0; half < 2; half++) {
        const light = facet(index++);
        const inUpper = (x: number, y: number) => (flip ? x - cx > y - cy : x - cx + (y - cy) < cell);
        const sampleX = Math.min(width - 1, cx + Math.round(cell * (half === 0 ? 0.66 : 0.33)));
        const sampleY = Math.min(height - 1, cy + Math.round(cell * (half === 0 ? (flip ? 0.33 : 0.33) : 0.66)));
        const s = (sampleY * width + sampleX) * 3;
        const color = [source[s] * light, source[s + 1] * light, source[s + 2] * light];
        forEachInBlock(cx, cy, cell, width, height, (i) => {
          const p = i / 3;
          const x = p % width;
          const y = (p - x) / width;
          if (inUpper(x, y) === (half === 0)) {
            data[i] = color[0];
            data[i + 1] = color[1];
            data[i + 2] = color[2];
          }
        });
      }
    }
  }
}

/** Lights the image as if its luminance were a height field, from the upper left. */
export function relief(raster: Raster, depth: number, shininess: number): void {
  const { width, height, data } = raster;
  const lum = new Float32Array(width * height);
  for (let p = 0, i = 0; p < lum.length; p++, i += 3) lum[p] = luminance(data[i], data[i + 1], data[i + 2]) / 255;
  const light = [-0.5, -0.6, 0.62];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      const nx = (lum[p - 1] - lum[p + 1]) * depth;
      const ny = (lum[p - width] - lum[p + width]) * depth;
      const length = Math.hypot(nx, ny, 1);
      const diffuse = Math.max(0, (nx * light[0] + ny * light[1] + light[2]) / length);
      const specular = diffuse ** shininess * 90;
      const i = p * 3;
      const shade = 0.45 + diffuse * 0.75;
      data[i] = data[i] * shade + specular;
      data[i + 1] = data[i + 1] * shade + specular;
      data[i + 2] = data[i + 2] * shade + specular;
    }
  }
}

/** Adds `amount` of `layer` on top of `raster`, as light adds (screen blend). */
export function screen(raster: Raster, layer: Raster, amount: number): void {
  const { data } = raster;
  for (let i = 0; i < data.length; i++) {
    data[i] = 255 - ((255 - data[i]) * (255 - layer.data[i] * amount)) / 255;
  }
}

export function drawLines(
  raster: Raster,
  spacing: number,
  color: Rgb,
  isOnLine: (x: number, y: number, spacing: number) => boolean,
): void {
  const { width, height, data } = raster;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!isOnLine(x, y, spacing)) continue;
      const i = (y * width + x) * 3;
      data[i] = (data[i] + color[0]) / 2;
      data[i + 1] = (data[i + 1] + color[1]) / 2;
      data[i + 2] = (data[i + 2] + color[2]) / 2;
    }
  }
}
