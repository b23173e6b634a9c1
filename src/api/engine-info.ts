/**
 * What serves the studio: the local preview engine (procedural art, not AI) or a proxy to the
 * hosted service. Read from /engine.json on this origin; a backend elsewhere has none.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiKeys } from './query-keys';

const engineInfoSchema = z.object({
  engine: z.enum(['local-preview', 'proxy']),
  upstream: z.optional(z.string()),
  allowedOrigins: z.array(z.string()),
});
export type EngineInfo = z.infer<typeof engineInfoSchema>;

export async function fetchEngineInfo(signal?: AbortSignal): Promise<EngineInfo | null> {
  try {
    const res = await fetch('/engine.json', { signal, headers: { Accept: 'application/json' } });
    if (!res.ok) return null;
    const parsed = engineInfoSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const engineInfoQueryOptions = () =>
  queryOptions({ queryKey: apiKeys.engineInfo(''), queryFn: ({ signal }) => fetchEngineInfo(signal), staleTime: Infinity });

export const useEngineInfo = () => useQuery(engineInfoQueryOptions());
