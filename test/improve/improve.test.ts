import { describe, expect, it } from 'vitest';
import { improve, DEFAULT_IMPROVE_PARAMS, type ImproveParams } from '../../src/improve/index.js';
import { toBasis } from '../../src/core/to-basis.js';
import type { Circuit } from '../../src/core/circuit.js';
import { circuitCost } from '../../src/core/cost.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { parseProblem } from '../../src/problems/index.js';
import { cadicalNativeAvailable } from '../../src/sat/backends/cadical-native.js';
import { specSatisfiedBy } from '../../src/tt/spec.js';
import { mod3Circuit, rippleSumCircuit, sumCircuit, thresholdCircuit } from './textbook.js';

const NATIVE = cadicalNativeAvailable();
const BACKEND = NATIVE ? 'cadical' : 'minisat';
/** Slow targets (best known sizes) only with WATERLOO_SLOW=1. */
const SLOW = process.env['WATERLOO_SLOW'] === '1';

/** Exhaustive check against the problem family's definition, independent of improve's own checks. */
function implementsProblem(c: Circuit, problem: string): boolean {
  return specSatisfiedBy(parseProblem(problem).spec, simulateTruthTables(c));
}

function b2Size(c: Circuit): number {
  const cost = circuitCost(c, 'B2');
  if (!cost.inBasis) throw new Error(cost.reason);
  return cost.size;
}

// strictly improving runs (no plateau moves): they stop at the first local optimum
const FAST: Partial<ImproveParams> = { basis: 'B2', backend: BACKEND, timeLimitMs: NATIVE ? 5000 : 3000, callTimeLimitMs: 1000, windowSize: 7, windowsPerSeed: 3, seed: 1, plateauMoves: 0 };

describe('improve on textbook circuits (B2)', () => {
  it('the textbook circuits implement their problems', () => {
    expect(implementsProblem(sumCircuit(5), 'sum:5')).toBe(true);
    expect(b2Size(sumCircuit(5))).toBe(12);
    expect(implementsProblem(rippleSumCircuit(5), 'sum:5')).toBe(true);
    for (const r of [0, 1, 2]) expect(implementsProblem(mod3Circuit(5, r), `mod3:5:${r}`)).toBe(true);
    expect(implementsProblem(thresholdCircuit(6, 3), 'thr:6:3')).toBe(true);
  });

  const cases: [string, Circuit, boolean][] = [
    ['sum:5', sumCircuit(5), false], // carry-save: 12 gates, a local optimum for small windows
    ['sum:5', rippleSumCircuit(5), true],
    ['mod3:5:0', mod3Circuit(5, 0), true],
    ['mod3:5:1', mod3Circuit(5, 1), true],
    ['thr:6:3', thresholdCircuit(6, 3), true],
  ];
  for (const [problem, c, strict] of cases) {
    it(`${problem} (${b2Size(c)} gates) improves to an equivalent circuit`, async () => {
      // strict cases stop at their first replacement: no time limit, so the outcome does not depend on the machine's load
      const r = await improve(c, strict ? { ...FAST, timeLimitMs: 0, targetSize: b2Size(toBasis(c, 'B2')) - 1 } : FAST);
      expect(implementsProblem(r.circuit, problem)).toBe(true);
      expect(b2Size(r.circuit)).toBe(r.sizeAfter);
      expect(r.sizeBefore).toBeLessThanOrEqual(b2Size(c)); // conversion strashes
      if (strict) expect(r.sizeAfter).toBeLessThan(r.sizeBefore);
      else expect(r.sizeAfter).toBeLessThanOrEqual(r.sizeBefore);
      expect(r.circuit.inputNames).toEqual(c.inputNames);
      expect(r.circuit.outputNames).toEqual(c.outputNames);
    }, 30_000);
  }

  it('is deterministic for a seed when no call hits its time limit', async () => {
    const p: Partial<ImproveParams> = { ...FAST, timeLimitMs: 0, callTimeLimitMs: 60_000, windowSize: 5, maxRounds: 3 };
    const a = await improve(mod3Circuit(4, 1), p);
    const b = await improve(mod3Circuit(4, 1), p);
    expect(a.stats.synthTimeouts).toBe(0);
    expect(b.sizeAfter).toBe(a.sizeAfter);
    expect(b.replacements).toBe(a.replacements);
    expect(Array.from(b.circuit.fanins)).toEqual(Array.from(a.circuit.fanins));
  }, 30_000);

  for (const basis of ['AIG', 'XAIG', 'U2'] as const) {
    it(`works in ${basis}`, async () => {
      const c = mod3Circuit(4, 0);
      const r = await improve(c, { ...FAST, basis, timeLimitMs: 3000 });
      expect(implementsProblem(r.circuit, 'mod3:4:0')).toBe(true);
      const cost = circuitCost(r.circuit, basis);
      expect(cost.inBasis && cost.size).toBe(r.sizeAfter);
      expect(r.sizeAfter).toBeLessThan(r.sizeBefore);
    }, 30_000);
  }

  it('over 16 inputs: no don\'t-cares, final proof by SAT', async () => {
    const c = mod3Circuit(17, 2);
    const r = await improve(c, { ...FAST, timeLimitMs: 3000 });
    expect(r.stats.finalCheck).toBe('sat');
    expect(r.sizeAfter).toBeLessThan(r.sizeBefore);
    expect(implementsProblem(r.circuit, 'mod3:17:2')).toBe(true);
  }, 60_000);

  it('refuses bad parameters', async () => {
    await expect(improve(mod3Circuit(3, 0), { windowInputs: 0 })).rejects.toThrow(/windowInputs/);
    await expect(improve(mod3Circuit(3, 0), { basis: 'MIG' })).rejects.toThrow(/MIG/);
    expect(DEFAULT_IMPROVE_PARAMS.basis).toBe('B2');
  });

  it('toBasis keeps the function and puts the circuit in the basis', () => {
    const c = thresholdCircuit(5, 2);
    for (const basis of ['B2', 'U2', 'AIG', 'XAIG'] as const) {
      const d = toBasis(c, basis);
      expect(circuitCost(d, basis).inBasis).toBe(true);
      expect(implementsProblem(d, 'thr:5:2')).toBe(true);
    }
  });
});

