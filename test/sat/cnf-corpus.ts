/** Small CNF families for the CaDiCaL and DRAT tests (not a test file itself). */

import type { Cnf } from '../../src/sat/types.js';

/** Pigeonhole PHP(pigeons, holes): x(i,j) = i*holes + j + 1; UNSAT iff pigeons > holes. */
export function pigeonhole(pigeons: number, holes: number): Cnf {
  const x = (i: number, j: number): number => i * holes + j + 1;
  const clauses: Int32Array[] = [];
  for (let i = 0; i < pigeons; i++) clauses.push(Int32Array.from({ length: holes }, (_, j) => x(i, j)));
  for (let j = 0; j < holes; j++) {
    for (let a = 0; a < pigeons; a++) {
      for (let b = a + 1; b < pigeons; b++) clauses.push(Int32Array.of(-x(a, j), -x(b, j)));
    }
  }
  return { numVars: pigeons * holes, clauses };
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform random 3-SAT with `numVars` variables and `numClauses` clauses (3 distinct variables each). */
export function random3Sat(numVars: number, numClauses: number, seed: number): Cnf {
  const r = rng(seed);
  const clauses: Int32Array[] = [];
  for (let k = 0; k < numClauses; k++) {
    const vars = new Set<number>();
    while (vars.size < 3) vars.add(1 + Math.floor(r() * numVars));
    clauses.push(Int32Array.from([...vars], (v) => (r() < 0.5 ? -v : v)));
  }
  return { numVars, clauses };
}

/** DIMACS text (a private helper so these tests do not depend on src/sat/dimacs.ts). */
export function toDimacs(cnf: Cnf): string {
  const lines = [`p cnf ${cnf.numVars} ${cnf.clauses.length}`];
  for (const c of cnf.clauses) lines.push(`${Array.from(c).join(' ')} 0`);
  return `${lines.join('\n')}\n`;
}
