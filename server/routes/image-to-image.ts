/** POST /api/img2img: transforms an uploaded image, by the backend of the request's model. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { imageToImageFieldsSchema } from '../../src/api/contract';
import type { EngineContext } from '../engine-context';
import { parseFields } from '../http/parse-fields';
import { requestOrigin } from '../http/request-info';
import { checkImage } from '../upload/decode-image';
import { readMultipart } from '../upload/read-multipart';
import { answerImage, imageJob } from './image-answer';

export async function handleImageToImage(req: IncomingMessage, res: ServerResponse, ctx: EngineContext): Promise<void> {
  const form = await readMultipart(req, 'image');
  const fields = parseFields(imageToImageFieldsSchema, form.fields);
  const checked = await checkImage(form.file?.bytes, ['png', 'jpeg', 'webp']);
  const choice = await ctx.backends.pick(fields.model, 'image-to-image');
  const image = await choice.backend.transform({ ...imageJob(choice, fields.prompt, fields), image: form.file!.bytes, checked, strength: fields.strength });
  const origin = requestOrigin(req, ctx.config);
  await answerImage(res, ctx, origin, { folder: 'processed_images', prefix: 'img2img', choice, image, format: fields.output_format, message: 'Image transformed successfully' });
}
