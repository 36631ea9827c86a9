/**
 * The one way a synthesis result becomes a {@link StoreRecord}: used by
 * sweeps (solve-instance.ts), hence the queue mode and the census, which
 * solve through sweeps. The circuit is renamed to the instance's signals and
 * simulated against the spec once more here, independently of the synthesis
 * driver, because a stored record outlives the run that made it.
 */
import { hostname } from 'node:os';
import type { BasisName } from '../core/basis.js';
import type { Circuit } from '../core/circuit.js';
import { rebuild } from '../core/cleanup.js';
import { InternalError } from '../errors.js';
import { formatListing } from '../io/listing.js';
import type { ProblemInstance } from '../problems/families.js';
import { specKeyOf } from '../store/spec-key.js';
import type { StoreRecord, StoredAttempt } from '../store/types.js';
import type { SizeAttempt, SynthesisResult } from '../synth/synthesize.js';
import type { EncoderName, UnsatCertificate } from '../synth/types.js';
import { verifyCircuit } from '../synth/verify.js';
import { waterlooVersion } from '../version.js';

/** A result the driver can give without a depth bound (infeasible needs one). */
export type RecordableResult = Exclude<SynthesisResult, { status: 'infeasible' }>;

/** What {@link recordOf} needs beside the result: the instance and how it was run. */
export interface RecordContext {
  readonly problem: ProblemInstance;
  readonly basis: BasisName;
  readonly encoder: EncoderName;
  /** The command line or API call that asked for it. */
  readonly command: string;
  /** Wall time of the whole run (synthesis and any heuristic phase), seconds. */
  readonly seconds: number;
  /** Time limit of the run, seconds (absent = none). */
  readonly timeoutSeconds?: number;
  /** A verified circuit from a heuristic phase after a run that stopped without one (the upper bound of an unknown result). */
  readonly heuristic?: { readonly circuit: Circuit; readonly size: number };
}

const roundSeconds = (ms: number): number => Number((ms / 1000).toFixed(3));

/** Seconds up to and including the SAT answer at `size` (the attempts are in the order they ran). */
function findSecondsOf(sizes: readonly SizeAttempt[], size: number): number | undefined {
  let ms = 0;
  for (const a of sizes) {
    ms += a.ms;
    if (a.answer === 'sat' && a.size === size) return roundSeconds(ms);
  }
  return undefined;
}

const unsatEvidence = (c: UnsatCertificate): StoreRecord['evidence'] => ({ kind: 'unsat', size: c.size, cnfSha256: c.instances.map((i) => i.cnfSha256) });

/**
 * How the record's lower bound is known: the UNSAT certificate at bound - 1
 * (for feasible and unknown results too, when the driver proved it), the
 * trivial argument, or nothing.
 */
export function evidenceOf(r: RecordableResult): StoreRecord['evidence'] {
  if (r.status === 'optimal') {
    if (r.lowerBound !== null) return unsatEvidence(r.lowerBound);
    return r.lowerBoundArgument !== null ? { kind: 'argument', text: r.lowerBoundArgument } : { kind: 'none' };
  }
  const lb = r.provenLowerBound;
  if (r.lowerBoundCertificate !== undefined && r.lowerBoundCertificate.size === lb - 1) return unsatEvidence(r.lowerBoundCertificate);
  // an UNSAT answer at lb - 1 without a certificate (none is expected; kept as evidence without CNF hashes)
  if (r.stats.sizes.some((a) => a.size === lb - 1 && a.answer === 'unsat')) return { kind: 'unsat', size: lb - 1, cnfSha256: [] };
  if (lb > 0 && lb === r.stats.initialLowerBound) return { kind: 'argument', text: r.stats.initialLowerBoundArgument };
  return { kind: 'none' };
}

/**
 * The store record of a synthesis result (see the module notes).
 * @throws InternalError if the circuit fails the simulation or a heuristic circuit is below the proven bound (bugs).
 */
export function recordOf(r: RecordableResult, ctx: RecordContext): StoreRecord {
  const { problem, basis } = ctx;
  const heuristic = r.status === 'unknown' ? ctx.heuristic : undefined;
  const found = r.status === 'unknown' ? heuristic : { circuit: r.circuit, size: r.size };
  if (heuristic !== undefined && r.status === 'unknown' && heuristic.size < r.provenLowerBound) {
    throw new InternalError(`internal error: ${problem.name} in ${basis}: a verified circuit of size ${heuristic.size} is below the proven lower bound ${r.provenLowerBound}`);
  }
  let circuit: string | undefined;
  if (found !== undefined) {
    const named = rebuild(found.circuit, { inputNames: problem.inputNames, outputNames: problem.outputNames }).circuit;
    const v = verifyCircuit(named, problem.spec);
    if (!v.ok) throw new InternalError(`internal error: circuit for ${problem.name} in ${basis} is wrong on output ${v.output}, minterm ${v.minterm}`);
    circuit = formatListing(named);
  }
  const attempts: StoredAttempt[] = r.stats.sizes.map((a) => ({ size: a.size, answer: a.answer, ms: Math.round(a.ms) }));
  const size = found?.size;
  const lowerBound = r.status === 'optimal' ? r.size : r.provenLowerBound;
  // a heuristic circuit that meets the proven bound: optimal, with the bound's evidence
  const status = r.status === 'unknown' && size !== undefined ? (size === lowerBound ? 'optimal' : 'feasible') : r.status;
  const findSeconds = size === undefined || heuristic !== undefined ? undefined : findSecondsOf(r.stats.sizes, size);
  const proveAttempt = r.status === 'optimal' && r.lowerBound !== null ? r.stats.sizes.find((a) => a.size === r.size - 1 && a.answer === 'unsat') : undefined;
  return {
    problem: problem.name,
    basis,
    encoder: ctx.encoder,
    family: problem.family,
    params: [...problem.params],
    inputs: problem.spec.numInputs,
    outputs: problem.spec.outputs.length,
    specKey: specKeyOf(problem.spec),
    status,
    size,
    lowerBound,
    evidence: evidenceOf(r),
    circuit,
    solver: r.stats.backend,
    ...(r.status === 'optimal' ? {} : { reason: heuristic !== undefined ? `${r.reason}; circuit from the heuristic upper bound (Shannon expansion + improve)` : r.reason }),
    timeoutSeconds: ctx.timeoutSeconds,
    seconds: roundSeconds(ctx.seconds * 1000),
    findSeconds,
    proveSeconds: proveAttempt && roundSeconds(proveAttempt.ms),
    attempts,
    version: waterlooVersion(),
    command: ctx.command,
    host: hostname(),
    createdAt: new Date().toISOString(),
  };
}
