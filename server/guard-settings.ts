/**
 * Settings that protect the engine, read from the environment: who may call it, how long it
 * waits for a slow client or a stop, and how many videos it renders at once.
 */
import { availableParallelism } from 'node:os';
import { type Env, integer, list, number, origin } from './env-values';

export interface GuardSettings {
  /** Origins besides the engine's own whose pages may call the API (AIART_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** Host names served besides the loopback names and the bound host (AIART_ALLOWED_HOSTS). */
  allowedHosts: string[];
  /** Video renders run at once, each on its own worker thread; more wait as queued. */
  videoWorkers: number;
  /** Time a stop signal leaves work in flight before every connection is closed. */
  shutdownGraceSeconds: number;
  /** Time a client has to send a whole request; a stalled upload is answered 408 and closed. */
  requestTimeoutSeconds: number;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*$/;
const IPV6 = /^\[?([0-9a-f:.]+)\]?$/;

/** A host name or IP address, as it appears in a Host header without its port. */
function hostName(raw: string, name: string): string {
  const host = raw.toLowerCase().replace(/\.$/, '');
  if (HOST_NAME.test(host)) return host;
  const v6 = host.match(IPV6);
  if (v6 && v6[1].includes(':')) return `[${v6[1]}]`;
  throw new Error(`${name} must list host names or IP addresses without scheme or port; got "${raw}"`);
}

export function guardSettingsFromEnv(env: Env): GuardSettings {
  return {
    allowedOrigins: list(env, 'AIART_ALLOWED_ORIGINS', origin),
    allowedHosts: list(env, 'AIART_ALLOWED_HOSTS', hostName),
    videoWorkers: integer(env, 'AIART_VIDEO_WORKERS', Math.max(1, availableParallelism() - 1), 1, 64),
    shutdownGraceSeconds: number(env, 'AIART_SHUTDOWN_GRACE_SECONDS', 10, 0, 3600),
    requestTimeoutSeconds: number(env, 'AIART_REQUEST_TIMEOUT_SECONDS', 120, 0.1, 3600),
  };
}
