/** Standard CNF families for tests and benchmarks: pigeonhole and seeded random 3-SAT. */
import type { Cnf } from './types.js';
import { Rng } from '../util/rng.js';

function cnf(numVars: number, clauses: number[][]): Cnf {
  return { numVars, clauses: clauses.map((c) => Int32Array.from(c)) };
}

/**
 * PHP(pigeons, n): `pigeons` (default n+1) pigeons in n holes, UNSAT iff
 * pigeons > n. Variable p*n+h+1 = pigeon p in hole h.
 */
export function pigeonhole(n: number, pigeons = n + 1): Cnf {
  const v = (p: number, h: number): number => p * n + h + 1;
  const clauses: number[][] = [];
  for (let p = 0; p < pigeons; p++) clauses.push(Array.from({ length: n }, (_, h) => v(p, h)));
  for (let h = 0; h < n; h++) {
    for (let p = 0; p < pigeons; p++) for (let q = p + 1; q < pigeons; q++) clauses.push([-v(p, h), -v(q, h)]);
  }
  return cnf(pigeons * n, clauses);
}

/** Uniform random 3-SAT with distinct variables per clause, from a seed. */
export function random3Sat(numVars: number, numClauses: number, seed: number): Cnf {
  const rng = new Rng(seed);
  const clauses: number[][] = [];
  for (let i = 0; i < numClauses; i++) {
    const vars = new Set<number>();
    while (vars.size < 3) vars.add(1 + rng.below(numVars));
    clauses.push([...vars].map((x) => (rng.below(2) ? -x : x)));
  }
  return cnf(numVars, clauses);
}
