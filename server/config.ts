/** The engine's settings, read once from environment variables; every switch is off by default. */
import path from 'node:path';

export interface HostedQuirks {
  /** Added to every API answer. */
  latencyMs: number;
  /** Held on the first API request after start, as a sleeping free-tier host would. */
  coldStartMs: number;
  /** Image and video starts allowed per client address in each rate window; 0 = unlimited. */
  rateLimit: number;
  /** The rate window in seconds: a minute, as the hosted service counts. */
  rateWindowSeconds: number;
  /** Share of API requests answered with an injected 500, spread evenly (0..1). */
  failureRate: number;
  /** Share of text-to-image requests answered with the hosted stock-image failure (0..1). */
  placeholderRate: number;
  /** Polls of each video job answered `status: "retry"` before the real state. */
  retryPolls: number;
  /** Answer 409 to a second video start while one runs for the same client. */
  oneVideoPerClient: boolean;
}

export interface EngineConfig {
  host: string;
  port: number;
  dataDir: string;
  /** Built studio to serve, if present; the engine alone needs none. */
  staticDir?: string;
  /** Seconds before a generated file is deleted. */
  mediaTtlSeconds: number;
  /** Least time a video job takes, in seconds, however fast the render is. */
  videoSeconds: number;
  /** Forward every API and media path to this origin instead of generating locally. */
  upstream?: string;
  /** Other origins the studio's Content-Security-Policy allows it to call. */
  extraOrigins: string[];
  log: boolean;
  /** Behind a reverse proxy: take the scheme and host from X-Forwarded-Proto and X-Forwarded-Host. */
  trustProxy: boolean;
  quirks: HostedQuirks;
}

export const HOSTED_ORIGIN = 'https://aiart-zroo.onrender.com';

type Env = Record<string, string | undefined>;

function number(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string): boolean {
  return ['1', 'true', 'yes', 'on'].includes((env[name] ?? '').toLowerCase());
}

function origin(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL; got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL`);
  return url.origin;
}

export function configFromEnv(env: Env = process.env): EngineConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: number(env, 'PORT', 8787, 0, 65535),
    dataDir: path.resolve(env.AIART_DATA_DIR || '.aiart-data'),
    staticDir: env.AIART_STATIC_DIR === undefined ? path.resolve('dist') : env.AIART_STATIC_DIR || undefined,
    mediaTtlSeconds: number(env, 'AIART_MEDIA_TTL_SECONDS', 24 * 3600, 1, 365 * 24 * 3600),
    videoSeconds: number(env, 'AIART_VIDEO_SECONDS', 8, 0, 3600),
    upstream: env.AIART_UPSTREAM ? origin(env.AIART_UPSTREAM, 'AIART_UPSTREAM') : undefined,
    extraOrigins: (env.AIART_EXTRA_ORIGINS ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((value) => origin(value, 'AIART_EXTRA_ORIGINS')),
    log: (env.AIART_LOG ?? 'on') !== 'off',
    trustProxy: flag(env, 'AIART_TRUST_PROXY'),
    quirks: {
      latencyMs: number(env, 'AIART_LATENCY_MS', 0, 0, 600_000),
      coldStartMs: number(env, 'AIART_COLD_START_MS', 0, 0, 600_000),
      rateLimit: number(env, 'AIART_RATE_LIMIT', 0, 0, 100_000),
      rateWindowSeconds: number(env, 'AIART_RATE_WINDOW_SECONDS', 60, 1, 3600),
      failureRate: number(env, 'AIART_FAILURE_RATE', 0, 0, 1),
      placeholderRate: number(env, 'AIART_PLACEHOLDER_RATE', 0, 0, 1),
      retryPolls: number(env, 'AIART_RETRY_POLLS', 0, 0, 1000),
      oneVideoPerClient: flag(env, 'AIART_ONE_VIDEO_PER_CLIENT'),
    },
  };
}
