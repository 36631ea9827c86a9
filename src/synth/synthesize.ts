/**
 * The one exact-synthesis driver (percy's `synthesize` loop, written once):
 * reduce the spec (reduce-spec.ts), then ask the encoder for circuits of
 * exactly k gates for k = lower bound, lower bound + 1, ...: UNSAT raises k,
 * SAT is decoded, simulated against the spec and returned, unknown stops.
 *
 * "optimal at s" means a verified circuit of s gates and either UNSAT at
 * every size from the proven lower bound to s - 1 (the certificate of s - 1
 * is returned) or s equal to the lower bound of reduce-spec.ts (certificate
 * null, with the argument). With `upperBoundCircuit`, sizes below the given
 * circuit are first tried downward until one is UNSAT; sizes below that are
 * then confirmed UNSAT upward before optimality is claimed (the symmetry
 * breaking makes "exactly k gates" non-monotone in k).
 *
 * CEGAR (`cegar`): the instance starts with a few rows; each SAT candidate
 * is simulated and a wrong row per wrong output is added, until the
 * candidate is correct (SAT) or the solver says UNSAT (which holds for all
 * rows). Incremental when the encoder offers it, else by re-encoding.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASES, isOpsBasis, type BasisName } from '../core/basis.js';
import { CircuitBuilder } from '../core/builder.js';
import type { Circuit } from '../core/circuit.js';
import { circuitCost } from '../core/cost.js';
import { depth } from '../core/analysis.js';
import { cleanup } from '../core/cleanup.js';
import { BackendError, UsageError, InternalError } from '../errors.js';
import { checkDrat } from '../sat/drat-check.js';
import { writeDimacs } from '../sat/dimacs.js';
import { resolveBackendName, createSolver, type BackendName } from '../sat/registry.js';
import type { Cnf, SatSolver, SolveResult } from '../sat/types.js';
import { checkSpec, type FunctionSpec } from '../tt/spec.js';
import { createProofFile, createProofRunDir } from './proof-dir.js';
import { defaultEncoderFor, ENCODERS } from './registry.js';
import { assembleCircuit, reduceSpec, type ReducedSpec } from './reduce-spec.js';
import type { EncodedInstance, Encoder, EncoderName, SymmetryBreaking, SynthesisQuery, UnsatCertificate } from './types.js';
import { counterexampleRows, verifyCircuit } from './verify.js';
import { withDefaults } from '../util/with-defaults.js';

/** Parameters of {@link synthesize}. */
export interface SynthesizeParams {
  readonly basis: BasisName;
  readonly encoder: EncoderName;
  /** A registry backend name, or `auto` (the best available). */
  readonly backend: BackendName | 'auto';
  /** Start the upward search here (sizes below are not tried, so the result is then at best `feasible` unless this is the proven bound). */
  readonly minSize?: number;
  /** Give up (status unknown, reason `max-size`) after this size. */
  readonly maxSize?: number;
  /** Overall time limit (ms); when hit, the result is unknown/feasible with reason `time`. */
  readonly timeLimitMs?: number;
  /** Time limit per solve call (ms). */
  readonly callTimeLimitMs?: number;
  /** Bound on the depth of every output. */
  readonly maxDepth?: number;
  /** A known circuit for the spec (verified here); how it is used is {@link SynthesizeParams.upperBoundUse}. */
  readonly upperBoundCircuit?: Circuit;
  /**
   * `descend` (default): the search starts just below the known circuit's
   * size and goes down until UNSAT, then fills in the sizes below upward.
   * `cap`: the usual upward search, stopped below the known circuit's size,
   * so a known circuit that is already minimum costs no SAT call at its own
   * size (for good heuristic circuits, where only the UNSAT side is left).
   */
  readonly upperBoundUse?: 'descend' | 'cap';
  /** Enumerate up to this many distinct optimal circuits (blocking clauses); 0/1 = just one. */
  readonly allSolutions?: number;
  /** Ask a proof-capable backend (cadical, cadical-cli) for DRAT proofs of the UNSAT answers and check them. */
  readonly proof?: boolean;
  /**
   * Keep the DRAT proofs under this directory (otherwise they are deleted after checking): created when
   * missing, each run writes into a fresh subdirectory `run-<time>-<random>` (see createProofRunDir), and the
   * certificate records every proof's absolute path.
   */
  readonly proofDir?: string;
  /** Time limit for each DRAT check (ms); a check that runs out is recorded as unchecked. */
  readonly proofCheckTimeLimitMs?: number;
  /** CEGAR: `auto` = on for >= 6 (reduced) inputs; off with proofs or solution enumeration. */
  readonly cegar: 'auto' | boolean;
  /** Symmetry-breaking switches for the encoder (all on by default). */
  readonly symmetryBreaking?: Partial<SymmetryBreaking>;
  /** Cancels the run (result unknown, reason `aborted`). */
  readonly signal?: AbortSignal;
  /**
   * Upward search two sizes at a time: k and k + 1 are solved concurrently
   * (k + 1 is cancelled when k is SAT). Uses a second core with backends
   * that solve off the main thread (cadical, cadical-cli, portfolio, or any
   * backend when a time limit is set); results are the same as without.
   */
  readonly parallel?: boolean;
  /**
   * Called whenever the proven lower bound rises or a (verified) circuit is
   * found, with what is proven so far: a caller that may be stopped from
   * outside (the CLI's hard time limit) keeps the last report to print.
   */
  readonly onProgress?: (progress: SynthesisProgress) => void;
}

