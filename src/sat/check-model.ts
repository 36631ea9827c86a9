/**
 * Model checking: every backend runs {@link assertModel} on every SAT model
 * before returning it, so a wrong model is a {@link BackendError}, never a result.
 */

import { BackendError } from '../errors.js';

/**
 * Returns the index of the first clause that `model` falsifies, or -1 if it
 * satisfies all of them. `model[v]` is +1 (true) or -1 (false); a variable
 * outside the model (or with value 0) makes no literal true.
 */
export function checkModel(clauses: readonly ArrayLike<number>[], model: ArrayLike<number>): number {
  outer: for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    for (let j = 0; j < clause.length; j++) {
      const lit = clause[j]!;
      const value = model[lit > 0 ? lit : -lit] ?? 0;
      if (lit > 0 ? value > 0 : value < 0) continue outer;
    }
    return i;
  }
  return -1;
}

/**
 * Returns the first literal of `assumptions` that `model` makes false (or
 * leaves unassigned), or undefined when the model satisfies all of them.
 */
export function falseAssumption(model: ArrayLike<number>, assumptions: readonly number[]): number | undefined {
  for (const lit of assumptions) {
    const value = model[Math.abs(lit)] ?? 0;
    if (!(lit > 0 ? value > 0 : value < 0)) return lit;
  }
  return undefined;
}

/**
 * Throws {@link BackendError} (code `bad-answer`) when `model` falsifies a
 * clause or an assumption; otherwise returns nothing.
 */
export function assertModel(
  backend: string,
  clauses: readonly ArrayLike<number>[],
  model: Int8Array,
  assumptions: readonly number[] = [],
): void {
  const bad = checkModel(clauses, model);
  if (bad >= 0) {
    const text = Array.from(clauses[bad]!).join(' ');
    throw new BackendError(`${backend} returned a model that falsifies clause ${bad} (${text} 0)`, 'bad-answer');
  }
  const lit = falseAssumption(model, assumptions);
  if (lit !== undefined) {
    throw new BackendError(`${backend} returned a model that falsifies assumption ${lit}`, 'bad-answer');
  }
}
