/** Image to image: POST /api/img2img with the source image as multipart. */
import { type ImageToImageFields, imageResponseSchema } from './contract';
import { callBackend } from './call-backend';
import { type GeneratedImage, imageFromAnswer } from './image-result';

export type TransformParams = Required<Omit<ImageToImageFields, 'style_preset' | 'model'>> & Pick<ImageToImageFields, 'style_preset' | 'model'>;

export function imageForm(image: Blob, fields: Record<string, string | number | undefined>): FormData {
  const form = new FormData();
  form.append('image', image, image instanceof File ? image.name : 'image');
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, String(value));
  return form;
}

export async function transformImage(
  baseUrl: string,
  image: Blob,
  params: TransformParams,
  signal?: AbortSignal,
): Promise<GeneratedImage> {
  const { data } = await callBackend({
    baseUrl,
    path: '/api/img2img',
    body: imageForm(image, params),
    schema: imageResponseSchema,
    signal,
  });
  return imageFromAnswer(data, params.seed);
}
