import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useSettled } from './use-settled';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('follows a rare change at once, and a burst of changes only when it stops', () => {
  const { result, rerender } = renderHook(({ value }) => useSettled(value, 100), { initialProps: { value: 1 } });
  expect(result.current).toBe(1);
  act(() => vi.advanceTimersByTime(500));
  rerender({ value: 2 });
  expect(result.current).toBe(2);
  for (const value of [3, 4, 5]) {
    act(() => vi.advanceTimersByTime(20));
    rerender({ value });
  }
  expect(result.current).toBe(2);
  act(() => vi.advanceTimersByTime(100));
  expect(result.current).toBe(5);
});

it('follows the first change after mounting at once, however soon it comes', () => {
  const { result, rerender } = renderHook(({ value }) => useSettled(value, 100), { initialProps: { value: 'empty' } });
  act(() => vi.advanceTimersByTime(5));
  rerender({ value: 'first screen' });
  expect(result.current).toBe('first screen');
});
