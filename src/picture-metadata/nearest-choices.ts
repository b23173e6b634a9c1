/** The studio's nearest choices for what other tools state freely: a pixel size, a style name, a seed. */
import { ASPECT_RATIOS, type AspectRatio, MAX_SEED, type PixelSize, STYLE_PRESETS, type StylePreset } from '../api/contract';

const ratioValue = (ratio: AspectRatio) => {
  const [w, h] = ratio.split(':').map(Number);
  return w / h;
};

/** The aspect ratio closest to a size (compared on a log scale, so 2:1 and 1:2 are equally far from 1:1), and whether it is exact. */
export function nearestAspectRatio(size: PixelSize): { ratio: AspectRatio; exact: boolean } {
  const target = Math.log(size.width / size.height);
  let best: AspectRatio = ASPECT_RATIOS[0];
  for (const ratio of ASPECT_RATIOS) if (Math.abs(Math.log(ratioValue(ratio)) - target) < Math.abs(Math.log(ratioValue(best)) - target)) best = ratio;
  return { ratio: best, exact: Math.abs(Math.log(ratioValue(best)) - target) < 0.01 };
}

const normalized = (name: string) => name.toLowerCase().replace(/^sai[\s_-]+/, '').replace(/[^a-z0-9]/g, '');
/** Fooocus's "SAI" styles are Stability's presets under other names; two differ by more than spelling. */
const PRESET_NAMES = new Map<string, StylePreset>([...STYLE_PRESETS.map((preset) => [normalized(preset), preset] as const), ['texture', 'tile-texture'], ['craftclay', 'modeling-compound']]);

export function presetForStyle(name: string): StylePreset | undefined {
  return PRESET_NAMES.get(normalized(name));
}

export type SeedChoice = { seed: number; kept: true } | { seed: 0; kept: false; why: 'random' | 'out-of-range' };

/** A stated seed in the studio's range is kept; -1 and 0 mean random; anything larger becomes random too. */
export function seedChoice(seed: string): SeedChoice {
  if (seed.startsWith('-') || /^0+$/.test(seed)) return { seed: 0, kept: false, why: 'random' };
  const value = BigInt(seed);
  return value <= BigInt(MAX_SEED) ? { seed: Number(value), kept: true } : { seed: 0, kept: false, why: 'out-of-range' };
}
