/** POST /api/generate: text to image. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generateRequestSchema, PLACEHOLDER_FOLDER } from '../../src/api/contract';
import { encodeRaster } from '../art/encode';
import { synthesizeImage } from '../art/synthesize';
import { type EngineContext, resolveSeed } from '../engine-context';
import { parseFields } from '../http/parse-fields';
import { readJson } from '../http/read-json';
import { sendJson } from '../http/respond';
import { requestOrigin } from '../http/request-info';
import { placeholderImage } from './placeholder';

export async function handleGenerate(req: IncomingMessage, res: ServerResponse, ctx: EngineContext): Promise<void> {
  const request = parseFields(generateRequestSchema, await readJson(req, 256 * 1024));
  const origin = requestOrigin(req, ctx.config);
  if (ctx.quirks.placeholderNow()) {
    const name = await placeholderImage(ctx.media);
    sendJson(res, 200, {
      success: true,
      message: 'Image generated successfully',
      image_url: `${origin}/images/${name}`,
      folder: PLACEHOLDER_FOLDER,
    });
    return;
  }
  const seed = resolveSeed(request.seed);
  const raster = synthesizeImage({
    prompt: request.video_description,
    negativePrompt: request.negative_prompt,
    stylePreset: request.style_preset,
    aspectRatio: request.aspect_ratio,
    seed,
  });
  const bytes = await encodeRaster(raster, request.output_format);
  const name = await ctx.media.save('images', `generated_${seed}`, request.output_format, bytes);
  sendJson(res, 200, {
    success: true,
    message: 'Image generated successfully',
    image_url: `${origin}/images/${name}`,
    seed,
    folder: 'images',
    filename: name,
  });
}
