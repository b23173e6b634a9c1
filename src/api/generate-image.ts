/** Text to image: POST /api/generate. */
import { type GenerateRequest, imageResponseSchema } from './contract';
import { callBackend } from './call-backend';
import { type GeneratedImage, imageFromAnswer } from './image-result';

/** What the studio sends: every field explicit, the seed always chosen by the studio; a model only when one was chosen. */
export type GenerateParams = Required<Omit<GenerateRequest, 'style_preset' | 'model'>> & Pick<GenerateRequest, 'style_preset' | 'model'>;

export async function generateImage(baseUrl: string, params: GenerateParams, signal?: AbortSignal): Promise<GeneratedImage> {
  const { data } = await callBackend({ baseUrl, path: '/api/generate', body: params, schema: imageResponseSchema, signal });
  return imageFromAnswer(data, params.seed);
}
