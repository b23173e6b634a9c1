/** Query keys for the API layer, from one factory so invalidation can address any level. */
export const apiKeys = {
  all: ['aiart'] as const,
  runs: () => [...apiKeys.all, 'run'] as const,
  /** One Create or Transform run: a request sent once, whose answer is kept for the session. */
  run: (runId: string) => [...apiKeys.runs(), runId] as const,
  videoResults: () => [...apiKeys.all, 'video-result'] as const,
  videoResult: (baseUrl: string, id: string) => [...apiKeys.videoResults(), baseUrl, id] as const,
  engineInfo: (baseUrl: string) => [...apiKeys.all, 'engine-info', baseUrl] as const,
};
