import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { MAX_RETRIES, MAX_RETRY_AFTER_MS, retryDelay, shouldRetry } from './retry-policy';

const http = (status: number, retryAfterMs?: number) => new ApiError('http', 'x', status, retryAfterMs);

describe('shouldRetry', () => {
  it.each([400, 401, 402, 404, 409, 413, 415])('never retries HTTP %i', (status) => {
    expect(shouldRetry(0, http(status))).toBe(false);
  });

  it.each([429, 500, 502, 503])('retries HTTP %i up to the limit', (status) => {
    expect(shouldRetry(0, http(status))).toBe(true);
    expect(shouldRetry(MAX_RETRIES - 1, http(status))).toBe(true);
    expect(shouldRetry(MAX_RETRIES, http(status))).toBe(false);
  });

  it('retries network failures, timeouts and the stock-image failure, not aborts or bad answers', () => {
    expect(shouldRetry(0, new ApiError('network', 'x'))).toBe(true);
    expect(shouldRetry(0, new ApiError('timeout', 'x'))).toBe(true);
    expect(shouldRetry(0, new ApiError('placeholder', 'x'))).toBe(true);
    expect(shouldRetry(0, new ApiError('aborted', 'x'))).toBe(false);
    expect(shouldRetry(0, new ApiError('malformed', 'x'))).toBe(false);
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });

  it('does not wait out a Retry-After beyond the cap', () => {
    expect(shouldRetry(0, http(429, MAX_RETRY_AFTER_MS + 1))).toBe(false);
  });
});

describe('retryDelay', () => {
  it('honours Retry-After', () => {
    expect(retryDelay(0, http(429, 7000))).toBe(7000);
  });

  it('backs off exponentially with jitter between half and all of the ceiling', () => {
    expect(retryDelay(0, http(500), () => 0)).toBe(500);
    expect(retryDelay(0, http(500), () => 1)).toBe(1000);
    expect(retryDelay(2, http(500), () => 0)).toBe(2000);
    expect(retryDelay(10, http(500), () => 1)).toBe(30_000);
  });
});
