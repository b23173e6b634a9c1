/**
 * The procedural scene every local-engine image starts from: sky, sun or moon, clouds, stars,
 * mountain ridges, and a city, forest or water when the prompt asks for one. The prompt picks
 * the palette and the subjects; the seed places everything.
 */
import { createRandom, hashText } from './random';
import { createRaster, hsl, mix, type Raster, type Rgb } from './raster';
import { createNoiseField } from './value-noise';

export interface SceneRecipe {
  prompt: string;
  negativePrompt: string;
  seed: number;
  width: number;
  height: number;
}

/** Words that steer the palette: the sky's hue and the land's, in turns, and the saturation. */
const HUE_WORDS: ReadonlyArray<readonly [RegExp, number, number, number]> = [
  [/\b(sunset|sunrise|dusk|autumn|orange|amber)\b/, 0.06, 0.75, 0.8],
  [/\b(fire|lava|red|blood|volcano)\b/, 0.0, 0.02, 0.85],
  [/\b(desert|sand|gold|golden|dune)\b/, 0.11, 0.08, 0.6],
  [/\b(forest|jungle|green|moss|tree|trees|meadow)\b/, 0.52, 0.3, 0.55],
  [/\b(ocean|sea|water|blue|ice|snow|winter|lake|river)\b/, 0.58, 0.62, 0.6],
  [/\b(night|space|galaxy|cosmic|star|stars|moon)\b/, 0.66, 0.72, 0.55],
  [/\b(neon|cyberpunk|synthwave|pink|magenta|purple)\b/, 0.85, 0.55, 0.9],
];

const SUBJECT_WORDS = {
  city: /\b(city|cities|skyline|building|buildings|street|urban|town|tower|towers|metropolis)\b/,
  water: /\b(ocean|sea|lake|river|water|beach|reflection|bay|harbor|harbour)\b/,
  trees: /\b(forest|tree|trees|wood|woods|jungle|pine|pines)\b/,
  night: /\b(night|space|galaxy|cosmic|stars|moon|midnight|dark)\b/,
  clouds: /\b(cloud|clouds|cloudy|fog|mist|storm)\b/,
};

type Subject = keyof typeof SUBJECT_WORDS;

function subjects(prompt: string, negative: string, random: () => number): Record<Subject, boolean> {
  const wanted = (subject: Subject, chance: number) =>
    !SUBJECT_WORDS[subject].test(negative) && (SUBJECT_WORDS[subject].test(prompt) || random() < chance);
  return {
    city: wanted('city', 0.15),
    water: wanted('water', 0.25),
    trees: wanted('trees', 0.3),
    night: wanted('night', 0.2),
    clouds: wanted('clouds', 0.6),
  };
}

function paletteFor(prompt: string, random: () => number, night: boolean) {
  const match = HUE_WORDS.find(([words]) => words.test(prompt));
  const jitter = (random() - 0.5) * 0.06;
  const hue = match ? match[1] + jitter : random();
  const saturation = match ? match[3] : 0.45 + random() * 0.4;
  const accent = match ? match[2] + jitter : hue + 0.45 + random() * 0.1;
  const light = night ? 0.12 : 0.55;
  return {
    skyTop: hsl(hue + 0.02, saturation * 0.8, light * 0.55),
    skyHorizon: hsl(hue - 0.04, saturation, night ? 0.3 : 0.78),
    sun: hsl(night ? 0.15 : hue - 0.08, night ? 0.2 : 0.95, night ? 0.9 : 0.7),
    cloud: hsl(hue, saturation * 0.3, night ? 0.25 : 0.9),
    ridges: [0.62, 0.42, 0.24].map((l, i) =>
      hsl(accent + i * 0.03, saturation * (0.35 + i * 0.15), l * (night ? 0.45 : 1)),
    ) as Rgb[],
    windows: hsl(0.13, 0.9, 0.7),
    foliage: hsl(0.3 + (random() - 0.5) * 0.1, 0.5, night ? 0.1 : 0.22),
  };
}

