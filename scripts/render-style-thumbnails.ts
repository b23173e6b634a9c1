/**
 * Renders the style picker's pictures into public/styles/ with the local engine's own art code:
 * one small WebP per preset, plus None. Run again after changing a style's look.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { STYLE_PRESETS, type StylePreset } from '../src/api/contract';
import { synthesizeImage } from '../server/art/synthesize';

const outDir = new URL('../public/styles/', import.meta.url);
await mkdir(outDir, { recursive: true });
for (const style of [undefined, ...STYLE_PRESETS] as Array<StylePreset | undefined>) {
  const raster = synthesizeImage({ prompt: 'pine trees by a mountain lake at dawn', negativePrompt: '', stylePreset: style, aspectRatio: '16:9', seed: 8 });
  const bytes = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } })
    .resize(192, 128, { fit: 'cover' })
    .webp({ quality: 72 })
    .toBuffer();
  await writeFile(new URL(`${style ?? 'none'}.webp`, outDir), bytes);
}
console.log(`wrote ${STYLE_PRESETS.length + 1} style pictures to public/styles/`);
