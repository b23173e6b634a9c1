/**
 * What serves the studio: the local preview engine (procedural art, not AI), a proxy to the
 * hosted service, or a gateway to other backends, with the models each offers. Read from
 * /engine.json on this origin, through the contract's schema; a backend elsewhere has none.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type EngineInfoBody, engineInfoSchema } from './contract';
import { apiKeys } from './query-keys';

export type EngineInfo = EngineInfoBody;

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
