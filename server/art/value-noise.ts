/** Smooth value noise on a coarse lattice, sampled bilinearly: cheap enough for every pixel. */
import { createRandom } from './random';

export interface NoiseField {
  /** Noise in [0, 1) at a point given in 0..1 across each axis. */
  at(u: number, v: number): number;
}

/** Fractal noise: `octaves` lattices, each twice as fine and half as strong as the last. */
export function createNoiseField(seed: number, cells: number, octaves = 3): NoiseField {
  const random = createRandom(seed);
  const lattices = Array.from({ length: octaves }, (_, octave) => {
    const size = cells * 2 ** octave + 1;
    return { size, values: Float32Array.from({ length: size * size }, random) };
  });
  let total = 0;
  for (let o = 0; o < octaves; o++) total += 0.5 ** o;
  const weights = Array.from({ length: octaves }, (_, o) => 0.5 ** o / total);
  return {
    at(u, v) {
      let sum = 0;
      for (let o = 0; o < octaves; o++) {
        const { size, values } = lattices[o];
        const x = Math.min(Math.max(u, 0), 1) * (size - 1);
        const y = Math.min(Math.max(v, 0), 1) * (size - 1);
        const x0 = Math.min(x | 0, size - 2);
        const y0 = Math.min(y | 0, size - 2);
        const fx = smooth(x - x0);
        const fy = smooth(y - y0);
        const i = y0 * size + x0;
        const top = values[i] + (values[i + 1] - values[i]) * fx;
        const bottom = values[i + size] + (values[i + size + 1] - values[i + size]) * fx;
        sum += (top + (bottom - top) * fy) * weights[o];
      }
      return sum;
    },
  };
}

const smooth = (t: number): number => t * t * (3 - 2 * t);
