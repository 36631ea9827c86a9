import { describe, expect, it } from 'vitest';
import { roundExact, ROUNDING_MODES, type RoundingMode } from '../../src/learn/qnn/quantizers.js';
import { ceil, floor, largestWhere, rat, ratOfDouble, ratToNumber, isqrt } from '../../src/learn/qnn/rational.js';
import { surdCeil, surdFloor, surdOfDouble, surdSign, surdSqrt, surdToNumber, type Surd } from '../../src/learn/qnn/surd.js';
import { Rng } from '../../src/util/rng.js';

describe('exact rationals and surds', () => {
  it('converts doubles exactly (float32 values, subnormals, large integers)', () => {
    const seed = 2024;
    const rng = new Rng(seed);
    for (let k = 0; k < 2000; k++) {
      const x = Math.fround((rng.nextFloat() - 0.5) * 2 ** (rng.below(80) - 40));
      const r = ratOfDouble(x);
      expect(ratToNumber(r), `seed ${seed} x ${x}`).toBe(x);
      expect(r.d & (r.d - 1n)).toBe(0n); // dyadic
    }
    expect(ratOfDouble(5e-324)).toEqual(rat(1n, 1n << 1074n));
    expect(ratOfDouble(2 ** 60)).toEqual(rat(1n << 60n));
    expect(ratOfDouble(-0.375)).toEqual(rat(-3n, 8n));
    expect(() => ratOfDouble(NaN)).toThrow(RangeError);
  });

  it('floors and ceils rationals and surds exactly', () => {
    expect([floor(rat(-7n, 2n)), ceil(rat(-7n, 2n)), floor(rat(7n, 2n)), ceil(rat(6n, 2n))]).toEqual([-4n, -3n, 3n, 3n]);
    expect(isqrt(10n ** 40n + 1n)).toBe(10n ** 20n);
    expect(surdSqrt(rat(9n, 4n))).toEqual(surdOfDouble(1.5));
    const seed = 77;
    const rng = new Rng(seed);
    for (let k = 0; k < 2000; k++) {
      const s: Surd = { a: rat(BigInt(rng.below(2001) - 1000), BigInt(1 + rng.below(16))), b: rat(BigInt(rng.below(201) - 100), BigInt(1 + rng.below(8))), r: rat(BigInt(2 + rng.below(50)), 1n) };
      const root = surdSqrt(s.r);
      if (root.b.n === 0n) continue; // a perfect square: not a surd
      const v = surdToNumber(s);
      if (Math.abs(v - Math.round(v)) < 1e-6) continue;
      expect(surdFloor(s), `seed ${seed} case ${k}`).toBe(BigInt(Math.floor(v)));
      expect(surdCeil(s)).toBe(BigInt(Math.ceil(v)));
      expect(surdSign(s)).toBe(Math.sign(v));
    }
    // 3 - 2 sqrt(2) > 0 but close; 2 sqrt(2) - 3 < 0
    expect(surdSign({ a: rat(3n), b: rat(-2n), r: rat(2n) })).toBe(1);
    expect(surdSign({ a: rat(-3n), b: rat(2n), r: rat(2n) })).toBe(-1);
  });

  it('rounds as the QONNX Quant rounding table says', () => {
    // the table of the IntQuant op definition (rows: input, columns: ROUND, CEIL, FLOOR, UP, DOWN, HALF_UP, HALF_DOWN)
    const modes: RoundingMode[] = ['ROUND', 'CEIL', 'FLOOR', 'UP', 'DOWN', 'HALF_UP', 'HALF_DOWN'];
    const table: [number, number[]][] = [
      [5.5, [6, 6, 5, 6, 5, 6, 5]], [2.5, [2, 3, 2, 3, 2, 3, 2]], [1.6, [2, 2, 1, 2, 1, 2, 2]], [1.1, [1, 2, 1, 2, 1, 1, 1]], [1.0, [1, 1, 1, 1, 1, 1, 1]],
      [-1.0, [-1, -1, -1, -1, -1, -1, -1]], [-1.1, [-1, -1, -2, -2, -1, -1, -1]], [-1.6, [-2, -1, -2, -2, -1, -2, -2]], [-2.5, [-2, -2, -3, -3, -2, -3, -2]], [-5.5, [-6, -5, -6, -6, -5, -6, -5]],
    ];
    expect([...ROUNDING_MODES].sort()).toEqual([...modes].sort());
    for (const [x, want] of table) modes.forEach((m, i) => expect(roundExact(surdOfDouble(x), m), `${m}(${x})`).toBe(BigInt(want[i]!)));
    // halves at 0.5 and -0.5
    expect(['ROUND', 'HALF_UP', 'HALF_DOWN'].map((m) => [roundExact(surdOfDouble(0.5), m as RoundingMode), roundExact(surdOfDouble(-0.5), m as RoundingMode)])).toEqual([[0n, 0n], [1n, -1n], [0n, 0n]]);
  });

  it('largestWhere finds the boundary of a monotone predicate from any start (seed 77)', () => {
    const rng = new Rng(77);
    for (let k = 0; k < 500; k++) {
      const boundary = BigInt(rng.below(2 ** 30)) - 2n ** 29n;
      const start = BigInt(rng.below(2 ** 20)) - 2n ** 19n;
      expect(largestWhere((x) => x <= boundary, start), `boundary ${boundary}, start ${start}`).toBe(boundary);
    }
    expect(largestWhere((x) => x <= 2n ** 70n)).toBe(2n ** 70n);
    expect(largestWhere((x) => x <= -(2n ** 70n))).toBe(-(2n ** 70n));
  });
});
