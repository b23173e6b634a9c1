/** Image to video, step one: POST /api/img2video starts a job and answers its id. */
import { type ImageToVideoFields, videoStartResponseSchema } from './contract';
import { callBackend } from './call-backend';
import { imageForm } from './transform-image';

export async function startVideo(baseUrl: string, image: Blob, params: ImageToVideoFields, signal?: AbortSignal): Promise<string> {
  const { data } = await callBackend({
    baseUrl,
    path: '/api/img2video',
    body: imageForm(image, params),
    schema: videoStartResponseSchema,
    signal,
  });
  return data.id;
}
