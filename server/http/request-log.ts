/** Request ids, sent back as X-Request-Id, and the one JSON log line written per answer. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An id a proxy or client already gave the request is kept only if it cannot smuggle anything into a log. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Gives the request its id, answers with it, and logs the answer when `log` is on; returns the id. */
export function trackRequest(req: IncomingMessage, res: ServerResponse, log: boolean): string {
  const requestId = requestIdOf(req);
  const started = performance.now();
  res.setHeader('X-Request-Id', requestId);
  if (log) {
    res.on('finish', () => {
      const line = {
        time: new Date().toISOString(),
        requestId,
        method: req.method,
        path: (req.url ?? '').split('?')[0].slice(0, 300),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    });
  }
  return requestId;
}
