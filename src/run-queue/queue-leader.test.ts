import { afterEach, describe, expect, it, vi } from 'vitest';
import { awaitLeadership } from './queue-leader';

/** A LockManager with one exclusive lock per name, granted in order, as browsers do. */
function fakeLocks() {
  const held = new Map<string, Array<() => void>>();
  return {
    request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>) {
      return new Promise<void>((resolve, reject) => {
        const grant = () => void callback().then(() => {
          const line = held.get(name)!;
          line.shift();
          line[0]?.();
          resolve();
        });
        const line = held.get(name) ?? [];
        held.set(name, line);
        line.push(grant);
        options.signal?.addEventListener('abort', () => {
          const at = line.indexOf(grant);
          if (at > 0) {
            line.splice(at, 1);
            reject(new DOMException('aborted', 'AbortError'));
          }
        });
        if (line.length === 1) grant();
      });
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('queue leadership', () => {
  it('lets one tab lead at a time and hands over to the next when it closes', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const led: string[] = [];
    const closeA = awaitLeadership(() => led.push('a'), 'test-lock');
    const closeB = awaitLeadership(() => led.push('b'), 'test-lock');
    const closeC = awaitLeadership(() => led.push('c'), 'test-lock');
    await Promise.resolve();
    expect(led).toEqual(['a']);
    closeC();
    closeA();
    await vi.waitFor(() => expect(led).toEqual(['a', 'b']));
    closeB();
    await Promise.resolve();
    expect(led).toEqual(['a', 'b']);
  });

  it('leads at once where the browser has no Web Locks', () => {
    vi.stubGlobal('navigator', {});
    const lead = vi.fn();
    awaitLeadership(lead, 'test-lock');
    expect(lead).toHaveBeenCalledOnce();
  });
});
