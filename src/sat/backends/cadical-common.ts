/**
 * Internal helpers shared by the two CaDiCaL backends (`cadical-native.ts`,
 * `cadical-cli.ts`): a JS-side copy of every added clause (for model checks and
 * DIMACS output) and literal validation. Not part of the public API.
 */

import { BackendError, UsageError } from '../../errors.js';
import type { Cnf } from '../types.js';

/** Largest variable index accepted (CaDiCaL's limit is INT_MAX - 1). */
export const MAX_VAR = 0x7ffffffe;

/** Throws a UsageError unless `lit` is a non-zero integer literal within range. */
export function checkLiteral(lit: number, what: string): void {
  if (!Number.isInteger(lit) || lit === 0 || lit > MAX_VAR || lit < -MAX_VAR) {
    throw new UsageError(`${what}: invalid literal ${String(lit)} (expected a non-zero integer)`, 'bad-literal');
  }
}

/** Every added clause, stored flat with 0 terminators (the DIMACS shape). */
export class ClauseStore {
  private lits = new Int32Array(1024);
  private size = 0;
  /** Number of clauses stored. */
  numClauses = 0;
  /** Largest variable index seen. */
  numVars = 0;

  /** Validates and appends one clause; returns the zero-terminated copy's start offset. */
  add(clause: ArrayLike<number>): number {
    const n = clause.length;
    for (let i = 0; i < n; i++) checkLiteral(clause[i]!, 'addClause');
    this.reserve(n + 1);
    const start = this.size;
    for (let i = 0; i < n; i++) {
      const lit = clause[i]!;
      this.lits[this.size++] = lit;
      const v = lit < 0 ? -lit : lit;
      if (v > this.numVars) this.numVars = v;
    }
    this.lits[this.size++] = 0;
    this.numClauses++;
    return start;
  }

  /** Appends every clause of `cnf` and raises numVars to at least `cnf.numVars`. */
  addCnf(cnf: Cnf): void {
    for (const c of cnf.clauses) this.add(c);
    if (cnf.numVars > this.numVars) this.numVars = cnf.numVars;
  }

  /** The flat zero-terminated literals from offset `from` to the end (a view, not a copy). */
  slice(from: number): Int32Array {
    return this.lits.subarray(from, this.size);
  }

  /** Current end offset of the flat array. */
  get end(): number {
    return this.size;
  }

  /**
   * Checks `model` (model[v] = +1/-1) against every stored clause and every
   * literal of `assumptions`; returns a description of the first violation or
   * null when the model satisfies all of them.
   */
  findViolation(model: Int8Array, assumptions: readonly number[]): string | null {
    const value = (lit: number): boolean => {
      const v = lit < 0 ? -lit : lit;
      const m = v < model.length ? model[v]! : 0;
      return lit > 0 ? m === 1 : m === -1;
    };
    let clauseIndex = 0;
    let satisfied = false;
    for (let i = 0; i < this.size; i++) {
      const lit = this.lits[i]!;
      if (lit === 0) {
        if (!satisfied) return `clause #${clauseIndex} is falsified by the model`;
        clauseIndex++;
        satisfied = false;
      } else if (!satisfied && value(lit)) {
        satisfied = true;
      }
    }
    for (const a of assumptions) {
      if (!value(a)) return `assumption ${a} is false in the model`;
    }
    return null;
  }

  /** DIMACS text of the stored clauses plus `units` as extra unit clauses. */
  toDimacs(units: readonly number[] = []): string {
    const parts: string[] = [`p cnf ${this.numVars} ${this.numClauses + units.length}\n`];
    let line: number[] = [];
    for (let i = 0; i < this.size; i++) {
      const lit = this.lits[i]!;
      line.push(lit);
      if (lit === 0) {
        parts.push(line.join(' '), '\n');
        line = [];
      }
    }
    for (const u of units) parts.push(`${u} 0\n`);
    return parts.join('');
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.lits.length) return;
    let cap = this.lits.length * 2;
    while (cap < this.size + extra) cap *= 2;
    const next = new Int32Array(cap);
    next.set(this.lits.subarray(0, this.size));
    this.lits = next;
  }
}

/** Validates solve-call limits and assumptions; throws UsageError on bad values. */
export function checkSolveOptions(assumptions: readonly number[], timeLimitMs?: number, conflictLimit?: number): void {
  for (const a of assumptions) checkLiteral(a, 'assumption');
  if (timeLimitMs !== undefined && !(timeLimitMs >= 0)) {
    throw new UsageError(`timeLimitMs must be >= 0, got ${String(timeLimitMs)}`, 'bad-limit');
  }
  if (conflictLimit !== undefined && !(Number.isInteger(conflictLimit) && conflictLimit >= 0)) {
    throw new UsageError(`conflictLimit must be a non-negative integer, got ${String(conflictLimit)}`, 'bad-limit');
  }
}

/** The BackendError raised when a backend's model fails the check. */
export function badModelError(backend: string, violation: string): BackendError {
  return new BackendError(`${backend} returned a wrong model: ${violation}`, 'bad-model');
}
