/**
 * One sweep instance, solved and turned into a {@link StoreRecord} (by
 * {@link recordOf}): the unit of work shared by local sweeps (one per worker
 * process), the census, the queue mode and the API.
 */
import type { BasisName } from '../core/basis.js';
import { InternalError } from '../errors.js';
import { parseProblem } from '../problems/parse-problem.js';
import type { BackendName } from '../sat/registry.js';
import type { StoreRecord } from '../store/types.js';
import { synthesize, type SynthesisProgress, type SynthesizeParams } from '../synth/synthesize.js';
import { IMPROVE_FIRST_BASES, quickUpperBound } from '../improve/upper-bound.js';
import { reduceSpec } from '../synth/reduce-spec.js';
import type { EncoderName } from '../synth/types.js';
import { recordOf } from './record-of.js';

/** One instance of a sweep: a named problem in one basis with one encoding. */
export interface SweepInstance {
  /** Problem name as {@link parseProblem} reads it (`maj:5`); the record holds the canonical spelling. */
  readonly problem: string;
  readonly basis: BasisName;
  readonly encoder: EncoderName;
  /** Time limit of the whole synthesis run, seconds (absent or 0 = none). */
  readonly timeoutSeconds?: number;
  /**
   * Seconds of a heuristic upper bound before the exact search (as `min
   * --improve-first`; counted in the time limit; bases b2, u2, aig, xaig):
   * the search then stops below that circuit's size, so only the UNSAT
   * sizes are left when it is already minimum. Absent or 0 = none.
   */
  readonly improveFirstSeconds?: number;
}

/** How to run {@link solveInstance}. */
export interface SolveInstanceOptions {
  readonly backend?: BackendName | 'auto';
  /** Recorded as the record's `command` (the command line or API call that asked for it). */
  readonly command: string;
  /** Cancels the run; the record is then `unknown` with reason `aborted`. */
  readonly signal?: AbortSignal;
  /** What the exact search has proven so far (see {@link SynthesizeParams.onProgress}). */
  readonly onProgress?: (progress: SynthesisProgress) => void;
}

/** Seconds of the heuristic phase after an exact search that ran out of its `timeout` seconds: a quarter of it, 1 to 30 s. */
export function heuristicSeconds(timeout: number): number {
  return Math.min(30, Math.max(1, timeout / 4));
}

export { specKeyOf } from '../store/spec-key.js';

/**
 * Solves one instance by exact synthesis and returns its record (not stored:
 * the caller decides where it goes). Optimal, feasible and unknown are all
 * records; errors (bad problem name, unsupported basis/encoder, missing
 * backend) are thrown as by {@link synthesize}.
 * @throws InternalError if the circuit fails the final simulation (a bug).
 */
export async function solveInstance(inst: SweepInstance, opts: SolveInstanceOptions): Promise<StoreRecord> {
  const problem = parseProblem(inst.problem);
  const timeout = inst.timeoutSeconds !== undefined && inst.timeoutSeconds > 0 ? inst.timeoutSeconds : undefined;
  const t0 = performance.now();
  const first =
    inst.improveFirstSeconds !== undefined && inst.improveFirstSeconds > 0 && IMPROVE_FIRST_BASES.has(inst.basis)
      ? await quickUpperBound(problem.spec, {
          basis: inst.basis,
          timeLimitMs: Math.min(inst.improveFirstSeconds, timeout ?? Infinity) * 1000,
          backend: opts.backend ?? 'auto',
          target: reduceSpec(problem.spec).lowerBound,
        })
      : undefined;
  const left = timeout === undefined ? undefined : Math.max(1, Math.round(timeout * 1000 - (performance.now() - t0)));
  const r = await synthesize(problem.spec, {
    basis: inst.basis,
    encoder: inst.encoder,
    backend: opts.backend ?? 'auto',
    timeLimitMs: left,
    signal: opts.signal,
    onProgress: opts.onProgress,
    ...(first !== undefined ? { upperBoundCircuit: first.circuit, upperBoundUse: 'cap' as const } : {}),
  });
  // without a depth bound the driver never answers infeasible
  if (r.status === 'infeasible') throw new InternalError(`internal error: ${problem.name} in ${inst.basis} reported infeasible: ${r.reason}`);

  // A search that ran out of time has a lower bound but no circuit: a short
  // heuristic phase (a quarter of the limit, at most 30 s) supplies a verified
  // upper bound, so the record says "best found (>= bound)" rather than nothing.
  // With a heuristic circuit from before the search, that one is the upper bound.
  const heuristic =
    r.status !== 'unknown'
      ? undefined
      : first ??
        (r.reason === 'time' && timeout !== undefined && !opts.signal?.aborted
          ? await quickUpperBound(problem.spec, { basis: inst.basis, timeLimitMs: heuristicSeconds(timeout) * 1000, backend: opts.backend ?? 'auto' })
          : undefined);
  return recordOf(r, {
    problem,
    basis: inst.basis,
    encoder: inst.encoder,
    command: opts.command,
    seconds: (performance.now() - t0) / 1000,
    timeoutSeconds: timeout,
    heuristic,
  });
}
