/**
 * A value that follows `value` at once when it changes rarely, but while it changes quickly
 * (a fast scroll) waits until it has been still for `quietMs`, so costly work runs once at the end.
 */
import { useEffect, useRef, useState } from 'react';

export function useSettled<T>(value: T, quietMs: number): T {
  const [settled, setSettled] = useState(value);
  const lastChange = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    // Only a new value counts as a change (not mounting): a grid's first screen follows at once.
    if (Object.is(value, settled)) return;
    const now = performance.now();
    const calm = now - lastChange.current > quietMs;
    lastChange.current = now;
    if (calm) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), quietMs);
    return () => clearTimeout(timer);
  }, [value, settled, quietMs]);
  return settled;
}