/** What a {@link synthesize} run has proven so far (see {@link SynthesizeParams.onProgress}). */
export interface SynthesisProgress {
  /** No circuit with fewer gates exists (UNSAT at every size below, or the trivial bound). */
  readonly provenLowerBound: number;
  /** The smallest verified circuit found so far, if any. */
  readonly best?: { readonly circuit: Circuit; readonly size: number };
  /** The run's counters so far (backend, attempts by size, times). */
  readonly stats: Readonly<SynthesizeStats>;
}

/** Defaults of {@link SynthesizeParams}. */
export const DEFAULT_SYNTHESIZE_PARAMS: Readonly<SynthesizeParams> = Object.freeze({
  basis: 'B2',
  encoder: 'ssv',
  backend: 'auto',
  cegar: 'auto',
});

/** Inputs (after reduction) from which `cegar: 'auto'` turns CEGAR on. */
export const CEGAR_AUTO_MIN_INPUTS = 6;

/** What happened at one size. */
export interface SizeAttempt {
  readonly size: number;
  readonly answer: 'sat' | 'unsat' | 'unknown';
  readonly ms: number;
  readonly instances: number;
  readonly vars: number;
  readonly clauses: number;
  /** Rows in the final CEGAR instance, when CEGAR ran. */
  readonly rows?: number;
}

/** Counters of one {@link synthesize} run. */
export interface SynthesizeStats {
  /** Backend actually used (`auto` resolved). */
  backend: string;
  encoder: EncoderName;
  /** Inputs and outputs of the reduced spec handed to the encoder. */
  coreInputs: number;
  coreOutputs: number;
  /** The proven lower bound before any SAT call, and why. */
  initialLowerBound: number;
  initialLowerBoundArgument: string;
  cegar: boolean;
  cegarIterations: number;
  solveCalls: number;
  encodeMs: number;
  solveMs: number;
  proofCheckMs: number;
  totalMs: number;
  sizes: SizeAttempt[];
}

