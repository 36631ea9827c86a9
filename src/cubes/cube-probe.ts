/**
 * Live split groups: before an instance is cut into cubes, each variable of
 * the groups it is cut along is probed ("set it true and unit-propagate");
 * a variable whose probe ends in a conflict is false in every model, so it
 * is dropped from its group and learnt as a unit for the later probes.
 *
 * Why: in the SSV encoding the last gate of a single-output chain must read
 * the gate before it (every gate is used), so 12 of the 78 fanin pairs of
 * the 9th gate on 5 inputs are possible. Cutting all 78 into 64 parts left
 * 52 cubes that unit propagation refutes at once and 12 that carry all the
 * work: two workers ended up waiting on the last few. Cut along the live
 * pairs, every cube is a real part of the search.
 *
 * Sound for splitting: every model sets exactly one variable per group, and
 * that variable is never a dropped one, so the cubes over the live
 * variables still hold every model exactly once.
 */
import { ClauseDb } from '../sat/drat-db.js';
import type { Cnf } from '../sat/types.js';

/**
 * The groups with their failed variables removed, probed in order until the
 * live groups alone give `count` cubes (the split plan of cube-split.ts
 * reads no further); later groups are returned unprobed.
 */
export function liveSplitGroups(cnf: Cnf, groups: readonly (readonly number[])[], count: number): number[][] {
  const db = new ClauseDb(cnf.numVars);
  for (const c of cnf.clauses) {
    // an instance refuted by propagation alone: any split is a partition of nothing
    if (db.attach(db.store(c, 0, c.length)) >= 0) return groups.map((g) => [...g]);
  }
  const out: number[][] = [];
  let cubes = 1;
  for (const g of groups) {
    if (cubes >= count) {
      out.push([...g]);
      continue;
    }
    const live: number[] = [];
    for (const v of g) {
      const notV = Int32Array.of(-v);
      const probe = db.store(notV, 0, 1);
      // RUP of (not v): assuming v propagates to a conflict
      if (db.rup(probe, -1, 0, false)) {
        if (db.attach(probe) >= 0) return [...out, ...groups.slice(out.length).map((h) => [...h])];
      } else {
        live.push(v);
      }
    }
    out.push(live);
    if (live.length >= 2) cubes *= Math.min(live.length, Math.ceil(count / cubes));
  }
  return out;
}