export function renderScene(recipe: SceneRecipe): Raster {
  const { width, height } = recipe;
  const prompt = recipe.prompt.toLowerCase();
  const negative = recipe.negativePrompt.toLowerCase();
  const random = createRandom(hashText(`${prompt}\u0000${negative}`, recipe.seed));
  const has = subjects(prompt, negative, random);
  const palette = paletteFor(prompt, random, has.night);
  const raster = createRaster(width, height);
  const data = raster.data;

  const horizon = Math.round(height * (0.55 + random() * 0.15));
  const sunX = width * (0.2 + random() * 0.6);
  const sunY = horizon * (0.3 + random() * 0.5);
  const sunRadius = Math.min(width, height) * (0.05 + random() * 0.05);
  const clouds = createNoiseField(Math.floor(random() * 2 ** 31), 6, 4);
  const cloudCover = 0.5 + random() * 0.12;
  const cloudFloor = horizon * 0.85;
  const glowReach2 = (sunRadius * 11) ** 2;
  const scale = Math.min(width, height);

  // Ridges, far to near: a height per column, drawn where the pixel lies below it.
  const ridgeLayers = palette.ridges.map((color, layer) => {
    const noise = createNoiseField(Math.floor(random() * 2 ** 31), 4 + layer * 2, 3);
    const base = horizon - height * (0.18 - layer * 0.07);
    const amplitude = height * (0.22 - layer * 0.05);
    const heights = new Float32Array(width);
    for (let x = 0; x < width; x++) heights[x] = base + (noise.at(x / width, 0.5) - 0.5) * 2 * amplitude;
    return { color, heights };
  });
  const waterLine = has.water ? horizon : height + 1;
  const visibleLayers = has.water ? ridgeLayers.slice(0, 2) : ridgeLayers;

  for (let y = 0; y < Math.min(height, waterLine); y++) {
    const skyT = Math.min(1, y / horizon) ** 0.8;
    const skyR = mix(palette.skyTop[0], palette.skyHorizon[0], skyT);
    const skyG = mix(palette.skyTop[1], palette.skyHorizon[1], skyT);
    const skyB = mix(palette.skyTop[2], palette.skyHorizon[2], skyT);
    // The sun's glow: only rows and pixels within its reach pay for a distance.
    const dy2 = (y - sunY) ** 2;
    const rowInGlow = dy2 < glowReach2;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      let r = skyR;
      let g = skyG;
      let b = skyB;
      const d2 = rowInGlow ? (x - sunX) ** 2 + dy2 : glowReach2;
      if (d2 < glowReach2) {
        const d = Math.sqrt(d2);
        const glow = Math.exp(-d / (sunRadius * 2.2)) * 0.8;
        r = mix(r, palette.sun[0], glow);
        g = mix(g, palette.sun[1], glow);
        b = mix(b, palette.sun[2], glow);
        if (d < sunRadius) [r, g, b] = palette.sun;
      }
      const c = has.clouds && y < cloudFloor ? clouds.at(x / scale, y / scale) : 0;
      if (c > cloudCover) {
        const t = Math.min(1, (c - cloudCover) * 6);
        r = mix(r, palette.cloud[0], t);
        g = mix(g, palette.cloud[1], t);
        b = mix(b, palette.cloud[2], t);
      }
      for (let layer = visibleLayers.length - 1; layer >= 0; layer--) {
        const { heights, color } = visibleLayers[layer];
        const top = heights[x];
        if (y >= top) {
          const shade = 1 - Math.min(0.35, (y - top) / height);
          r = color[0] * shade;
          g = color[1] * shade;
          b = color[2] * shade;
          break;
        }
      }
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
    }
  }

  if (has.night) drawStars(raster, random, horizon);
  if (has.city) drawCity(raster, random, horizon, palette.ridges[2], palette.windows);
  if (has.trees) drawTrees(raster, random, has.water ? horizon : ridgeLayers[2].heights, palette.foliage);
  if (has.water) drawWater(raster, waterLine, random);
  return raster;
}

