/**
 * One sweep instance, solved and turned into a {@link StoreRecord}: the unit
 * of work shared by local sweeps (one per worker process), the queue mode
 * and the API. The circuit is simulated against the spec once more here,
 * independently of the synthesis driver, because a stored record outlives
 * the run that made it.
 */
import { hostname } from 'node:os';
import type { BasisName } from '../core/basis.js';
import { rebuild } from '../core/cleanup.js';
import { InternalError } from '../errors.js';
import { formatListing } from '../io/listing.js';
import { parseProblem } from '../problems/parse-problem.js';
import type { BackendName } from '../sat/registry.js';
import type { StoreRecord, StoredAttempt } from '../store/types.js';
import { synthesize, type SizeAttempt, type SynthesisProgress, type SynthesisResult, type SynthesizeParams } from '../synth/synthesize.js';
import { quickUpperBound } from '../improve/upper-bound.js';
import type { Circuit } from '../core/circuit.js';
import type { EncoderName } from '../synth/types.js';
import { verifyCircuit } from '../synth/verify.js';
import { specKeyOf } from '../store/spec-key.js';
import { waterlooVersion } from '../version.js';

/** One instance of a sweep: a named problem in one basis with one encoding. */
export interface SweepInstance {
  /** Problem name as {@link parseProblem} reads it (`maj:5`); the record holds the canonical spelling. */
  readonly problem: string;
  readonly basis: BasisName;
  readonly encoder: EncoderName;
  /** Time limit of the whole synthesis run, seconds (absent or 0 = none). */
  readonly timeoutSeconds?: number;
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

const seconds = (ms: number): number => Number((ms / 1000).toFixed(3));

/** Seconds up to and including the SAT answer at `size` (the attempts are in the order they ran). */
function findSecondsOf(sizes: readonly SizeAttempt[], size: number): number | undefined {
  let ms = 0;
  for (const a of sizes) {
    ms += a.ms;
    if (a.answer === 'sat' && a.size === size) return seconds(ms);
  }
  return undefined;
}

function evidenceOf(r: Exclude<SynthesisResult, { status: 'infeasible' }>): StoreRecord['evidence'] {
  if (r.status === 'optimal') {
    if (r.lowerBound !== null) return { kind: 'unsat', size: r.lowerBound.size, cnfSha256: r.lowerBound.instances.map((i) => i.cnfSha256) };
    return r.lowerBoundArgument !== null ? { kind: 'argument', text: r.lowerBoundArgument } : { kind: 'none' };
  }
  const lb = r.provenLowerBound;
  // The driver keeps certificates only for optimal results; an UNSAT attempt at lb - 1 is still evidence (without CNF hashes).
  if (r.stats.sizes.some((a) => a.size === lb - 1 && a.answer === 'unsat')) return { kind: 'unsat', size: lb - 1, cnfSha256: [] };
  if (lb > 0 && lb === r.stats.initialLowerBound) return { kind: 'argument', text: r.stats.initialLowerBoundArgument };
  return { kind: 'none' };
}

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
  const r = await synthesize(problem.spec, {
    basis: inst.basis,
    encoder: inst.encoder,
    backend: opts.backend ?? 'auto',
    ...(timeout === undefined ? {} : { timeLimitMs: Math.round(timeout * 1000) }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
  });
  // without a depth bound the driver never answers infeasible
  if (r.status === 'infeasible') throw new InternalError(`internal error: ${problem.name} in ${inst.basis} reported infeasible: ${r.reason}`);

  // A search that ran out of time has a lower bound but no circuit: a short
  // heuristic phase (a quarter of the limit, at most 30 s) supplies a verified
  // upper bound, so the record says "best found (>= bound)" rather than nothing.
  let found: { circuit: Circuit; size: number } | undefined = r.status === 'unknown' ? undefined : { circuit: r.circuit, size: r.size };
  let heuristic = false;
  if (r.status === 'unknown' && r.reason === 'time' && timeout !== undefined && !opts.signal?.aborted) {
    found = await quickUpperBound(problem.spec, { basis: inst.basis, timeLimitMs: heuristicSeconds(timeout) * 1000, backend: opts.backend ?? 'auto' });
    heuristic = true;
    if (found.size < r.provenLowerBound) throw new InternalError(`internal error: ${problem.name} in ${inst.basis}: a verified circuit of size ${found.size} is below the proven lower bound ${r.provenLowerBound}`);
  }
  const wall = performance.now() - t0;

  let circuit: string | undefined;
  if (found !== undefined) {
    const named = rebuild(found.circuit, { inputNames: problem.inputNames, outputNames: problem.outputNames }).circuit;
    const v = verifyCircuit(named, problem.spec);
    if (!v.ok) throw new InternalError(`internal error: circuit for ${problem.name} in ${inst.basis} is wrong on output ${v.output}, minterm ${v.minterm}`);
    circuit = formatListing(named);
  }
  const attempts: StoredAttempt[] = r.stats.sizes.map((a) => ({ size: a.size, answer: a.answer, ms: Math.round(a.ms) }));
  const size = found?.size;
  const lowerBound = r.status === 'optimal' ? r.size : r.provenLowerBound;
  // The heuristic circuit meets the proven bound: optimal, with the bound's evidence.
  const status = r.status === 'unknown' && size !== undefined ? (size === lowerBound ? 'optimal' : 'feasible') : r.status;
  const findSeconds = size === undefined || heuristic ? undefined : findSecondsOf(r.stats.sizes, size);
  const proveAttempt = r.status === 'optimal' && r.lowerBound !== null ? r.stats.sizes.find((a) => a.size === r.size - 1 && a.answer === 'unsat') : undefined;
  return {
    problem: problem.name,
    basis: inst.basis,
    encoder: inst.encoder,
    family: problem.family,
    params: [...problem.params],
    inputs: problem.spec.numInputs,
    outputs: problem.spec.outputs.length,
    specKey: specKeyOf(problem.spec),
    status,
    ...(size === undefined ? {} : { size }),
    lowerBound,
    evidence: evidenceOf(r),
    ...(circuit === undefined ? {} : { circuit }),
    solver: r.stats.backend,
    ...(r.status === 'optimal' ? {} : { reason: heuristic ? `${r.reason}; circuit from the heuristic upper bound (Shannon expansion + improve)` : r.reason }),
    ...(timeout === undefined ? {} : { timeoutSeconds: timeout }),
    seconds: seconds(wall),
    ...(findSeconds === undefined ? {} : { findSeconds }),
    ...(proveAttempt === undefined ? {} : { proveSeconds: seconds(proveAttempt.ms) }),
    attempts,
    version: waterlooVersion(),
    command: opts.command,
    host: hostname(),
    createdAt: new Date().toISOString(),
  };
}