describe('plateau moves', () => {
  it('leave the carry-save SUM_5 local optimum without changing the function or growing', async () => {
    const c = sumCircuit(5);
    const stuck = await improve(c, FAST);
    expect(stuck.sizeAfter).toBe(12);
    expect(stuck.stats.plateauMoves).toBe(0);
    const r = await improve(c, { ...FAST, plateauMoves: 3, restarts: 0, timeLimitMs: 0, maxRounds: 8 });
    expect(r.stats.plateauMoves).toBeGreaterThanOrEqual(1);
    expect(r.stats.plateauMoves).toBeLessThanOrEqual(3 * (1 + r.stats.restarts + r.replacements));
    expect(r.sizeAfter).toBeLessThanOrEqual(12);
    expect(b2Size(r.circuit)).toBe(r.sizeAfter);
    expect(implementsProblem(r.circuit, 'sum:5')).toBe(true);
  }, 60_000);

  it.skipIf(!NATIVE)('take the carry-save SUM_5 (12 gates) to the best known 11 (seed 3, no time limits: deterministic)', async () => {
    const res = await improve(sumCircuit(5), { ...FAST, windowInputs: 5, windowSize: 7, windowsPerSeed: 2, callTimeLimitMs: 60_000, timeLimitMs: 0, plateauMoves: 200, targetSize: 11, seed: 3 });
    expect(res.stats.synthTimeouts).toBe(0);
    expect(res.sizeAfter).toBe(11);
    expect(b2Size(res.circuit)).toBe(11);
    expect(res.stats.plateauMoves).toBeGreaterThanOrEqual(1);
    expect(implementsProblem(res.circuit, 'sum:5')).toBe(true);
  }, 60_000);

  it('targetSize stops the run as soon as it is reached', async () => {
    const c = mod3Circuit(5, 1);
    const start = b2Size(toBasis(c, 'B2'));
    const r = await improve(c, { ...FAST, timeLimitMs: 0, targetSize: start - 1 });
    expect(r.sizeAfter).toBeLessThanOrEqual(start - 1);
    expect(r.replacements).toBeGreaterThanOrEqual(1);
    expect(r.stats.finalSizeAtMs).toBeGreaterThan(0);
    expect(implementsProblem(r.circuit, 'mod3:5:1')).toBe(true);
  }, 60_000);
});

describe.skipIf(!SLOW || !NATIVE)('best known sizes (WATERLOO_SLOW=1, native cadical)', () => {
  // plateau moves take the carry-save circuit (two full adders and a half adder, 12 gates) to 11;
  // measured on a loaded 2-core machine: seeds 1-3 reach 11 within 60 s, see the issue 6 note
  for (const seed of [1, 2, 3]) {
    it(`SUM_5 from the carry-save circuit: 11 gates (seed ${seed})`, async () => {
      const res = await improve(sumCircuit(5), { basis: 'B2', backend: 'cadical', windowInputs: 5, windowSize: 7, callTimeLimitMs: 2000, timeLimitMs: 240_000, plateauMoves: 1000, targetSize: 11, seed });
      expect(implementsProblem(res.circuit, 'sum:5')).toBe(true);
      expect(res.sizeAfter).toBe(11);
    }, 300_000);
  }

  const targets: [number, number][] = [
    [0, 10],
    [1, 9],
    [2, 10],
  ];
  // 11 (the best known size) was reached once from this start (windows of 6 leaves / 10 gates, seed 1, 84 s),
  // but not reproducibly: it depends on which synthesis calls finish within their time limit.
  it('SUM_5 from the ripple counter: 12 gates or fewer', async () => {
    const res = await improve(rippleSumCircuit(5), { basis: 'B2', backend: 'cadical', windowInputs: 6, windowSize: 10, callTimeLimitMs: 10_000, timeLimitMs: 240_000, seed: 1, targetSize: 11 });
    expect(implementsProblem(res.circuit, 'sum:5')).toBe(true);
    expect(res.sizeAfter).toBeLessThanOrEqual(12);
  }, 300_000);

  for (const [r, best] of targets) {
    it(`MOD_3 on 5 inputs, r = ${r}: ${best} gates`, async () => {
      const res = await improve(mod3Circuit(5, r), { basis: 'B2', backend: 'cadical', windowSize: 12, callTimeLimitMs: 30_000, timeLimitMs: 180_000, seed: 1, targetSize: best });
      expect(implementsProblem(res.circuit, `mod3:5:${r}`)).toBe(true);
      expect(res.sizeAfter).toBe(best);
    }, 300_000);
  }
});
