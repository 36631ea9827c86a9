/**
 * The clause store every backend keeps on the JavaScript side: it validates
 * literals, tracks the largest variable, and is what SAT models are checked
 * against (and what a restarted worker is replayed from).
 */

import { UsageError } from '../errors.js';
import type { Cnf } from './types.js';

/** Largest variable index any backend accepts (DIMACS literals are int32). */
export const MAX_VAR = 0x7fffffff;

/**
 * Checks that `lit` is a non-zero integer DIMACS literal whose variable is at
 * most `maxVar` (a backend with a smaller limit passes its own).
 * @throws UsageError (code `bad-literal`) otherwise.
 */
export function checkLiteral(lit: number, maxVar = MAX_VAR): void {
  if (!Number.isInteger(lit) || lit === 0 || lit > maxVar || lit < -maxVar) {
    const bound = maxVar < MAX_VAR ? ` with |lit| <= ${maxVar}` : '';
    throw new UsageError(`bad literal ${String(lit)}: expected a non-zero 32-bit integer${bound}`, 'bad-literal');
  }
}

/** An append-only list of validated clauses plus the largest variable seen. */
export class ClauseLog {
  /** @param maxVar largest variable index accepted (default {@link MAX_VAR}). */
  constructor(readonly maxVar = MAX_VAR) {}

  /** Largest variable index seen (in clauses, assumptions or from {@link ClauseLog.newVar}). */
  numVars = 0;
  /** The clauses, in the order they were added. */
  readonly clauses: Int32Array[] = [];

  /** Allocates a fresh variable. */
  newVar(): number {
    this.numVars += 1;
    return this.numVars;
  }

  /** Notes that variable `v` exists (e.g. it occurs in an assumption). */
  touch(lit: number): void {
    checkLiteral(lit, this.maxVar);
    const v = Math.abs(lit);
    if (v > this.numVars) this.numVars = v;
  }

  /** Validates, copies and stores a clause; returns the stored copy. Nothing changes when a literal is bad. */
  add(lits: ArrayLike<number>): Int32Array {
    for (let i = 0; i < lits.length; i++) checkLiteral(lits[i]!, this.maxVar);
    const clause = Int32Array.from(lits);
    for (let i = 0; i < clause.length; i++) {
      const v = Math.abs(clause[i]!);
      if (v > this.numVars) this.numVars = v;
    }
    this.clauses.push(clause);
    return clause;
  }

  /** Adds every clause of `cnf` and raises `numVars` to at least `cnf.numVars`. */
  addCnf(cnf: Cnf): void {
    for (const clause of cnf.clauses) this.add(clause);
    if (cnf.numVars > this.numVars) this.numVars = cnf.numVars;
  }
}

/** Flattens clauses into one zero-separated Int32Array (DIMACS order). */
export function flattenClauses(clauses: readonly Int32Array[], from = 0): Int32Array {
  let size = 0;
  for (let i = from; i < clauses.length; i++) size += clauses[i]!.length + 1;
  const flat = new Int32Array(size);
  let at = 0;
  for (let i = from; i < clauses.length; i++) {
    const c = clauses[i]!;
    flat.set(c, at);
    at += c.length + 1;
  }
  return flat;
}

/** Inverse of {@link flattenClauses}. */
export function unflattenClauses(flat: Int32Array): Int32Array[] {
  const out: Int32Array[] = [];
  let start = 0;
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] === 0) {
      out.push(flat.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

/**
 * Validates the assumption literals (variables up to `maxVar`) and limits of a solve call.
 * @throws UsageError (codes `bad-literal`, `bad-limit`).
 */
export function validateSolveOptions(
  opts: {
    readonly assumptions?: readonly number[];
    readonly timeLimitMs?: number;
    readonly conflictLimit?: number;
  },
  maxVar = MAX_VAR,
): void {
  for (const lit of opts.assumptions ?? []) checkLiteral(lit, maxVar);
  if (opts.timeLimitMs !== undefined && !(opts.timeLimitMs >= 0)) {
    throw new UsageError(`timeLimitMs must be >= 0, got ${String(opts.timeLimitMs)}`, 'bad-limit');
  }
  if (opts.conflictLimit !== undefined && !(Number.isInteger(opts.conflictLimit) && opts.conflictLimit >= 0)) {
    throw new UsageError(`conflictLimit must be an integer >= 0, got ${String(opts.conflictLimit)}`, 'bad-limit');
  }
}