/** The outcome of {@link synthesize}. */
export type SynthesisResult =
  | {
      readonly status: 'optimal';
      readonly circuit: Circuit;
      readonly size: number;
      /** UNSAT certificate for size - 1; null when size is the trivial lower bound (see lowerBoundArgument). */
      readonly lowerBound: UnsatCertificate | null;
      /** Why no smaller circuit exists without a certificate (size = the bound of reduce-spec.ts), else null. */
      readonly lowerBoundArgument: string | null;
      /** With `allSolutions` > 1: distinct optimal circuits found (each verified), the first is `circuit`. */
      readonly solutions?: readonly Circuit[];
      /** Whether `solutions` are all optimal circuits the encoding admits (the enumeration ran to UNSAT). */
      readonly solutionsExhausted?: boolean;
      readonly stats: SynthesizeStats;
    }
  | {
      readonly status: 'feasible';
      readonly circuit: Circuit;
      readonly size: number;
      readonly provenLowerBound: number;
      /** UNSAT certificate for provenLowerBound - 1, when this run proved it (absent when the bound is the trivial one). */
      readonly lowerBoundCertificate?: UnsatCertificate;
      readonly reason: string;
      readonly stats: SynthesizeStats;
    }
  | {
      readonly status: 'unknown';
      readonly provenLowerBound: number;
      /** As for feasible: the certificate of provenLowerBound - 1 when this run proved it. */
      readonly lowerBoundCertificate?: UnsatCertificate;
      readonly reason: string;
      readonly stats: SynthesizeStats;
    }
  | { readonly status: 'infeasible'; readonly reason: string; readonly stats: SynthesizeStats };

/** An internal error: a decoded circuit failed verification (a bug, never a result). */
function internalError(message: string): InternalError {
  return new InternalError(`internal error: ${message}`);
}

/** sha256 of the DIMACS text of `cnf`. */
export function cnfSha256(cnf: Cnf): string {
  return createHash('sha256').update(writeDimacs(cnf)).digest('hex');
}

type SizeOutcome =
  | { readonly answer: 'sat'; readonly circuit: Circuit }
  | { readonly answer: 'unsat'; readonly certificate: UnsatCertificate }
  | { readonly answer: 'unknown'; readonly reason: string };

type InstanceOutcome =
  | { readonly answer: 'sat'; readonly core: Circuit; readonly model: Int8Array; readonly solver: SatSolver }
  | { readonly answer: 'unsat'; readonly entry: UnsatCertificate['instances'][number] }
  | { readonly answer: 'unknown'; readonly reason: string };

/** Driver state of one run. */
class Run {
  readonly stats: SynthesizeStats;
  private readonly started = performance.now();
  private readonly deadline: number;
  private readonly proofDir: string | undefined;
  private proofCounter = 0;

  constructor(
    readonly red: ReducedSpec,
    readonly p: SynthesizeParams,
    readonly encoder: Encoder,
    readonly backend: BackendName,
    readonly cegar: boolean,
  ) {
    this.deadline = p.timeLimitMs === undefined ? Infinity : this.started + p.timeLimitMs;
    // a kept proof goes to a fresh run directory under DIR; otherwise to a temporary one removed at the end
    this.proofDir = p.proof ? (p.proofDir !== undefined ? createProofRunDir(p.proofDir) : mkdtempSync(join(tmpdir(), 'waterloo-drat-'))) : undefined;
    this.stats = {
      backend,
      encoder: encoder.name,
      coreInputs: red.core.numInputs,
      coreOutputs: red.core.outputs.length,
      initialLowerBound: red.lowerBound,
      initialLowerBoundArgument: red.lowerBoundArgument,
      cegar,
      cegarIterations: 0,
      solveCalls: 0,
      encodeMs: 0,
      solveMs: 0,
      proofCheckMs: 0,
      totalMs: 0,
      sizes: [],
    };
  }

  finish(): void {
    this.stats.totalMs = performance.now() - this.started;
    if (this.proofDir !== undefined && this.p.proofDir === undefined) rmSync(this.proofDir, { recursive: true, force: true });
  }

  query(size: number, rows?: readonly number[]): SynthesisQuery {
    return {
      spec: this.red.core,
      basis: this.p.basis,
      size,
      maxDepth: this.p.maxDepth,
      symmetryBreaking: this.p.symmetryBreaking,
      rows,
    };
  }

  /** Time left for one call, or undefined when there is no limit; <= 0 means out of time. */
  private callLimit(): number | undefined {
    const overall = this.deadline - performance.now();
    const call = this.p.callTimeLimitMs ?? Infinity;
    const m = Math.min(overall, call);
    return m === Infinity ? undefined : Math.floor(m);
  }

