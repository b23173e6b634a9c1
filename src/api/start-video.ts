/** Image to video, step one: POST /api/img2video starts a job and answers its id. */
import { type ImageToVideoFields, videoStartResponseSchema } from './contract';
import { callBackend } from './call-backend';
import { imageForm } from './transform-image';
import { readModelId } from '../lib/model-id';

/** The job's id, and the engine's model that renders it when the answer names one. */
export interface StartedVideo {
  id: string;
  model?: string;
}

export async function startVideo(baseUrl: string, image: Blob, params: ImageToVideoFields, signal?: AbortSignal): Promise<StartedVideo> {
  const { data } = await callBackend({
    baseUrl,
    path: '/api/img2video',
    body: imageForm(image, params),
    schema: videoStartResponseSchema,
    signal,
  });
  return { id: data.id, model: readModelId(data.model) };
}
