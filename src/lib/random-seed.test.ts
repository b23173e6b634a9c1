import { expect, it } from 'vitest';
import { MAX_SEED } from '../api/contract';
import { batchSeeds, randomSeed } from './random-seed';

it('picks seeds in the valid range', () => {
  for (let i = 0; i < 1000; i++) {
    const seed = randomSeed();
    expect(Number.isInteger(seed) && seed >= 1 && seed <= MAX_SEED).toBe(true);
  }
});

it('gives a batch distinct seeds: consecutive from a fixed one, wrapping at the maximum', () => {
  expect(batchSeeds(4, 10)).toEqual([10, 11, 12, 13]);
  expect(batchSeeds(3, MAX_SEED)).toEqual([MAX_SEED, 1, 2]);
  expect(new Set(batchSeeds(4)).size).toBe(4);
});
