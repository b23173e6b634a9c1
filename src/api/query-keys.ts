/** Query keys for the API layer, from one factory so invalidation can address any level. */
export const apiKeys = {
  all: ['aiart'] as const,
  engineInfo: (baseUrl: string) => [...apiKeys.all, 'engine-info', baseUrl] as const,
};
