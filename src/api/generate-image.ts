/** Text to image: POST /api/generate, as a query per generation run. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type GenerateRequest, imageResponseSchema, PLACEHOLDER_FOLDER } from './contract';
import { ApiError } from './api-error';
import { callBackend } from './call-backend';
import { apiKeys } from './query-keys';
import { retryDelay, shouldRetry } from './retry-policy';

export interface GeneratedImage {
  imageUrl: string;
  /** The seed the server used, or the one the studio sent when the server does not say. */
  seed: number;
}

/** What the studio sends: every field explicit, the seed always chosen by the studio. */
export type GenerateParams = Required<Omit<GenerateRequest, 'style_preset'>> & Pick<GenerateRequest, 'style_preset'>;

export async function generateImage(baseUrl: string, params: GenerateParams, signal?: AbortSignal): Promise<GeneratedImage> {
  const { data } = await callBackend({ baseUrl, path: '/api/generate', body: params, schema: imageResponseSchema, signal });
  if (data.folder === PLACEHOLDER_FOLDER) {
    throw new ApiError('placeholder', 'The service sent a stock image instead of your picture, so this generation failed.');
  }
  return { imageUrl: data.image_url, seed: data.seed ?? params.seed };
}

/**
 * Each run of the Create page is one query keyed by its own id: it fires once, retries only
 * transient failures, keeps its result for the session, and never refetches by itself.
 */
export const generationQueryOptions = (runId: string, baseUrl: string, params: GenerateParams) =>
  queryOptions({
    queryKey: apiKeys.generation(runId),
    queryFn: ({ signal }) => generateImage(baseUrl, params, signal),
    retry: shouldRetry,
    retryDelay,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
  });

export const useGeneration = (runId: string, baseUrl: string, params: GenerateParams) =>
  useQuery(generationQueryOptions(runId, baseUrl, params));