function fillRect(raster: Raster, x0: number, y0: number, x1: number, y1: number, color: Rgb): void {
  const { width, height, data } = raster;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, y1); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, x1); x++) {
      const i = (y * width + x) * 3;
      data[i] = color[0];
      data[i + 1] = color[1];
      data[i + 2] = color[2];
    }
  }
}

function drawStars(raster: Raster, random: () => number, horizon: number): void {
  const count = Math.round((raster.width * horizon) / 2500);
  for (let s = 0; s < count; s++) {
    const size = random() < 0.1 ? 2 : 1;
    const x = random() * raster.width;
    const y = random() * horizon * 0.8;
    const bright = 160 + random() * 95;
    fillRect(raster, x, y, x + size, y + size, [bright, bright, bright * 0.95 + 12]);
  }
}

function drawCity(raster: Raster, random: () => number, horizon: number, body: Rgb, lit: Rgb): void {
  const { width, height } = raster;
  let x = -random() * 40;
  while (x < width) {
    const w = width * (0.03 + random() * 0.05);
    const h = height * (0.08 + random() * 0.3);
    const top = horizon - h;
    fillRect(raster, x, top, x + w, horizon, [body[0] * 0.6, body[1] * 0.6, body[2] * 0.7]);
    const step = Math.max(6, Math.round(w / 5));
    for (let wy = top + step; wy < horizon - step; wy += step) {
      for (let wx = x + step / 2; wx < x + w - step / 2; wx += step) {
        if (random() < 0.45) fillRect(raster, wx, wy, wx + step / 3, wy + step / 2.5, lit);
      }
    }
    x += w + random() * width * 0.01;
  }
  fillRect(raster, 0, horizon, width, height, [body[0] * 0.4, body[1] * 0.4, body[2] * 0.45]);
}

function drawTrees(
  raster: Raster,
  random: () => number,
  ground: number | Float32Array,
  color: Rgb,
): void {
  const { width, height, data } = raster;
  const count = Math.round(width / 18);
  for (let t = 0; t < count; t++) {
    const cx = random() * width;
    const baseY = typeof ground === 'number' ? ground : ground[Math.min(width - 1, Math.floor(cx))];
    const h = height * (0.06 + random() * 0.1);
    const halfWidth = h * 0.28;
    const shade = 0.7 + random() * 0.5;
    for (let y = Math.max(0, Math.floor(baseY - h)); y < Math.min(height, baseY + h * 0.1); y++) {
      const spread = ((y - (baseY - h)) / h) * halfWidth;
      for (let x = Math.max(0, Math.floor(cx - spread)); x < Math.min(width, cx + spread); x++) {
        const i = (y * width + x) * 3;
        data[i] = color[0] * shade;
        data[i + 1] = color[1] * shade;
        data[i + 2] = color[2] * shade;
      }
    }
  }
}

/** Mirrors what is above the water line, rippled and darkened. */
function drawWater(raster: Raster, waterLine: number, random: () => number): void {
  const { width, height, data } = raster;
  const phase = random() * Math.PI * 2;
  for (let y = waterLine; y < height; y++) {
    const depth = (y - waterLine) / Math.max(1, height - waterLine);
    const mirrorY = Math.max(0, 2 * waterLine - y - 1);
    const ripple = Math.round(Math.sin(y * 0.35 + phase) * (2 + depth * 10));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(width - 1, Math.max(0, x + ripple));
      const from = (mirrorY * width + sx) * 3;
      const to = (y * width + x) * 3;
      const dim = 0.75 - depth * 0.35;
      data[to] = data[from] * dim;
      data[to + 1] = data[from + 1] * dim;
      data[to + 2] = Math.min(255, data[from + 2] * dim + 18);
    }
  }
}
