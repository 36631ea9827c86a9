/**
 * The SAT layer's shared types. Literals are DIMACS integers: variable v >= 1,
 * positive literal v, negative literal -v.
 */

/** A CNF formula in DIMACS numbering. */
export interface Cnf {
  readonly numVars: number;
  readonly clauses: readonly Int32Array[];
}

/** Where an encoding gets fresh variables and puts its clauses (a {@link SatSolver} fits). */
export interface ClauseSink {
  newVar(): number;
  addClause(lits: ArrayLike<number>): void;
}

/** Why a solve call ended without an answer. */
export type UnknownReason = 'time' | 'conflicts' | 'memory' | 'aborted' | 'error';

/** The answer of one solve call. */
export type SolveResult =
  | {
      readonly status: 'sat';
      /** model[v] is +1 (true) or -1 (false) for v = 1..numVars; model[0] is unused. */
      readonly model: Int8Array;
    }
  | {
      readonly status: 'unsat';
      /** Assumption literals that suffice for UNSAT (a core), when assumptions were given. */
      readonly failedAssumptions: readonly number[];
    }
  | { readonly status: 'unknown'; readonly reason: UnknownReason; readonly detail?: string };

/** Options for one solve call. */
export interface SolveOptions {
  readonly assumptions?: readonly number[];
  readonly timeLimitMs?: number;
  readonly conflictLimit?: number;
  readonly signal?: AbortSignal;
}

/** Counters a backend reports; fields a backend cannot measure are omitted. */
export interface SolverStats {
  solveCalls: number;
  conflicts?: number;
  decisions?: number;
  propagations?: number;
  solveMs: number;
}

/**
 * An incremental SAT solver. Clauses accumulate across calls; each `solve`
 * may carry its own assumptions. Every SAT model is checked against all added
 * clauses before it is returned.
 */
export interface SatSolver {
  /** Registered backend name, e.g. `minisat`, `z3`, `cadical`. */
  readonly backend: string;
  /** Largest variable index seen so far. */
  readonly numVars: number;
  /** Allocates a fresh variable and returns its index. */
  newVar(): number;
  addClause(lits: ArrayLike<number>): void;
  addCnf(cnf: Cnf): void;
  solve(opts?: SolveOptions): Promise<SolveResult>;
  stats(): SolverStats;
  /** Releases native/worker resources. Safe to call twice. */
  close(): void;
  /**
   * Optional capability (native CaDiCaL): sets a backend option before the
   * first clause or solve call. Throws for an unknown option or at the wrong time.
   */
  setOption?(name: string, value: number): void;
  /**
   * Optional capability (native CaDiCaL): `solve` on the calling thread, for
   * many short queries; blocks the event loop, so give it a limit. No AbortSignal.
   */
  solveSync?(opts?: Omit<SolveOptions, 'signal'>): SolveResult;
}
