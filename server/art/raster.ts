/** An RGB raster in memory, and the per-pixel helpers the art code shares. */

export interface Raster {
  width: number;
  height: number;
  /** Packed RGB, 3 bytes a pixel, rows top to bottom; writes clamp to 0..255. */
  data: Uint8ClampedArray;
}

export type Rgb = readonly [number, number, number];

export function createRaster(width: number, height: number): Raster {
  return { width, height, data: new Uint8ClampedArray(width * height * 3) };
}

export function cloneRaster(raster: Raster): Raster {
  return { width: raster.width, height: raster.height, data: raster.data.slice() };
}

export const mix = (a: number, b: number, t: number): number => a + (b - a) * t;

export function mixRgb(a: Rgb, b: Rgb, t: number): Rgb {
  return [mix(a[0], b[0], t), mix(a[1], b[1], t), mix(a[2], b[2], t)];
}

/** HSL (h in turns, s and l in 0..1) to RGB bytes. */
export function hsl(h: number, s: number, l: number): Rgb {
  const hue = ((h % 1) + 1) % 1;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((hue * 6) % 2) - 1));
  const m = l - c / 2;
  const sector = Math.floor(hue * 6);
  const [r, g, b] =
    sector === 0 ? [c, x, 0] : sector === 1 ? [x, c, 0] : sector === 2 ? [0, c, x]
    : sector === 3 ? [0, x, c] : sector === 4 ? [x, 0, c] : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

export const luminance = (r: number, g: number, b: number): number => 0.299 * r + 0.587 * g + 0.114 * b;

/** Linear blend of two rasters of one size: t = 0 keeps `from`, t = 1 gives `to`. */
export function blendRasters(from: Raster, to: Raster, t: number): Raster {
  const out = createRaster(from.width, from.height);
  const a = from.data;
  const b = to.data;
  for (let i = 0; i < a.length; i++) out.data[i] = a[i] + (b[i] - a[i]) * t;
  return out;
}
