/**
 * JSON answers for what never reaches a route: requests Node's parser refuses (bad syntax, headers
 * too large, too slow to arrive) and CONNECT, written straight to the socket, which closes; and an
 * Expect header other than 100-continue, which Node would otherwise answer with an empty 417.
 */
import { maxHeaderSize, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { BASE_HEADERS, sendJson } from './respond';

/** Writes one JSON error and closes the connection once it is sent. */
export function answerOnSocket(socket: Duplex, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: message });
  const head = {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
    ...headers,
  };
  const lines = Object.entries(head).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}\r\n${body}`, () => socket.destroy());
}

interface ParserError extends Error {
  code?: string;
  /** llhttp's fixed description of what it could not parse. */
  reason?: string;
}

function describe(error: ParserError, server: Server): [number, string] {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, `The request headers are larger than the ${maxHeaderSize / 1024} KB this engine reads`];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [
        408,
        `The request did not arrive in time: headers within ${server.headersTimeout / 1000} s, the whole request within ${server.requestTimeout / 1000} s`,
      ];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'The request body has chunk extensions larger than this engine reads'];
    default:
      return [400, `The request is not valid HTTP${error.reason ? `: ${error.reason}` : ''}`];
  }
}

/** Answers parser errors, CONNECT and unmet expectations with JSON; `responseOn` tells whether an answer is already under way. */
export function answerClientErrors(server: Server, responseOn: (socket: Duplex) => ServerResponse | undefined): void {
  server.on('clientError', (error: ParserError, socket: Duplex) => {
    // An answer already started cannot be followed by another on the same connection.
    if (error.code === 'ECONNRESET' || !socket.writable || responseOn(socket)?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, message] = describe(error, server);
    answerOnSocket(socket, status, message);
  });
  server.on('connect', (_req, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    answerOnSocket(socket, 405, 'CONNECT is not supported: this engine is not a proxy', { Allow: 'GET, HEAD, POST, OPTIONS' });
  });
  server.on('checkExpectation', (req, res) => {
    sendJson(res, 417, { error: `The only Expect this engine meets is 100-continue, not "${String(req.headers.expect).slice(0, 64)}"` });
  });
}
