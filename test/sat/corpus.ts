/**
 * Test instances for the SAT layer: pigeonhole, seeded random 3-SAT, small
 * hand-written formulas, and a reference DPLL solver for small formulas.
 */

import { pigeonhole } from '../../src/sat/families.js';
import type { Cnf } from '../../src/sat/index.js';
import { mulberry32Random3Sat as random3Sat } from '../helpers/mulberry32.js';

/** PHP(n+1, n) from `src/sat/families.ts`; random 3-SAT from the mulberry32 stream, kept so the corpus stays the same. */
export { pigeonhole, random3Sat };

function cnf(numVars: number, clauses: number[][]): Cnf {
  return { numVars, clauses: clauses.map((c) => Int32Array.from(c)) };
}

/** A named instance with its known answer (when known). */
export interface CorpusEntry {
  readonly name: string;
  readonly cnf: Cnf;
  readonly expected?: 'sat' | 'unsat';
  readonly assumptions?: readonly number[];
}

/** Seed of the random part of the corpus (printed by the tests). */
export const CORPUS_SEED = 20240611;

/** Hand-written small formulas. */
export function handWritten(): CorpusEntry[] {
  return [
    { name: 'no-clauses', cnf: cnf(0, []), expected: 'sat' },
    { name: 'no-clauses-3-vars', cnf: cnf(3, []), expected: 'sat' },
    { name: 'empty-clause', cnf: cnf(2, [[1, 2], []]), expected: 'unsat' },
    { name: 'unit-conflict', cnf: cnf(1, [[1], [-1]]), expected: 'unsat' },
    { name: 'implication-chain', cnf: cnf(4, [[1], [-1, 2], [-2, 3], [-3, 4]]), expected: 'sat' },
    { name: 'xor-3-contradiction', cnf: xorChainUnsat(), expected: 'unsat' },
    { name: 'all-2-clauses-on-2-vars', cnf: cnf(2, [[1, 2], [1, -2], [-1, 2], [-1, -2]]), expected: 'unsat' },
    { name: 'tautology', cnf: cnf(2, [[1, -1], [2]]), expected: 'sat' },
    { name: 'assume-sat', cnf: cnf(3, [[1, 2], [-1, 3], [-2, -3]]), assumptions: [1], expected: 'sat' },
    { name: 'assume-unsat', cnf: cnf(3, [[1, 2], [-1, 3], [-2, -3]]), assumptions: [1, 2], expected: 'unsat' },
    { name: 'assume-fresh-var', cnf: cnf(2, [[1, 2]]), assumptions: [-1, -2, 5], expected: 'unsat' },
    { name: 'assume-neg', cnf: cnf(3, [[1, 2, 3]]), assumptions: [-1, -2], expected: 'sat' },
  ];
}

/** x1^x2 = 1, x2^x3 = 1, x1^x3 = 1: odd cycle, UNSAT. */
function xorChainUnsat(): Cnf {
  const xor1 = (a: number, b: number): number[][] => [
    [a, b],
    [-a, -b],
  ];
  return cnf(3, [...xor1(1, 2), ...xor1(2, 3), ...xor1(1, 3)]);
}

/** The full corpus: hand-written, PHP(n+1,n) for n = 4..7, seeded random 3-SAT near ratio 4.26. */
export function corpus(seed = CORPUS_SEED): CorpusEntry[] {
  const out = handWritten();
  for (let n = 4; n <= 7; n++) out.push({ name: `php-${n + 1}-${n}`, cnf: pigeonhole(n), expected: 'unsat' });
  for (let i = 0; i < 8; i++) {
    const n = 20;
    out.push({ name: `random3-${n}-${i}`, cnf: random3Sat(n, Math.round(n * 4.26), seed + i) });
  }
  for (let i = 0; i < 6; i++) {
    const n = 120;
    out.push({ name: `random3-${n}-${i}`, cnf: random3Sat(n, Math.round(n * 4.26), seed + 100 + i) });
  }
  return out;
}

/** A plain DPLL solver (unit propagation + branching) for small formulas; returns a model or null. */
export function referenceSolve(f: Cnf, assumptions: readonly number[] = []): Int8Array | null {
  let numVars = f.numVars;
  for (const a of assumptions) numVars = Math.max(numVars, Math.abs(a));
  const clauses = [...f.clauses.map((c) => Array.from(c)), ...assumptions.map((a) => [a])];
  const value = new Int8Array(numVars + 1);
  const trail: number[] = [];
  const assign = (lit: number): void => {
    value[Math.abs(lit)] = lit > 0 ? 1 : -1;
    trail.push(Math.abs(lit));
  };
  const litValue = (lit: number): number => (lit > 0 ? value[lit]! : -value[-lit]!);
  const propagate = (): boolean => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const c of clauses) {
        let unassigned = 0;
        let last = 0;
        let satisfied = false;
        for (const lit of c) {
          const v = litValue(lit);
          if (v > 0) {
            satisfied = true;
            break;
          }
          if (v === 0) {
            unassigned++;
            last = lit;
          }
        }
        if (satisfied) continue;
        if (unassigned === 0) return false;
        if (unassigned === 1) {
          assign(last);
          changed = true;
        }
      }
    }
    return true;
  };
  const search = (): boolean => {
    const mark = trail.length;
    if (!propagate()) {
      while (trail.length > mark) value[trail.pop()!] = 0;
      return false;
    }
    let v = 1;
    while (v <= numVars && value[v] !== 0) v++;
    if (v > numVars) return true;
    for (const lit of [v, -v]) {
      const m2 = trail.length;
      assign(lit);
      if (search()) return true;
      while (trail.length > m2) value[trail.pop()!] = 0;
    }
    while (trail.length > mark) value[trail.pop()!] = 0;
    return false;
  };
  if (!search()) return null;
  for (let v = 1; v <= numVars; v++) if (value[v] === 0) value[v] = -1;
  return value;
}