  private async solve(solver: SatSolver, extra?: AbortSignal): Promise<SolveResult> {
    const limit = this.callLimit();
    if (limit !== undefined && limit <= 0) return { status: 'unknown', reason: 'time' };
    const signals = [this.p.signal, extra].filter((x): x is AbortSignal => x !== undefined);
    const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0]! : AbortSignal.any(signals);
    if (signal?.aborted) return { status: 'unknown', reason: 'aborted' };
    const t0 = performance.now();
    const res = await solver.solve({ timeLimitMs: limit, signal });
    this.stats.solveMs += performance.now() - t0;
    this.stats.solveCalls++;
    return res;
  }

  private async newSolver(): Promise<{ solver: SatSolver; proofPath?: string }> {
    if (this.proofDir === undefined) return { solver: await createSolver(this.backend) };
    const proofPath = createProofFile(this.proofDir, ++this.proofCounter);
    return { solver: await createSolver(this.backend, { proofPath }), proofPath };
  }

  /** The assembled, verified circuit for the original spec from a core circuit; throws an internal error on mismatch. */
  finalCircuit(core: Circuit, size: number): Circuit {
    const v = verifyCircuit(core, this.red.core);
    if (!v.ok) throw internalError(`decoded circuit of ${size} gates is wrong on output ${v.output}, minterm ${v.minterm} of the reduced spec`);
    const full = assembleCircuit(this.red, core);
    const w = verifyCircuit(full, this.red.original);
    if (!w.ok) throw internalError(`assembled circuit is wrong on output ${w.output}, minterm ${w.minterm}`);
    const cost = circuitCost(full, this.p.basis);
    if (!cost.inBasis || cost.size !== size) {
      throw internalError(`decoded circuit should have size ${size} in ${this.p.basis}, has ${cost.inBasis ? cost.size : cost.reason}`);
    }
    if (this.p.maxDepth !== undefined && depth(full) > this.p.maxDepth) throw internalError(`decoded circuit has depth ${depth(full)} > ${this.p.maxDepth}`);
    return full;
  }

  private async unsatEntry(inst: EncodedInstance, solver: SatSolver, proofPath: string | undefined): Promise<UnsatCertificate['instances'][number]> {
    const cnf = inst.cnf;
    const base = { label: inst.label, cnfSha256: cnfSha256(cnf), vars: cnf.numVars, clauses: cnf.clauses.length };
    if (proofPath === undefined) return base;
    solver.close();
    const t0 = performance.now();
    const proof = readFileSync(proofPath);
    const check = checkDrat(cnf, proof, { timeLimitMs: this.p.proofCheckTimeLimitMs });
    this.stats.proofCheckMs += performance.now() - t0;
    if (check.verdict === 'rejected') throw new BackendError(`${this.backend}: DRAT proof for '${inst.label}' rejected: ${check.reason ?? ''}`, 'bad-proof');
    const checked = check.verdict === 'verified';
    if (this.p.proofDir === undefined) rmSync(proofPath, { force: true });
    return { ...base, proof: { format: 'drat', path: this.p.proofDir === undefined ? undefined : proofPath, checked } };
  }

  /** Solves one full instance; on SAT the solver stays open (for enumeration) and must be closed by the caller. */
  private async solveInstance(inst: EncodedInstance, signal?: AbortSignal): Promise<InstanceOutcome> {
    const { solver, proofPath } = await this.newSolver();
    let keepOpen = false;
    try {
      solver.addCnf(inst.cnf);
      const res = await this.solve(solver, signal);
      if (res.status === 'unknown') return { answer: 'unknown', reason: res.reason };
      if (res.status === 'unsat') return { answer: 'unsat', entry: await this.unsatEntry(inst, solver, proofPath) };
      keepOpen = true;
      return { answer: 'sat', core: inst.decode(res.model), model: res.model, solver };
    } finally {
      if (!keepOpen) solver.close();
    }
  }

  private certificate(size: number, entries: UnsatCertificate['instances']): UnsatCertificate {
    return { encoder: this.encoder.name, basis: this.p.basis, size, backend: this.backend, instances: entries };
  }

  /** Plain (non-CEGAR) solve of one size over all its instances. */
  private async solvePlain(size: number, rows?: readonly number[], signal?: AbortSignal): Promise<{ out: SizeOutcome; vars: number; clauses: number; instances: number; cex?: number[] }> {
    const t0 = performance.now();
    const instances = this.encoder.encode(this.query(size, rows));
    this.stats.encodeMs += performance.now() - t0;
    const entries: UnsatCertificate['instances'][number][] = [];
    let vars = 0, clauses = 0, count = 0;
    for (const inst of instances) {
      count++;
      vars = Math.max(vars, inst.cnf.numVars);
      clauses += inst.cnf.clauses.length;
      const r = await this.solveInstance(inst, signal);
      if (r.answer === 'unknown') return { out: r, vars, clauses, instances: count };
      if (r.answer === 'unsat') {
        entries.push(r.entry);
        continue;
      }
      r.solver.close();
      if (rows !== undefined) {
        const cex = counterexampleRows(r.core, this.red.core);
        if (cex.length > 0) return { out: { answer: 'unknown', reason: 'cegar' }, vars, clauses, instances: count, cex };
      }
      return { out: { answer: 'sat', circuit: this.finalCircuit(r.core, size) }, vars, clauses, instances: count };
    }
    return { out: { answer: 'unsat', certificate: this.certificate(size, entries) }, vars, clauses, instances: count };
  }

  /** Initial CEGAR rows: the all-zero and all-one minterms and the unit vectors and their complements. */
  private initialRows(): number[] {
    const n = this.red.core.numInputs;
    const all = 2 ** n - 1;
    const rows = new Set<number>([0, all]);
    for (let j = 0; j < n; j++) {
      rows.add(1 << j);
      rows.add(all ^ (1 << j));
    }
    return [...rows].sort((a, b) => a - b);
  }

  /** Solves one size with CEGAR (incremental when the encoder supports it). */
  private async solveCegar(size: number, signal?: AbortSignal): Promise<{ out: SizeOutcome; vars: number; clauses: number; instances: number; rows: number }> {
    let rows = this.initialRows();
    if (this.encoder.encodeIncremental === undefined) {
      for (;;) {
        const r = await this.solvePlain(size, rows, signal);
        if (r.cex === undefined) return { ...r, rows: rows.length };
        this.stats.cegarIterations++;
        rows = [...new Set([...rows, ...r.cex])].sort((a, b) => a - b);
      }
    }
    const t0 = performance.now();
    const inst = this.encoder.encodeIncremental(this.query(size), rows);
    this.stats.encodeMs += performance.now() - t0;
    const { solver } = await this.newSolver();
    try {
      solver.addCnf(inst.cnf);
      for (;;) {
        const res = await this.solve(solver, signal);
        const sizes = { vars: inst.cnf.numVars, clauses: inst.cnf.clauses.length, instances: 1, rows: inst.rows.length };
        if (res.status === 'unknown') return { out: { answer: 'unknown', reason: res.reason }, ...sizes };
        if (res.status === 'unsat') {
          const entry = await this.unsatEntry(inst, solver, undefined);
          return { out: { answer: 'unsat', certificate: this.certificate(size, [entry]) }, ...sizes };
        }
        const core = inst.decode(res.model);
        const cex = counterexampleRows(core, this.red.core);
        if (cex.length === 0) return { out: { answer: 'sat', circuit: this.finalCircuit(core, size) }, ...sizes };
        this.stats.cegarIterations++;
        const t1 = performance.now();
        const delta = inst.addRows(cex);
        this.stats.encodeMs += performance.now() - t1;
        if (delta.clauses.length === 0) throw internalError(`CEGAR counterexample rows ${cex.join(',')} added no clauses`);
        solver.addCnf(delta);
      }
    } finally {
      solver.close();
    }
  }

  /** Solves one size and records the attempt. */
  async solveSize(size: number, signal?: AbortSignal): Promise<SizeOutcome> {
    const t0 = performance.now();
    const r = this.cegar ? await this.solveCegar(size, signal) : await this.solvePlain(size, undefined, signal);
    this.stats.sizes.push({
      size,
      answer: r.out.answer,
      ms: performance.now() - t0,
      instances: r.instances,
      vars: r.vars,
      clauses: r.clauses,
      ...('rows' in r ? { rows: r.rows } : {}),
    });
    return r.out;
  }

  /** Up to `limit` distinct circuits of `size` gates (blocking clauses); `exhausted` when the enumeration ran to UNSAT. */
  async enumerate(size: number, limit: number): Promise<{ circuits: Circuit[]; exhausted: boolean }> {
    const circuits: Circuit[] = [];
    for (const inst of this.encoder.encode(this.query(size))) {
      if (inst.blockingClause === undefined) return { circuits, exhausted: false };
      const solver = await createSolver(this.backend);
      try {
        solver.addCnf(inst.cnf);
        for (;;) {
          if (circuits.length >= limit) return { circuits, exhausted: false };
          const res = await this.solve(solver);
          if (res.status === 'unknown') return { circuits, exhausted: false };
          if (res.status === 'unsat') break;
          circuits.push(this.finalCircuit(inst.decode(res.model), size));
          solver.addClause(inst.blockingClause(res.model));
        }
      } finally {
        solver.close();
      }
    }
    return { circuits, exhausted: true };
  }
}

