/**
 * The part of a {@link SatSolver} that only touches the JavaScript-side clause
 * log: variable allocation, clause intake and the stats counters. Backends
 * (minisat, z3, the worker proxy, the portfolio) extend it and add `solve`
 * and `close`. Not part of the public API.
 */

import { ClauseLog } from './clause-log.js';
import type { Cnf, SatSolver, SolveOptions, SolveResult, SolverStats } from './types.js';

/** A solver whose clauses live in a {@link ClauseLog}; subclasses feed them to the real solver in `solve`. */
export abstract class ClauseLogSolver implements SatSolver {
  abstract readonly backend: string;
  /** Every clause added so far, validated; what models are checked against. */
  protected readonly log = new ClauseLog();
  /** Counters returned (as a copy) by {@link ClauseLogSolver.stats}. */
  protected readonly counters: SolverStats = { solveCalls: 0, solveMs: 0 };

  get numVars(): number {
    return this.log.numVars;
  }

  newVar(): number {
    return this.log.newVar();
  }

  addClause(lits: ArrayLike<number>): void {
    this.log.add(lits);
  }

  addCnf(cnf: Cnf): void {
    this.log.addCnf(cnf);
  }

  stats(): SolverStats {
    return { ...this.counters };
  }

  abstract solve(opts?: SolveOptions): Promise<SolveResult>;
  abstract close(): void;
}

/** Pads or trims a model to variables 1..numVars (padding is false); returns `model` itself when it fits. */
export function fitModel(model: Int8Array, numVars: number): Int8Array {
  if (model.length === numVars + 1) return model;
  const out = new Int8Array(numVars + 1).fill(-1);
  out.set(model.subarray(0, Math.min(model.length, numVars + 1)));
  out[0] = 0;
  return out;
}
