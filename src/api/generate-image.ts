/** Text to image: POST /api/generate, as a query per generation run. */
import { useQuery } from '@tanstack/react-query';
import { type GenerateRequest, imageResponseSchema } from './contract';
import { callBackend } from './call-backend';
import { type GeneratedImage, imageFromAnswer } from './image-result';
import { runQueryOptions } from './run-query';

/** What the studio sends: every field explicit, the seed always chosen by the studio. */
export type GenerateParams = Required<Omit<GenerateRequest, 'style_preset'>> & Pick<GenerateRequest, 'style_preset'>;

export async function generateImage(baseUrl: string, params: GenerateParams, signal?: AbortSignal): Promise<GeneratedImage> {
  const { data } = await callBackend({ baseUrl, path: '/api/generate', body: params, schema: imageResponseSchema, signal });
  return imageFromAnswer(data, params.seed);
}

export const useGeneration = (runId: string, baseUrl: string, params: GenerateParams) =>
  useQuery(runQueryOptions(runId, (signal) => generateImage(baseUrl, params, signal)));
