/**
 * The engine server's timeouts, its answers for requests that never reach a route, and its stop:
 * stop accepting, let answers in flight finish within a grace time, then close every connection.
 */
import type { Server, ServerOptions, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { answerClientErrors } from './socket-answers';

/** Longer than the idle timeout of common load balancers (60 s), so they never reuse a socket this engine just closed. */
const KEEP_ALIVE_MS = 65_000;
const HEADERS_TIMEOUT_MS = 20_000;

export interface ServerLifecycle {
  /**
   * Stops accepting and waits, at most `graceMs`, for answers in flight and for `work`; then closes
   * every connection. Resolves true when everything finished within the grace.
   */
  stop(graceMs: number, work: Promise<unknown>): Promise<boolean>;
}

/** Options for createServer: how long a client may take to send a request, and to keep a connection idle. */
export function serverTimeouts(requestTimeoutSeconds: number): ServerOptions {
  const requestTimeout = requestTimeoutSeconds * 1000;
  const headersTimeout = Math.min(HEADERS_TIMEOUT_MS, requestTimeout);
  return {
    requestTimeout,
    headersTimeout,
    keepAliveTimeout: KEEP_ALIVE_MS,
    // The request guard answers a missing Host itself, as JSON; Node's own answer has no body.
    requireHostHeader: false,
    // Node checks those timeouts every 30 s by default: far too coarse for a short request timeout.
    connectionsCheckingInterval: Math.min(30_000, Math.max(50, headersTimeout / 4)),
  };
}

/** Tracks the answers in flight on `server`, answers what its parser refuses, and stops it. */
export function manageServer(server: Server): ServerLifecycle {

  const current = new WeakMap<Duplex, ServerResponse>();
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  let drained: (() => void) | undefined;
  server.on('request', (req, res: ServerResponse) => {
    current.set(req.socket, res);
    inFlight.add(res);
    if (stopping) res.setHeader('Connection', 'close');
    res.on('close', () => {
      inFlight.delete(res);
      if (current.get(req.socket) === res) current.delete(req.socket);
      if (!inFlight.size) drained?.();
    });
  });
  answerClientErrors(server, (socket) => current.get(socket));

  return {
    async stop(graceMs, work) {
      stopping = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets go idle as their last answers finish: close each as soon as it does.
      const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
      const answered = inFlight.size ? new Promise<void>((resolve) => (drained = resolve)) : Promise.resolve();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const finished = await Promise.race([Promise.all([answered, work]).then(() => true), graceOver]);
      clearTimeout(timer);
      clearInterval(closeIdle);
      server.closeAllConnections();
      await closed;
      return finished;
    },
  };
}
