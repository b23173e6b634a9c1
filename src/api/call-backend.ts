/** Sends one contract request to the chosen backend and remembers that it answered. */
import type * as z from 'zod/mini';
import { timeoutFor, useBackendStore } from './backend';
import { type ApiRequest, apiRequest } from './http-client';
import { ApiError } from './api-error';

export async function callBackend<S extends z.ZodMiniType>(
  request: Omit<ApiRequest<S>, 'timeoutMs'> & { timeoutMs?: number },
): Promise<{ data: z.infer<S>; status: number }> {
  try {
    const answer = await apiRequest({ ...request, timeoutMs: request.timeoutMs ?? timeoutFor(request.baseUrl) });
    useBackendStore.getState().markAwake(request.baseUrl);
    return answer;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'http') useBackendStore.getState().markAwake(request.baseUrl);
    throw error;
  }
}
