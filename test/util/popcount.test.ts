import { describe, expect, it } from 'vitest';
import { popcount } from '../../src/index.js';
import { Rng } from '../../src/util/rng.js';

const SEED = Number(process.env.WATERLOO_SEED ?? 7);

describe('popcount', () => {
  it('counts the ones of 32-bit words, negative ones taken as unsigned', () => {
    expect([0, 1, 3, 0x80000000, 0xffffffff, -1, -2, 0x55555555].map(popcount)).toEqual([0, 1, 2, 1, 32, 32, 31, 16]);
  });

  it(`agrees with a bit-by-bit count on random words (seed ${SEED})`, () => {
    const rng = new Rng(SEED);
    for (let t = 0; t < 10_000; t++) {
      const x = rng.nextU32() | 0;
      let c = 0;
      for (let i = 0; i < 32; i++) c += (x >>> i) & 1;
      expect(popcount(x), `word ${x} (seed ${SEED})`).toBe(c);
    }
  });
});
