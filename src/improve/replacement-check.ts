/**
 * The checks local improvement makes on every circuit it keeps: its size in
 * the basis, whether a replacement computes what the circuit it replaces
 * does (exhaustive simulation up to 16 inputs, else random simulation then
 * SAT), and whether it is structurally new.
 */
import type { BasisName } from '../core/basis.js';
import type { Circuit } from '../core/circuit.js';
import { circuitCost } from '../core/cost.js';
import { simulateRandom, simulateTruthTables } from '../core/simulate.js';
import { InternalError } from '../errors.js';
import { ttEqual } from '../tt/truth-table.js';
import { checkEquivalence } from '../verify/equivalence.js';
import type { ImproveParams, ImproveStats } from './params.js';

/** An InternalError whose message starts `internal error: ` (a bug in local improvement, never a result). */
export function internalError(message: string): InternalError {
  return new InternalError(`internal error: ${message}`);
}

/** Size of `c` in `basis`; an internal error when `c` is not in it. */
export function sizeIn(c: Circuit, basis: BasisName): number {
  const cost = circuitCost(c, basis);
  if (!cost.inBasis) throw internalError(`circuit is not in ${basis}: ${cost.reason}`);
  return cost.size;
}

/** Whether two circuits are the same gate list (kinds, fanins, LUT tables, outputs). */
export function sameStructure(a: Circuit, b: Circuit): boolean {
  if (a.numGates !== b.numGates || a.fanins.length !== b.fanins.length) return false;
  for (let i = 0; i < a.fanins.length; i++) if (a.fanins[i] !== b.fanins[i]) return false;
  for (let g = 0; g < a.numGates; g++) {
    if (a.kinds[g] !== b.kinds[g]) return false;
    const la = a.luts.get(g), lb = b.luts.get(g);
    if (la !== undefined && lb !== undefined && la.words.some((x, i) => x !== lb.words[i])) return false;
  }
  return a.outputs.every((o, j) => o === b.outputs[j]);
}

/**
 * Whether `next` computes what `cur` does: exhaustively, or by random
 * simulation then SAT. `undecided` when the SAT check hit a limit (the caller
 * keeps `cur`); `ok` false means a wrong replacement, which is a bug.
 * The time taken is added to `stats.verifyMs`.
 */
export async function checkReplacement(cur: Circuit, next: Circuit, exhaustive: boolean, simSeed: number, p: ImproveParams, stats: ImproveStats): Promise<{ ok: boolean; undecided: boolean }> {
  const tv = performance.now();
  let ok = exhaustive ? sameTables(cur, next) : sameOnRandom(cur, next, simSeed);
  let undecided = false;
  if (ok && !exhaustive) {
    const v = await checkEquivalence(cur, next, { match: 'position', backend: p.backend, seed: p.seed });
    ok = v.verdict !== 'different';
    undecided = v.verdict === 'unknown';
  }
  stats.verifyMs += performance.now() - tv;
  return { ok, undecided };
}

/** Whether two circuits have the same output truth tables (exhaustive simulation). */
export function sameTables(a: Circuit, b: Circuit): boolean {
  const ta = simulateTruthTables(a);
  const tb = simulateTruthTables(b);
  return ta.length === tb.length && ta.every((t, j) => ttEqual(t, tb[j]!));
}

/** Whether two circuits agree on 2048 seeded random patterns. */
export function sameOnRandom(a: Circuit, b: Circuit, seed: number): boolean {
  const ra = simulateRandom(a, 2048, seed);
  const rb = simulateRandom(b, 2048, seed);
  return ra.length === rb.length && ra.every((x, j) => x.every((v, i) => v === rb[j]![i]));
}
