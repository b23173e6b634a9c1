/**
 * A fake upstream for adapter tests: an HTTP server on a free loopback port that records every
 * request and answers through a handler, or with a failure queued for the next request.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; bytes and text as they are. */
  body?: Buffer | string | object;
  /** Holds the answer back until the client gives up (for deadline tests). */
  hang?: boolean;
}

export type FakeHandler = (req: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeServer {
  url: string;
  requests: FakeRequest[];
  /** The next request whose path starts with `pathPrefix` gets this answer instead. */
  failNext(answer: FakeAnswer, pathPrefix?: string): void;
  close(): Promise<void>;
}

export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const queued: Array<{ answer: FakeAnswer; pathPrefix: string }> = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const recorded: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks) };
    requests.push(recorded);
    const failure = queued.findIndex((q) => recorded.path.startsWith(q.pathPrefix));
    let answer: FakeAnswer;
    try {
      answer = failure >= 0 ? queued.splice(failure, 1)[0].answer : await handler(recorded);
    } catch (error) {
      answer = { status: 500, body: { error: `fake failed: ${(error as Error).message}` } };
    }
    if (answer.hang) return;
    const json = typeof answer.body === 'object' && !Buffer.isBuffer(answer.body);
    const payload = json ? JSON.stringify(answer.body) : (answer.body ?? '');
    res.writeHead(answer.status ?? 200, {
      ...(json ? { 'Content-Type': 'application/json' } : {}),
      ...answer.headers,
    });
    res.end(payload);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (answer, pathPrefix = '/') => void queued.push({ answer, pathPrefix }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface FakeForm {
  fields: Record<string, string>;
  files: Record<string, { bytes: Buffer; type: string; name: string }>;
}

/** The multipart form of a request, or undefined when it is not multipart/form-data. */
export function readForm(req: FakeRequest): Promise<FakeForm | undefined> {
  if (!/^multipart\/form-data;\s*boundary=/i.test(req.headers['content-type'] ?? '')) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const form: FakeForm = { fields: {}, files: {} };
    const parser = busboy({ headers: req.headers });
    parser.on('field', (name, value) => (form.fields[name] = value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('close', () => (form.files[name] = { bytes: Buffer.concat(chunks), type: info.mimeType, name: info.filename ?? '' }));
    });
    parser.on('close', () => resolve(form));
    parser.on('error', reject);
    parser.end(req.body);
  });
}

/** The JSON body of a request, or undefined when it is not sent as JSON. */
export function readJsonBody(req: FakeRequest): unknown {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return undefined;
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A free loopback port that nothing listens on, for "did not answer" tests. */
export async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