function checkParams(p: SynthesizeParams): void {
  if (!isOpsBasis(p.basis) && !Object.hasOwn(BASES, p.basis)) throw new UsageError(`unknown basis '${String(p.basis)}'`, 'unknown-basis');
  if (!Object.hasOwn(ENCODERS, p.encoder)) throw new UsageError(`unknown encoder '${String(p.encoder)}' (known: ${Object.keys(ENCODERS).join(', ')})`, 'unknown-encoder');
  const intParam = (name: string, v: number | undefined, min: number): void => {
    if (v !== undefined && (!Number.isInteger(v) || v < min)) throw new UsageError(`${name} must be an integer >= ${min}, got ${v}`, 'bad-param');
  };
  intParam('minSize', p.minSize, 0);
  intParam('maxSize', p.maxSize, 0);
  intParam('maxDepth', p.maxDepth, 0);
  intParam('allSolutions', p.allSolutions, 0);
  if (p.timeLimitMs !== undefined && !(p.timeLimitMs >= 0)) throw new UsageError(`timeLimitMs must be >= 0, got ${p.timeLimitMs}`, 'bad-param');
  if (p.callTimeLimitMs !== undefined && !(p.callTimeLimitMs > 0)) throw new UsageError(`callTimeLimitMs must be > 0, got ${p.callTimeLimitMs}`, 'bad-param');
}

