/** Reads a JSON request body, refusing bodies over a limit before buffering past it. */
import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error';

export async function readJson(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(415, 'Send the request body as JSON with Content-Type: application/json');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw new ApiError(413, `The JSON body must be at most ${limitBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limitBytes) throw new ApiError(413, `The JSON body must be at most ${limitBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    // The stream fails when the client goes away (or is cut off for being too slow) mid-body.
    throw error instanceof ApiError ? error : new ApiError(400, 'The request body was cut off before it ended');
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON');
  }
}
