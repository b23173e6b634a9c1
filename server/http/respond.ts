/** Writing answers: JSON bodies, JSON errors, and the headers every answer carries. */
import type { ServerResponse } from 'node:http';
import { ApiError } from './api-error';

export const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

/** Answers any thrown value; only an ApiError's own message reaches the client. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof ApiError) {
    sendJson(res, error.status, { error: error.message, ...(error.type ? { error_type: error.type } : {}) }, error.headers);
    return;
  }
  sendJson(res, 500, { error: 'The engine failed to handle this request; see its log.' });
}
