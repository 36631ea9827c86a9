/**
 * Typings for the raw MiniSat wrapper shipped inside the untyped
 * `logic-solver` package (CommonJS; load it with `createRequire`).
 * Variables are positive integers; literals are DIMACS-style signed integers.
 */
declare module 'logic-solver/minisat_wrapper.js' {
  /** One independent MiniSat instance with its own fixed 64 MB emscripten heap. */
  class MiniSat {
    constructor();
    /** Makes MiniSat allocate variables 1..v even if unused. */
    ensureVar(v: number): void;
    /** Adds a clause; returns false when the formula is already known UNSAT. */
    addClause(terms: readonly number[]): boolean;
    /** Solves; true = SAT. */
    solve(): boolean;
    /** Solves assuming the single literal `lit`; true = SAT. */
    solveAssuming(lit: number): boolean;
    /** The model after a SAT answer: index v holds the value of variable v; index 0 is null. */
    getSolution(): (boolean | null)[];
    /** Promises never to use variable v again (adds the unit clause -v). */
    retireVar(v: number): void;
    /** The assumption literals blamed for the last failed solveAssuming. */
    getConflictClause(): number[];
  }
  export = MiniSat;
}
