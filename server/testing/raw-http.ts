/**
 * Sends bytes to the engine over a plain TCP socket, for requests no HTTP client would send:
 * malformed, truncated or stalled. Reads back the first answer, however the connection ends.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  /** Undefined when the connection closed without an answer. */
  status?: number;
  headers: Record<string, string>;
  body: string;
  /** True when the engine closed the connection (rather than this client after a full answer). */
  closedByServer: boolean;
}

export interface RawOptions {
  /** Give up after this long with whatever arrived. A body shorter than its Content-Length stalls the request. */
  timeoutMs?: number;
  /** Keep reading after a whole answer, until the engine closes the connection (or the timeout). */
  untilClosed?: boolean;
  /** The request was HEAD: the answer has headers only. */
  head?: boolean;
}

/** Skips interim answers ("100 Continue"), which come before the real one. */
function skipInterim(bytes: Buffer): Buffer {
  while (/^HTTP\/1\.[01] 1\d\d /.test(bytes.subarray(0, 13).toString('latin1'))) {
    const end = bytes.indexOf('\r\n\r\n');
    if (end < 0) break;
    bytes = bytes.subarray(end + 4);
  }
  return bytes;
}

function parseAnswer(received: Buffer, head: boolean): { answer: RawAnswer; complete: boolean } | undefined {
  const bytes = skipInterim(received);
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(statusLine.split(' ')[1]);
  const length = head || status === 204 || status === 304 ? 0 : Number(headers['content-length'] ?? NaN);
  const body = bytes.subarray(end + 4);
  const complete = Number.isFinite(length) && body.length >= length;
  return { answer: { status, headers, body: body.toString('utf8'), closedByServer: false }, complete };
}

export function sendRaw(url: string, request: Array<string | Buffer>, options: RawOptions = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parseAnswer(received, Boolean(options.head));
      resolve(parsed ? { ...parsed.answer, closedByServer } : { headers: {}, body: received.toString('utf8'), closedByServer });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 10_000);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!options.untilClosed && parseAnswer(received, Boolean(options.head))?.complete) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.setNoDelay(true);
    for (const part of request) socket.write(part);
  });
}