/** Size of a user-supplied upper-bound circuit (checked against the spec and basis). */
/**
 * A known circuit for `spec`, checked (simulation, basis, depth bound) and
 * cleaned, with its size. Shared by the cube search.
 * @throws UsageError code `bad-upper-bound` when a check fails.
 */
export function upperBoundSize(c: Circuit, spec: FunctionSpec, basis: BasisName, maxDepth: number | undefined): { circuit: Circuit; size: number } {
  const v = verifyCircuit(c, spec);
  if (!v.ok) throw new UsageError(`upperBoundCircuit is wrong on output ${v.output}, minterm ${v.minterm}`, 'bad-upper-bound');
  const clean = cleanup(c);
  const cost = circuitCost(clean, basis);
  if (!cost.inBasis) throw new UsageError(`upperBoundCircuit is not a ${basis} circuit: ${cost.reason}`, 'bad-upper-bound');
  if (maxDepth !== undefined && depth(clean) > maxDepth) throw new UsageError(`upperBoundCircuit has depth ${depth(clean)} > ${maxDepth}`, 'bad-upper-bound');
  return { circuit: clean, size: cost.size };
}

/**
 * Exact synthesis: the smallest circuit in `params.basis` computing `spec`
 * (don't-cares respected), with the evidence for its optimality. See the
 * module notes for the loop; results are discriminated by `status`.
 * @throws UsageError for bad parameters or an unsupported basis/encoder
 *   combination; BackendError when the backend is missing or a proof is
 *   rejected; InternalError if a decoded circuit fails
 *   verification (a bug).
 */
