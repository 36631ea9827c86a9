import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/util/rng.js';
import { UsageError } from '../../src/errors.js';
import {
  checkPermutation,
  createFromFunction,
  fromHex,
  fromWords,
  toHex,
  ttCompare,
  ttEqual,
  ttFlipVar,
  ttPermuteVars,
  ttSwapVars,
  type TruthTable,
} from '../../src/tt/truth-table.js';

function random(rng: Rng, n: number): TruthTable {
  const w = new Uint32Array(n <= 5 ? 1 : 1 << (n - 5));
  for (let i = 0; i < w.length; i++) w[i] = rng.nextU32();
  return fromWords(n, w);
}

describe('variable flips, swaps, permutations', () => {
  it('match the minterm-level definitions for n = 1..8', () => {
    const rng = new Rng(5);
    for (let n = 1; n <= 8; n++) {
      for (let rep = 0; rep < 5; rep++) {
        const f = random(rng, n);
        for (let j = 0; j < n; j++) {
          expect(ttEqual(ttFlipVar(f, j), createFromFunction(n, (m) => f.get(m ^ (1 << j))))).toBe(true);
          for (let k = 0; k < n; k++) {
            const want = createFromFunction(n, (m) => {
              const bj = (m >> j) & 1, bk = (m >> k) & 1;
              return f.get((m & ~((1 << j) | (1 << k))) | (bj << k) | (bk << j));
            });
            expect(ttEqual(ttSwapVars(f, j, k), want)).toBe(true);
          }
        }
        const perm = [...Array(n).keys()].reverse();
        const want = createFromFunction(n, (m) => {
          let z = 0;
          for (let i = 0; i < n; i++) z |= ((m >> perm[i]!) & 1) << i;
          return f.get(z);
        });
        expect(ttEqual(ttPermuteVars(f, perm), want)).toBe(true);
      }
    }
  });

  it('examples in hex', () => {
    expect(toHex(ttFlipVar(fromHex('8', 2), 0))).toBe('4'); // x0 & x1 -> !x0 & x1
    expect(toHex(ttSwapVars(fromHex('2', 2), 0, 1))).toBe('4');
    expect(toHex(ttSwapVars(fromHex('f0', 3), 0, 2))).toBe('aa');
  });

  it('ttCompare orders as unsigned numbers, high word first', () => {
    expect(ttCompare(fromHex('80000000', 5), fromHex('7fffffff', 5))).toBe(1);
    expect(ttCompare(fromHex('00000001ffffffff', 6), fromHex('0000000200000000', 6))).toBe(-1);
    expect(ttCompare(fromHex('e8', 3), fromHex('e8', 3))).toBe(0);
    expect(() => ttCompare(fromHex('e8', 3), fromHex('8', 2))).toThrow(UsageError);
  });

  it('rejects bad variables and permutations', () => {
    expect(() => ttFlipVar(fromHex('8', 2), 2)).toThrow(UsageError);
    expect(() => ttSwapVars(fromHex('8', 2), 0, 5)).toThrow(UsageError);
    expect(() => checkPermutation([1, 1], 2)).toThrow(UsageError);
    expect(() => ttPermuteVars(fromHex('8', 2), [0])).toThrow(UsageError);
  });
});
