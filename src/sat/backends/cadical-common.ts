/**
 * Internal helpers shared by the two CaDiCaL backends (`cadical-native.ts`,
 * `cadical-cli.ts`): the JS-side clause log (a {@link ClauseLog} with
 * CaDiCaL's variable limit, for model checks and DIMACS output) and the
 * solve-option checks. Not part of the public API.
 */

import { BackendError } from '../../errors.js';
import { checkModel, falseAssumption } from '../check-model.js';
import { ClauseLog, flattenClauses, validateSolveOptions } from '../clause-log.js';
import type { Cnf } from '../types.js';

/** Largest variable index accepted (CaDiCaL's limit is INT_MAX - 1, one below DIMACS's). */
export const CADICAL_MAX_VAR = 0x7ffffffe;

/** Every added clause, validated against CaDiCaL's variable limit. */
export class ClauseStore {
  /** The clauses, in the order they were added. */
  readonly log = new ClauseLog(CADICAL_MAX_VAR);

  /** Largest variable index seen. */
  get numVars(): number {
    return this.log.numVars;
  }

  set numVars(n: number) {
    this.log.numVars = n;
  }

  /** Number of clauses stored. */
  get numClauses(): number {
    return this.log.clauses.length;
  }

  /** The stored clauses (what models are checked against). */
  get clauses(): readonly Int32Array[] {
    return this.log.clauses;
  }

  /** Allocates a fresh variable. */
  newVar(): number {
    return this.log.newVar();
  }

  /** Notes that the variable of `lit` exists (e.g. it occurs in an assumption). */
  touch(lit: number): void {
    this.log.touch(lit);
  }

  /** Validates and appends one clause; returns its position (see {@link ClauseStore.slice}). */
  add(clause: ArrayLike<number>): number {
    this.log.add(clause);
    return this.log.clauses.length - 1;
  }

  /** Appends every clause of `cnf` and raises numVars to at least `cnf.numVars`. */
  addCnf(cnf: Cnf): void {
    this.log.addCnf(cnf);
  }

  /** The clauses from position `from` to the end, flat and zero-terminated (the DIMACS shape). */
  slice(from: number): Int32Array {
    return flattenClauses(this.log.clauses, from);
  }

  /** Current end position (what {@link ClauseStore.slice} takes). */
  get end(): number {
    return this.log.clauses.length;
  }

  /**
   * Checks `model` (model[v] = +1/-1) against every stored clause and every
   * literal of `assumptions`; returns a description of the first violation or
   * null when the model satisfies all of them.
   */
  findViolation(model: Int8Array, assumptions: readonly number[]): string | null {
    const bad = checkModel(this.log.clauses, model);
    if (bad >= 0) return `clause #${bad} is falsified by the model`;
    const lit = falseAssumption(model, assumptions);
    if (lit !== undefined) return `assumption ${lit} is false in the model`;
    return null;
  }

  /** DIMACS text of the stored clauses plus `units` as extra unit clauses. */
  toDimacs(units: readonly number[] = []): string {
    const parts: string[] = [`p cnf ${this.numVars} ${this.numClauses + units.length}\n`];
    for (const c of this.log.clauses) parts.push(c.length === 0 ? '0' : `${c.join(' ')} 0`, '\n');
    for (const u of units) parts.push(`${u} 0\n`);
    return parts.join('');
  }
}

/** Validates solve-call limits and assumptions; throws UsageError on bad values. */
export function checkSolveOptions(assumptions: readonly number[], timeLimitMs?: number, conflictLimit?: number): void {
  validateSolveOptions({ assumptions, timeLimitMs, conflictLimit }, CADICAL_MAX_VAR);
}

/** The BackendError raised when a backend's model fails the check. */
export function badModelError(backend: string, violation: string): BackendError {
  return new BackendError(`${backend} returned a wrong model: ${violation}`, 'bad-answer');
}