export async function synthesize(spec: FunctionSpec, params: Partial<SynthesizeParams> = {}): Promise<SynthesisResult> {
  // no encoder named: the basis's own (registry.ts)
  const p: SynthesizeParams = withDefaults({ ...DEFAULT_SYNTHESIZE_PARAMS, encoder: defaultEncoderFor(params.basis ?? DEFAULT_SYNTHESIZE_PARAMS.basis) }, params);
  checkParams(p);
  checkSpec(spec);
  const encoder = ENCODERS[p.encoder];
  const why = encoder.supports({ spec, basis: p.basis, maxDepth: p.maxDepth });
  if (why !== true) throw new UsageError(`encoder ${p.encoder}: ${why}`, 'unsupported');
  const backend = await resolveBackendName(p.backend);
  if (p.proof && backend !== 'cadical' && backend !== 'cadical-cli') {
    throw new UsageError(`proofs need a DRAT-producing backend (cadical, cadical-cli), not '${backend}'`, 'no-proof-backend');
  }
  const reduced = reduceSpec(spec);
  // an encoder whose gates are not two-input gates says what its lower bound is (types.ts)
  const red = encoder.lowerBound === undefined ? reduced : { ...reduced, ...encoder.lowerBound(reduced) };
  const enumerate = (p.allSolutions ?? 0) > 1;
  const cegar = p.proof || enumerate ? false : p.cegar === 'auto' ? red.core.numInputs >= CEGAR_AUTO_MIN_INPUTS : p.cegar;
  const run = new Run(red, p, encoder, backend, cegar);
  try {
    return await search(run, spec, p);
  } finally {
    run.finish();
  }
}

