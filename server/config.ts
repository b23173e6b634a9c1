/** The engine's settings, read once from environment variables; every switch is off by default. */
import path from 'node:path';
import { gatewayFromEnv } from './backends/config';
import type { BackendSettings } from './backends/settings';
import { type Env, flag, list, number, origin } from './env-values';
import { type GuardSettings, guardSettingsFromEnv } from './guard-settings';

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
  /** Backends besides the local preview, the AiArt upstream first when there is one. */
  backends: BackendSettings[];
  /** When set, API requests need `Authorization: Bearer <token>`. */
  accessToken?: string;
  log: boolean;
  /** Behind a reverse proxy: take the scheme and host from X-Forwarded-Proto and X-Forwarded-Host. */
  trustProxy: boolean;
  quirks: HostedQuirks;
  guards: GuardSettings;
}

export const HOSTED_ORIGIN = 'https://aiart-zroo.onrender.com';

export function configFromEnv(env: Env = process.env): EngineConfig {
  const host = env.HOST || '127.0.0.1';
  const upstream = env.AIART_UPSTREAM ? origin(env.AIART_UPSTREAM, 'AIART_UPSTREAM') : undefined;
  const backendTimeoutMs = number(env, 'AIART_BACKEND_TIMEOUT_SECONDS', 300, 0.1, 3600) * 1000;
  return {
    host,
    port: number(env, 'PORT', 8787, 0, 65535),
    dataDir: path.resolve(env.AIART_DATA_DIR || '.aiart-data'),
    staticDir: env.AIART_STATIC_DIR === undefined ? path.resolve('dist') : env.AIART_STATIC_DIR || undefined,
    mediaTtlSeconds: number(env, 'AIART_MEDIA_TTL_SECONDS', 24 * 3600, 1, 365 * 24 * 3600),
    videoSeconds: number(env, 'AIART_VIDEO_SECONDS', 8, 0, 3600),
    upstream,
    extraOrigins: list(env, 'AIART_EXTRA_ORIGINS', origin),
    ...gatewayFromEnv(env, host, upstream, backendTimeoutMs),
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
    guards: guardSettingsFromEnv(env),
  };
}
