/**
 * mulberry32, the seeded PRNG of the older test corpora. Kept (instead of
 * `src/util/rng.ts`) where a test's instances or samples come from its exact
 * stream: a seeded random 3-SAT instance whose answer a test relies on, or a
 * sample of functions whose size the test's time budget was measured on.
 */

import type { Cnf } from '../../src/sat/types.js';

/** Deterministic 32-bit PRNG (mulberry32); returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Uniform random 3-SAT with `numVars` variables and `numClauses` clauses (3
 * distinct variables each) from the mulberry32 stream of `seed`. Unlike
 * `random3Sat` in `src/sat/families.ts` (a different generator), the
 * instances are the ones the tests' expected answers were taken from.
 */
export function mulberry32Random3Sat(numVars: number, numClauses: number, seed: number): Cnf {
  const r = mulberry32(seed);
  const clauses: Int32Array[] = [];
  for (let k = 0; k < numClauses; k++) {
    const vars = new Set<number>();
    while (vars.size < 3) vars.add(1 + Math.floor(r() * numVars));
    clauses.push(Int32Array.from([...vars], (v) => (r() < 0.5 ? -v : v)));
  }
  return { numVars, clauses };
}