async function search(run: Run, spec: FunctionSpec, p: SynthesizeParams): Promise<SynthesisResult> {
  const red = run.red;
  const stats = run.stats;
  const lb = red.lowerBound;
  if (p.maxDepth !== undefined && red.core.outputs.length > 0 && red.maxEssentialInputs > 2 ** p.maxDepth) {
    return { status: 'infeasible', reason: `an output depends on ${red.maxEssentialInputs} inputs, more than 2^${p.maxDepth} (two-input gates, depth ${p.maxDepth})`, stats };
  }
  // largest size worth trying: a minimal depth-D circuit has <= 2^D - 1 gates per output cone
  const depthCap = p.maxDepth === undefined ? Infinity : red.core.outputs.length * (2 ** p.maxDepth - 1);
  const maxSize = Math.min(p.maxSize ?? Infinity, depthCap);

  let best: { circuit: Circuit; size: number } | undefined;
  if (p.upperBoundCircuit !== undefined) best = upperBoundSize(p.upperBoundCircuit, spec, p.basis, p.maxDepth);
  if (red.core.outputs.length === 0) {
    const circuit = run.finalCircuit(new CircuitBuilder().build(), 0);
    return optimalResult(run, circuit, 0, null, red.lowerBoundArgument, p);
  }
  const unsat = new Map<number, UnsatCertificate>();
  let provenLB = lb;
  const report = (): void => p.onProgress?.({ provenLowerBound: provenLB, best, stats });
  report();

  // the certificate behind provenLB (the UNSAT answer at provenLB - 1), kept on results that stop short of optimal
  const boundEvidence = (): { lowerBoundCertificate?: UnsatCertificate } => ({ lowerBoundCertificate: unsat.get(provenLB - 1) });
  const stopped = (reason: string): SynthesisResult =>
    best !== undefined
      ? { status: 'feasible', circuit: best.circuit, size: best.size, provenLowerBound: provenLB, ...boundEvidence(), reason, stats }
      : { status: 'unknown', provenLowerBound: provenLB, ...boundEvidence(), reason, stats };

  // downward from a known circuit
  if (best !== undefined && p.upperBoundUse !== 'cap') {
    for (let k = best.size - 1; k >= Math.max(lb, p.minSize ?? 0); k--) {
      const out = await run.solveSize(k);
      if (out.answer === 'unknown') return stopped(out.reason);
      if (out.answer === 'unsat') {
        unsat.set(k, out.certificate);
        break;
      }
      best = { circuit: out.circuit, size: k };
      report();
    }
    if (best.size <= lb) return optimalResult(run, best.circuit, best.size, null, red.lowerBoundArgument, p);
  }
  // upward from the lower bound
  const start = Math.max(lb, p.minSize ?? 0);
  for (let k = start; k <= maxSize && (best === undefined || k < best.size); k++) {
    if (p.parallel && k + 1 <= maxSize && !unsat.has(k) && !unsat.has(k + 1) && (best === undefined || k + 1 < best.size)) {
      const ctl = new AbortController();
      const second = run.solveSize(k + 1, ctl.signal);
      let first: SizeOutcome;
      try {
        first = await run.solveSize(k);
      } catch (err) {
        ctl.abort();
        await second.catch(() => undefined);
        throw err;
      }
      if (first.answer !== 'unsat') {
        ctl.abort();
        await second.catch(() => undefined);
        if (first.answer === 'unknown') return stopped(first.reason);
        best = { circuit: first.circuit, size: k };
        report();
        break;
      }
      unsat.set(k, first.certificate);
      if (provenLB === k) provenLB = k + 1;
      report();
      const out2 = await second;
      if (out2.answer === 'unknown') return stopped(out2.reason);
      if (out2.answer === 'sat') {
        best = { circuit: out2.circuit, size: k + 1 };
        report();
        break;
      }
      unsat.set(k + 1, out2.certificate);
      if (provenLB === k + 1) provenLB = k + 2;
      report();
      k++;
      continue;
    }
    let out: SizeOutcome;
    const known = unsat.get(k);
    if (known !== undefined) out = { answer: 'unsat', certificate: known };
    else out = await run.solveSize(k);
    if (out.answer === 'unknown') return stopped(out.reason);
    if (out.answer === 'unsat') {
      unsat.set(k, out.certificate);
      if (provenLB === k) provenLB = k + 1;
      report();
      continue;
    }
    best = { circuit: out.circuit, size: k };
    report();
    break;
  }
  if (best === undefined) {
    if (p.maxDepth !== undefined && maxSize === depthCap && provenLB > depthCap) {
      return { status: 'infeasible', reason: `no circuit of depth <= ${p.maxDepth} (all sizes up to ${depthCap} UNSAT)`, stats };
    }
    return { status: 'unknown', provenLowerBound: provenLB, ...boundEvidence(), reason: 'max-size', stats };
  }
  // all sizes below best are UNSAT (or below the trivial bound)?
  for (let k = lb; k < best.size; k++) if (!unsat.has(k)) return stopped(`sizes ${k}..${best.size - 1} not refuted (minSize)`);
  if (best.size === lb) return optimalResult(run, best.circuit, best.size, null, red.lowerBoundArgument, p);
  return optimalResult(run, best.circuit, best.size, unsat.get(best.size - 1)!, null, p);
}

async function optimalResult(
  run: Run,
  circuit: Circuit,
  size: number,
  lowerBound: UnsatCertificate | null,
  argument: string | null,
  p: SynthesizeParams,
): Promise<SynthesisResult> {
  const base = { status: 'optimal' as const, circuit, size, lowerBound, lowerBoundArgument: argument, stats: run.stats };
  const limit = p.allSolutions ?? 0;
  if (limit <= 1) return base;
  if (size === 0) return { ...base, solutions: [circuit], solutionsExhausted: true };
  const { circuits, exhausted } = await run.enumerate(size, limit);
  return { ...base, solutions: circuits.length > 0 ? circuits : [circuit], solutionsExhausted: exhausted };
}
