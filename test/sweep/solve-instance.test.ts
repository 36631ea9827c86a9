import { shannonCircuit, quickUpperBound } from '../../src/improve/upper-bound.js';
import { specSatisfiedBy } from '../../src/tt/spec.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { circuitCost } from '../../src/core/cost.js';
import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { solveInstance, specKeyOf } from '../../src/sweep/solve-instance.js';
import { specFromHex } from '../../src/tt/spec.js';

describe('solveInstance', () => {
  it('solves maj:3 in B2 to an optimal record with every field filled', async () => {
    const r = await solveInstance({ problem: 'maj:3', basis: 'B2', encoder: 'ssv' }, { backend: 'auto', command: 'test' });
    expect(r).toMatchObject({
      problem: 'maj:3', basis: 'B2', encoder: 'ssv', family: 'maj', params: [3], inputs: 3, outputs: 1,
      status: 'optimal', size: 4, lowerBound: 4, evidence: { kind: 'unsat', size: 3 }, command: 'test',
    });
    expect(r.evidence.kind === 'unsat' && r.evidence.cnfSha256.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(r.specKey).toBe(specKeyOf(parseProblem('thr:3:2').spec));
    expect(r.attempts.at(-1)).toMatchObject({ size: 4, answer: 'sat' });
    expect(r.attempts.some((a) => a.size === 3 && a.answer === 'unsat')).toBe(true);
    expect(r.findSeconds).toBeGreaterThanOrEqual(0);
    expect(r.proveSeconds).toBeGreaterThanOrEqual(0);
    expect(r.seconds).toBeGreaterThanOrEqual(r.findSeconds!);
    expect(r.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Number.isNaN(Date.parse(r.createdAt))).toBe(false);
    expect(r.reason).toBeUndefined();
    expect(r.circuit).toMatch(/x0/);
  });

  it('a time-limited run gets a verified heuristic circuit: feasible (>= its proven bound), reason time', async () => {
    const r = await solveInstance({ problem: 'maj:7', basis: 'B2', encoder: 'ssv', timeoutSeconds: 0.2 }, { backend: 'auto', command: 'test' });
    expect(r.status).toBe('feasible');
    expect(r.reason).toMatch(/^time; circuit from the heuristic upper bound/);
    expect(r.timeoutSeconds).toBe(0.2);
    expect(r.lowerBound).toBeGreaterThan(0);
    expect(r.size).toBeGreaterThanOrEqual(r.lowerBound);
    expect(r.findSeconds).toBeUndefined();
    expect(r.circuit).toBeDefined();
  }, 60_000);

  it('the Shannon upper-bound circuit meets its spec, don\'t-cares included, and improve shrinks it', async () => {
    for (const name of ['maj:5', 'sum:4', 'addmod:3', 'mod3:5:1']) {
      const spec = parseProblem(name).spec;
      const c = shannonCircuit(spec);
      expect(specSatisfiedBy(spec, simulateTruthTables(c)), name).toBe(true);
      const ub = await quickUpperBound(spec, { basis: 'B2', timeLimitMs: 1000 });
      expect(specSatisfiedBy(spec, simulateTruthTables(ub.circuit)), name).toBe(true);
      expect(ub.size, name).toBeLessThanOrEqual(circuitCost(c, 'B2').inBasis ? (circuitCost(c, 'B2') as { size: number }).size : Infinity);
    }
  }, 60_000);

  it('spec keys: equal on NPN-equivalent functions, distinct across arities, sha256 for several outputs', () => {
    expect(specKeyOf(parseProblem('maj:3').spec)).toBe(specKeyOf(specFromHex(['17'], 3))); // e8 complemented
    expect(specKeyOf(specFromHex(['2'], 1))).not.toBe(specKeyOf(specFromHex(['2'], 2)));
    expect(specKeyOf(parseProblem('fa').spec)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(specKeyOf(parseProblem('xor:7').spec)).toMatch(/^sha256:/);
  });
});
