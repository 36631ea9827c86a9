/**
 * Affine equivalence classes, computed (src/tt/affine.ts): 3 classes for
 * n = 3, 8 for n = 4 and 48 for n = 5 (Berlekamp and Welch 1972; the n = 4
 * and 5 counts as in Turan and Peralta / Soeken 2020); the class sizes sum to
 * 2^(2^n); n = 5 runs with WATERLOO_SLOW=1.
 */
import { describe, expect, test } from 'vitest';
import { affineClasses } from '../../src/tt/affine.js';
import { anfWord } from '../../src/tt/anf.js';

const SLOW = process.env['WATERLOO_SLOW'] !== undefined && process.env['WATERLOO_SLOW'] !== '0';

describe('affine classes', () => {
  test('ANF transform is an involution and finds x0 x1', () => {
    expect(anfWord(0x8, 2)).toBe(0x8); // AND = x0 x1
    expect(anfWord(0x6, 2)).toBe(0x6); // XOR = x0 + x1
    expect(anfWord(0xe, 2)).toBe(0xe); // OR = x0 + x1 + x0 x1
    for (const w of [0x12345678, 0xdeadbeef, 0]) expect(anfWord(anfWord(w, 5), 5)).toBe(w >>> 0);
  });

  test.each([
    [2, 2],
    [3, 3],
    [4, 8],
  ])('n = %i: %i classes covering all functions', (n, count) => {
    const cls = affineClasses(n);
    expect(cls.length).toBe(count);
    expect(cls.reduce((s, c) => s + c.functions, 0)).toBe(2 ** 2 ** n);
  });

  test.runIf(SLOW)('n = 5: 48 classes', () => {
    const cls = affineClasses(5);
    expect(cls.length).toBe(48);
    expect(cls.reduce((s, c) => s + c.functions, 0)).toBe(2 ** 32);
  }, 600_000);
});
