import { describe, expect, it } from 'vitest';
import { circuitCost } from '../../src/core/cost.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { problemConstructions, sorterByCountConstruction, sorterConstruction, sumConstruction, thresholdConstruction } from '../../src/problems/constructions.js';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { specSatisfiedBy } from '../../src/tt/spec.js';

const b2Size = (c: ReturnType<typeof sumConstruction>): number | undefined => {
  const cost = circuitCost(c, 'B2');
  return cost.inBasis ? cost.size : undefined;
};
const meets = (problem: string, c: ReturnType<typeof sumConstruction>): boolean => specSatisfiedBy(parseProblem(problem).spec, simulateTruthTables(c));

describe('constructions', () => {
  it('SUM_n by adders meets sum:n (n = 1..12), 5 gates per full adder', () => {
    for (let n = 1; n <= 12; n++) expect(meets(`sum:${n}`, sumConstruction(n)), `sum:${n}`).toBe(true);
    expect(b2Size(sumConstruction(3))).toBe(5);
  });

  it('THR_n^k meets thr:n:k for every k (n = 1..8) and maj:n is thr:n:(n+1)/2', () => {
    for (let n = 1; n <= 8; n++) for (let k = 0; k <= n; k++) expect(meets(`thr:${n}:${k}`, thresholdConstruction(n, k)), `thr:${n}:${k}`).toBe(true);
    expect(problemConstructions(parseProblem('maj:7')).map((c) => meets('maj:7', c.circuit))).toEqual([true]);
  });

  it("SORT_n by Batcher's merge exchange meets sort:n (n = 1..12) with 2 gates per comparator", () => {
    for (let n = 1; n <= 12; n++) expect(meets(`sort:${n}`, sorterConstruction(n)), `sort:${n}`).toBe(true);
    for (let n = 1; n <= 12; n++) expect(meets(`sort:${n}`, sorterByCountConstruction(n)), `sort:${n} by count`).toBe(true);
    // merge exchange uses 19 comparators for n = 8 (Knuth, TAOCP 5.3.4)
    expect(b2Size(sorterConstruction(8))).toBe(38);
  });

  it('has none for other families', () => {
    expect(problemConstructions(parseProblem('xor:3'))).toEqual([]);
  });
});
