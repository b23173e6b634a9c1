/**
 * Optional behaviour of the hosted service, for testing clients against it offline: added
 * latency, a cold start, per-client rate limits, an even share of injected failures and of
 * stock-image answers. Everything is off unless configured.
 */
import type { HostedQuirks } from '../config';
import { ApiError } from '../http/api-error';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True on an even spread of calls: rate 0.25 is true on every 4th call exactly. */
function evenShare(rate: number): () => boolean {
  let calls = 0;
  return () => {
    calls++;
    return Math.floor(calls * rate) > Math.floor((calls - 1) * rate);
  };
}

export interface Quirks {
  /**
   * Runs before an API request is handled; throws the ApiError to answer instead. Resolves with
   * a refund to call when the request is then refused, so only accepted requests count.
   */
  beforeApi(client: string, rateLimited: boolean): Promise<() => void>;
  /** True when this text-to-image answer should be the hosted stock-image failure. */
  placeholderNow(): boolean;
  readonly retryPolls: number;
  readonly oneVideoPerClient: boolean;
}

export function createQuirks(config: HostedQuirks): Quirks {
  let coldStart: Promise<unknown> | undefined;
  const failNow = evenShare(config.failureRate);
  const placeholderNow = evenShare(config.placeholderRate);
  const recent = new Map<string, number[]>();

  const noRefund = () => undefined;

  /** Takes a slot in the client's window and returns a way to give it back. */
  function checkRate(client: string): () => void {
    const limit = config.rateLimit;
    if (!limit) return noRefund;
    const now = Date.now();
    const window = config.rateWindowSeconds * 1000;
    const times = (recent.get(client) ?? []).filter((t) => t > now - window);
    if (times.length >= limit) {
      const retryAfter = Math.max(1, Math.ceil((times[0] + window - now) / 1000));
      recent.set(client, times);
      throw new ApiError(429, `Rate limit reached: at most ${limit} requests in ${config.rateWindowSeconds} s. Retry in ${retryAfter} s.`, {
        'Retry-After': String(retryAfter),
      });
    }
    times.push(now);
    recent.set(client, times);
    return () => {
      const kept = recent.get(client) ?? [];
      const at = kept.indexOf(now);
      if (at >= 0) kept.splice(at, 1);
    };
  }

  return {
    async beforeApi(client, rateLimited) {
      if (config.coldStartMs) await (coldStart ??= sleep(config.coldStartMs));
      if (config.latencyMs) await sleep(config.latencyMs);
      const refund = rateLimited ? checkRate(client) : noRefund;
      if (config.failureRate && failNow()) {
        refund();
        throw new ApiError(500, 'Injected server error (AIART_FAILURE_RATE)');
      }
      return refund;
    },
    placeholderNow: () => config.placeholderRate > 0 && placeholderNow(),
    retryPolls: config.retryPolls,
    oneVideoPerClient: config.oneVideoPerClient,
  };
}
