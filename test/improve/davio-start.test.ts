/**
 * Davio starting circuits (src/improve/davio-start.ts) and the portfolio of
 * quickUpperBound that uses them: every assembled circuit meets its spec,
 * blocks do not depend on their expansion input, symmetric inputs give one
 * candidate, and the portfolio reaches an upper bound the Shannon start alone
 * does not.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { circuitCost } from '../../src/core/cost.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { assembleDavio, davioBlockSpec, davioCandidates } from '../../src/improve/davio-start.js';
import { quickUpperBound, shannonCircuit } from '../../src/improve/upper-bound.js';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { cadicalNativeAvailable } from '../../src/sat/backends/cadical-native.js';
import { makeSpec, specFromHex, specSatisfiedBy } from '../../src/tt/spec.js';
import { createFromFunction, ttHasVar } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';

const SEED = 20261207;
const BACKEND = cadicalNativeAvailable() ? 'cadical' : 'minisat';

function b2Size(c: Parameters<typeof circuitCost>[0]): number {
  const cost = circuitCost(c, 'B2');
  if (!cost.inBasis) throw new Error(cost.reason);
  return cost.size;
}

describe('Davio starts', () => {
  it(`every candidate's assembled circuit meets the spec, its block ignores the expansion input (seed ${SEED})`, () => {
    console.log(`fast-check seed ${SEED}`);
    let candidates = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (seed, n, m, withCare) => {
        const rng = new Rng(seed);
        const outs = Array.from({ length: m }, () => createFromFunction(n, () => rng.below(2) === 1));
        const care = withCare ? Array.from({ length: m }, () => createFromFunction(n, () => rng.below(4) !== 0)) : undefined;
        const spec = makeSpec(n, outs, care);
        for (const cand of davioCandidates(spec)) {
          candidates++;
          expect(cand.block.outputs.length).toBe(2 * m);
          for (const t of cand.block.outputs) expect(ttHasVar(t, cand.input)).toBe(false);
          const block = shannonCircuit(cand.block);
          const whole = assembleDavio(spec, cand, block);
          expect(specSatisfiedBy(spec, simulateTruthTables(whole))).toBe(true);
          // the expansion costs at most two gates per output
          expect(b2Size(whole)).toBeLessThanOrEqual(b2Size(block) + 2 * m);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(candidates).toBeGreaterThan(200);
  });

  it('one input per symmetric class, both bases; inputs no output depends on are skipped', () => {
    // maj:5 is symmetric in all inputs: x0 with f0 and with f1 as the kept cofactor
    expect(davioCandidates(parseProblem('maj:5').spec).map((c) => [c.input, c.base])).toEqual([[0, false], [0, true]]);
    // Knuth's hardest 5-input function has no symmetric pair and no equal blocks
    expect(davioCandidates(specFromHex(['169ae443'], 5))).toHaveLength(10);
    // x0 AND x2 over three inputs: x1 is not used, and x0, x2 are symmetric
    expect(davioCandidates(specFromHex(['a0'], 3)).map((c) => c.input)).toEqual([0, 0]);
  });

  it('the block of the positive expansion is (f0, f0 xor f1); the negative keeps f1', () => {
    // f = x0 XOR x1 over 2 inputs, expanded on x1: f0 = x0, f1 = NOT x0, f0 xor f1 = 1
    const pos = davioBlockSpec(specFromHex(['6'], 2), 1, false);
    const neg = davioBlockSpec(specFromHex(['6'], 2), 1, true);
    expect(pos.outputs.map((t) => t.words[0]! & 0xf)).toEqual([0xa, 0xf]);
    expect(neg.outputs.map((t) => t.words[0]! & 0xf)).toEqual([0x5, 0xf]);
  });
});

describe('quickUpperBound portfolio', () => {
  it('maj:5 reaches 9 gates (its optimum) from a Davio start; improving the Shannon circuit alone stalls at 12', async () => {
    const spec = parseProblem('maj:5').spec;
    const t0 = performance.now();
    const r = await quickUpperBound(spec, { basis: 'B2', timeLimitMs: 40_000, backend: BACKEND, target: 9 });
    console.log(`maj:5: ${r.size} gates from the ${r.start} start in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    expect(specSatisfiedBy(spec, simulateTruthTables(r.circuit))).toBe(true);
    expect({ size: r.size, start: r.start }).toEqual({ size: 9, start: expect.stringMatching(/^(positive|negative) Davio on x0$/) });
  }, 60_000);

  it('in U2 (no one-gate XOR) only the Shannon start is used, and the answer is verified', async () => {
    const spec = parseProblem('thr:4:2').spec;
    const r = await quickUpperBound(spec, { basis: 'U2', timeLimitMs: 500, backend: BACKEND });
    expect(r.start).toBe('Shannon');
    expect(specSatisfiedBy(spec, simulateTruthTables(r.circuit))).toBe(true);
  }, 30_000);
});
