/**
 * Checks that a backend speaks the AiArt API: asks for a video result that cannot exist and
 * expects the contract's JSON 404, timing the answer.
 */
import { accessTokenFor } from './access-token';
import { ApiError } from './api-error';
import { apiRequest } from './http-client';
import * as z from 'zod/mini';

export type ConnectionReport =
  | { ok: true; latencyMs: number }
  | { ok: false; latencyMs: number; message: string };

export async function checkConnection(baseUrl: string, timeoutMs = 90_000): Promise<ConnectionReport> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await apiRequest({ baseUrl, path: '/api/img2video/result/connection-check', schema: z.unknown(), timeoutMs, accessToken: accessTokenFor(baseUrl) });
    return { ok: false, latencyMs: elapsed(), message: 'The server answered, but not as the AiArt API does.' };
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'http' && error.status === 404) return { ok: true, latencyMs: elapsed() };
    return { ok: false, latencyMs: elapsed(), message: error instanceof ApiError ? error.message : String(error) };
  }
}
