/** POST /api/generate: text to image, by the backend of the request's model. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generateRequestSchema, PLACEHOLDER_FOLDER } from '../../src/api/contract';
import type { EngineContext } from '../engine-context';
import { parseFields } from '../http/parse-fields';
import { readJson } from '../http/read-json';
import { sendJson } from '../http/respond';
import { requestOrigin } from '../http/request-info';
import { answerImage, imageJob } from './image-answer';
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
  const choice = await ctx.backends.pick(request.model, 'text-to-image');
  const image = await choice.backend.generate(imageJob(choice, request.video_description, request));
  await answerImage(res, ctx, origin, { folder: 'images', prefix: 'generated', choice, image, format: request.output_format, message: 'Image generated successfully' });
}
