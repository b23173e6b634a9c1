/** Query keys for the API layer, from one factory so invalidation can address any level. */
export const apiKeys = {
  all: ['aiart'] as const,
  generations: () => [...apiKeys.all, 'generation'] as const,
  generation: (runId: string) => [...apiKeys.generations(), runId] as const,
  videoResults: () => [...apiKeys.all, 'video-result'] as const,
  videoResult: (baseUrl: string, id: string) => [...apiKeys.videoResults(), baseUrl, id] as const,
  engineInfo: (baseUrl: string) => [...apiKeys.all, 'engine-info', baseUrl] as const,
};
