import { expect, it } from 'vitest';
import { cellsOnScreen } from './gallery-cells';

it('counts a screenful of the smallest cells and a row more, within sane bounds', () => {
  expect(cellsOnScreen(1280, 800)).toBe(8 * 7);
  expect(cellsOnScreen(375, 800)).toBe(24);
  expect(cellsOnScreen(3840, 2160)).toBe(24 * 15);
  expect(cellsOnScreen(7680, 4320)).toBe(400);
  expect(cellsOnScreen(0, 0)).toBe(24);
});
