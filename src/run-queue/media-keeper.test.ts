import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMediaKeeper } from './media-keeper';

class Gone extends Error {}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('media keeper', () => {
  it('tries a failed download again with backoff until it is kept', async () => {
    const keep = vi.fn().mockRejectedValueOnce(new Error('offline')).mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const keeper = createMediaKeeper({ keep, isFinal: (error) => error instanceof Gone, giveUp: vi.fn(), random: () => 0 });
    keeper.keep('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(keep).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(keep).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(keep).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(keep).toHaveBeenCalledTimes(3);
    keeper.dispose();
  });

  it('tries every waiting download at once when the browser is back online', async () => {
    const keep = vi.fn().mockRejectedValueOnce(new Error('offline')).mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const keeper = createMediaKeeper({ keep, isFinal: () => false, giveUp: vi.fn(), random: () => 1 });
    keeper.keep('a');
    keeper.keep('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(keep).toHaveBeenCalledTimes(2);
    keeper.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(keep.mock.calls.map(([id]) => id)).toEqual(['a', 'b', 'a', 'b']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(keep).toHaveBeenCalledTimes(4);
    keeper.dispose();
  });

  it('gives up on a file the backend no longer has, saying so once', async () => {
    const keep = vi.fn().mockRejectedValue(new Gone('HTTP 404'));
    const giveUp = vi.fn();
    const keeper = createMediaKeeper({ keep, isFinal: (error) => error instanceof Gone, giveUp });
    keeper.keep('a');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(keep).toHaveBeenCalledTimes(1);
    expect(giveUp).toHaveBeenCalledWith('a', expect.any(Gone));
    keeper.dispose();
  });
});
