/** Window (subcircuit) equivalence: a full adder planted in a random circuit, found with fixed and unknown correspondences. */
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import type { Circuit } from '../../src/core/circuit.js';
import { ValidationError } from '../../src/errors.js';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { specFromHex } from '../../src/tt/spec.js';
import { Rng } from '../../src/util/rng.js';
import { checkWindowEquivalence } from '../../src/verify/window.js';

const SEED = Number(process.env.WATERLOO_SEED ?? 777);

/**
 * A random AIG with a full adder over three internal gates a, b, c (one of
 * them complemented when `negate`), whose outputs feed more random logic.
 */
function planted(seed: number, negate: boolean): { c: Circuit; leaves: number[] } {
  const r = new Rng(seed);
  const b = new CircuitBuilder({ strash: false });
  const lits = b.addInputs(8);
  for (let g = 0; g < 30; g++) lits.push(b.and(lits[r.below(lits.length)]! ^ r.below(2), lits[r.below(lits.length)]! ^ r.below(2)));
  const [a, bb, c] = [lits[20]!, lits[25]!, lits[30]!].map((l) => l & ~1) as [number, number, number];
  const x = negate ? a ^ 1 : a;
  const axb = b.or(b.and(x, bb ^ 1), b.and(x ^ 1, bb));
  const sum = b.or(b.and(axb, c ^ 1), b.and(axb ^ 1, c));
  const carry = b.or(b.and(x, bb), b.and(c, axb));
  const more = [sum, carry];
  for (let g = 0; g < 10; g++) more.push(b.and(more[r.below(more.length)]! ^ r.below(2), lits[r.below(lits.length)]! ^ r.below(2)));
  b.addOutput(sum, 'fa_s');
  b.addOutput(carry, 'fa_c');
  b.addOutput(more[more.length - 1]!, 'y');
  return { c: b.build(), leaves: [a >>> 1, bb >>> 1, c >>> 1] };
}

describe('checkWindowEquivalence', () => {
  const fa = specFromHex(['96', 'e8'], 3);

  it(`finds a planted full adder with a fixed correspondence (seed ${SEED})`, async () => {
    for (let t = 0; t < 5; t++) {
      const { c, leaves } = planted(SEED + t, false);
      const v = await checkWindowEquivalence(c, { roots: ['fa_s', 'fa_c'], leaves }, fa);
      expect(v.verdict).toBe('equivalent');
      // the problem catalogue's full adder, if its output order matches, or with any output order
      const w = await checkWindowEquivalence(c, { roots: ['fa_s', 'fa_c'], leaves: leaves.map(String) }, parseProblem('fa').spec, { anyOutputOrder: true });
      expect(w.verdict).toBe('equivalent');
    }
  });

  it('returns a replayed counterexample for a fixed correspondence that does not hold', async () => {
    const { c, leaves } = planted(SEED, true);
    const v = await checkWindowEquivalence(c, { roots: ['fa_s', 'fa_c'], leaves }, fa);
    expect(v.verdict).toBe('different');
    if (v.verdict === 'different') expect(v.counterexample).toHaveLength(3);
  });

  it('finds the full adder with an unknown input order and a negated input', async () => {
    for (let t = 0; t < 5; t++) {
      const { c, leaves } = planted(SEED + 100 + t, true);
      const shuffled = [leaves[2]!, leaves[0]!, leaves[1]!];
      const fixed = await checkWindowEquivalence(c, { roots: ['fa_s', 'fa_c'], leaves: shuffled }, fa, { anyInputOrder: true });
      expect(fixed.verdict).toBe('different');
      const v = await checkWindowEquivalence(c, { roots: ['fa_s', 'fa_c'], leaves: shuffled }, fa, { anyInputOrder: true, allowNegations: true });
      expect(v.verdict).toBe('equivalent');
      if (v.verdict !== 'equivalent') continue;
      expect(v.method).toBe('search');
      expect([...v.mapping.inputPerm].sort()).toEqual([0, 1, 2]);
      // the carry alone: NPN canonical forms, MAJ3 with one input complemented
      const carry = await checkWindowEquivalence(c, { roots: ['fa_c'], leaves: shuffled }, specFromHex(['e8'], 3), { anyInputOrder: true, allowNegations: true });
      expect(carry.verdict).toBe('equivalent');
      if (carry.verdict === 'equivalent') {
        expect(carry.method).toBe('npn');
        expect(carry.npnTransform).toBeDefined();
      }
    }
  });

  it('rejects leaves that are not a cut, naming the input that leaks', async () => {
    const { c, leaves } = planted(SEED, false);
    const err = await checkWindowEquivalence(c, { roots: ['fa_s'], leaves: leaves.slice(0, 2) }, specFromHex(['6'], 2)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).code).toBe('not-a-cut');
    expect((err as Error).message).toMatch(/input/);
  });

  it('rejects unknown node names', async () => {
    const { c } = planted(SEED, false);
    const err = await checkWindowEquivalence(c, { roots: ['nope'], leaves: [1] }, specFromHex(['2'], 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).code).toBe('unknown-node');
  });
});
