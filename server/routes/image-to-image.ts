/** POST /api/img2img: transforms an uploaded image. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IMAGE_SIZES, imageToImageFieldsSchema } from '../../src/api/contract';
import { encodeRaster } from '../art/encode';
import { transformImage } from '../art/synthesize';
import { type EngineContext, resolveSeed } from '../engine-context';
import { parseFields } from '../http/parse-fields';
import { sendJson } from '../http/respond';
import { requestOrigin } from '../http/request-info';
import { checkImage, decodeToRaster } from '../upload/decode-image';
import { readMultipart } from '../upload/read-multipart';

export async function handleImageToImage(req: IncomingMessage, res: ServerResponse, ctx: EngineContext): Promise<void> {
  const form = await readMultipart(req, 'image');
  const fields = parseFields(imageToImageFieldsSchema, form.fields);
  await checkImage(form.file?.bytes, ['png', 'jpeg', 'webp']);
  const { width, height } = IMAGE_SIZES[fields.aspect_ratio];
  const source = await decodeToRaster(form.file!.bytes, width, height);
  const seed = resolveSeed(fields.seed);
  const raster = transformImage(
    source,
    {
      prompt: fields.prompt,
      negativePrompt: fields.negative_prompt,
      stylePreset: fields.style_preset,
      aspectRatio: fields.aspect_ratio,
      seed,
    },
    fields.strength,
  );
  const bytes = await encodeRaster(raster, fields.output_format);
  const name = await ctx.media.save('processed_images', `img2img_${seed}`, fields.output_format, bytes);
  const origin = requestOrigin(req, ctx.config);
  sendJson(res, 200, {
    success: true,
    message: 'Image transformed successfully',
    image_url: `${origin}/processed_images/${name}`,
    seed,
  });
}
