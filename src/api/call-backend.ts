/**
 * Sends one contract request to the chosen backend with its access token, and remembers that it
 * answered. An engine that asks for its token (401 `access_token`) gets it asked of the person,
 * once for all waiting calls, and the request goes again; a refused token is asked for again.
 */
import type * as z from 'zod/mini';
import { accessTokenFor, askForAccessToken } from './access-token';
import { timeoutFor, useBackendStore } from './backend';
import { type ApiRequest, apiRequest } from './http-client';
import { ApiError } from './api-error';

const NO_TOKEN = 'This server needs its access token (AIART_ACCESS_TOKEN) and none was given: retry to enter it.';

export async function callBackend<S extends z.ZodMiniType>(
  request: Omit<ApiRequest<S>, 'timeoutMs' | 'accessToken'> & { timeoutMs?: number },
): Promise<{ data: z.infer<S>; status: number }> {
  for (;;) {
    const accessToken = accessTokenFor(request.baseUrl);
    try {
      const answer = await apiRequest({ ...request, accessToken, timeoutMs: request.timeoutMs ?? timeoutFor(request.baseUrl) });
      useBackendStore.getState().markAwake(request.baseUrl);
      return answer;
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== 'http') throw error;
      useBackendStore.getState().markAwake(request.baseUrl);
      if (error.status !== 401 || error.type !== 'access_token' || request.signal?.aborted) throw error;
      // Another call may have been given a new token meanwhile: then this one just goes again.
      if (accessTokenFor(request.baseUrl) !== accessToken) continue;
      try {
        await askForAccessToken(request.baseUrl, accessToken !== undefined);
      } catch {
        throw new ApiError('http', NO_TOKEN, 401, undefined, 'access_token');
      }
    }
  }
}
