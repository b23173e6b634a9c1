/** Seeds the studio picks itself, so every result's seed is known even when a server omits it. */
import { MAX_SEED } from '../api/contract';

export function randomSeed(): number {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return (value % MAX_SEED) + 1;
}

/** `count` distinct seeds: consecutive from a fixed seed, or all random. */
export function batchSeeds(count: number, fixed?: number): number[] {
  if (fixed !== undefined) return Array.from({ length: count }, (_, i) => ((fixed - 1 + i) % MAX_SEED) + 1);
  const seeds = new Set<number>();
  while (seeds.size < count) seeds.add(randomSeed());
  return [...seeds];
}
