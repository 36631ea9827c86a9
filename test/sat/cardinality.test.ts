import { describe, expect, it } from 'vitest';
import { atLeastK, atMostK, CARDINALITY_ENCODINGS, exactlyK, type ClauseSink } from '../../src/sat/index.js';
import { referenceSolve } from './corpus.js';

type Kind = 'atMost' | 'atLeast' | 'exactly';
const ENCODE = { atMost: atMostK, atLeast: atLeastK, exactly: exactlyK } as const;
const HOLDS = {
  atMost: (count: number, k: number) => count <= k,
  atLeast: (count: number, k: number) => count >= k,
  exactly: (count: number, k: number) => count === k,
} as const;

function sink(numVars: number): ClauseSink & { numVars: number; clauses: Int32Array[] } {
  const s = {
    numVars,
    clauses: [] as Int32Array[],
    newVar: () => ++s.numVars,
    addClause: (lits: ArrayLike<number>) => void s.clauses.push(Int32Array.from(lits)),
  };
  return s;
}

describe('cardinality encodings agree with counting on every assignment', () => {
  for (const encoding of CARDINALITY_ENCODINGS) {
    for (const kind of ['atMost', 'atLeast', 'exactly'] as Kind[]) {
      it(`${kind} / ${encoding}, n = 0..6, k = -1..n+1, mixed polarities`, () => {
        for (let n = 0; n <= 6; n++) {
          // Literals: alternate polarity so negated inputs are covered too.
          const lits = Array.from({ length: n }, (_, i) => (i % 3 === 2 ? -(i + 1) : i + 1));
          for (let k = -1; k <= n + 1; k++) {
            const s = sink(n);
            ENCODE[kind](s, lits, k, encoding);
            const f = { numVars: s.numVars, clauses: s.clauses };
            for (let bits = 0; bits < 1 << n; bits++) {
              const assumptions = Array.from({ length: n }, (_, i) => ((bits >> i) & 1 ? i + 1 : -(i + 1)));
              const count = lits.filter((l) => (l > 0 ? (bits >> (l - 1)) & 1 : !((bits >> (-l - 1)) & 1))).length;
              const sat = referenceSolve(f, assumptions) !== null;
              if (sat !== HOLDS[kind](count, k)) {
                throw new Error(`${kind} ${encoding} n=${n} k=${k} bits=${bits}: encoding says ${sat}, count ${count}`);
              }
            }
          }
        }
      });
    }
  }

  it('counts a repeated literal twice', () => {
    const s = sink(1);
    atMostK(s, [1, 1], 1);
    expect(referenceSolve({ numVars: s.numVars, clauses: s.clauses }, [1])).toBeNull();
    expect(referenceSolve({ numVars: s.numVars, clauses: s.clauses }, [-1])).not.toBeNull();
  });

  it('sequential counter uses n*k-ish variables, totalizer fewer clauses for k = 1 at n = 6', () => {
    const a = sink(6);
    atMostK(a, [1, 2, 3, 4, 5, 6], 2, 'sequential');
    expect(a.numVars - 6).toBe(5 * 2);
    const b = sink(6);
    atMostK(b, [1, 2, 3, 4, 5, 6], 2, 'totalizer');
    expect(b.clauses.length).toBeGreaterThan(0);
  });
});
