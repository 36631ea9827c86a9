/**
 * The NPN census: the minimum circuit size of every NPN class of n-input
 * functions in a basis, and how many classes and functions have each size.
 *
 * Each class is the sweep instance `tt:n:REP` (REP its representative) and
 * is solved by {@link runSweep}: in worker processes, each killed at the
 * hard limit of its class's time limit, with every record put in the
 * results store as it arrives. The census is then read off the store, so an
 * interrupted census resumes where it stopped and a finished one is a
 * lookup.
 */
import type { BasisName } from '../core/basis.js';
import { parseProblem } from '../problems/parse-problem.js';
import type { BackendName } from '../sat/registry.js';
import type { ResultsStore, StoreRecord } from '../store/types.js';
import { npnClassSizes, type CensusEntry } from '../synth/census.js';
import type { EncoderName } from '../synth/types.js';
import type { SweepInstance } from './solve-instance.js';
import { runSweep, type SweepFailure, type SweepProgress } from './sweep.js';

/** Parameters of {@link census}. */
export interface CensusParams {
  readonly inputs: number;
  readonly basis: BasisName;
  readonly encoder: EncoderName;
  readonly backend: BackendName | 'auto';
  /** The results store: classes it holds are not solved again, new records go there. */
  readonly store: ResultsStore;
  /** Time limit per class in seconds (absent or 0 = none); the worker of a class is killed at its hard limit. */
  readonly classTimeoutSeconds?: number;
  /** Worker processes (classes solved at once; default 2). */
  readonly jobs?: number;
  /** Recorded in every record (the command line or API call). */
  readonly command: string;
  /** Called after the start and after every finished class. */
  readonly onProgress?: (p: SweepProgress) => void;
  readonly signal?: AbortSignal;
  /** Worker entry to fork (tests pass one that misbehaves). */
  readonly workerPath?: string;
}

/** The census: counts by size, plus every class. */
export interface CensusResult {
  readonly inputs: number;
  readonly basis: BasisName;
  /** Number of NPN classes with each minimum size ("unknown" for classes not solved to optimality). */
  readonly classes: Record<string, number>;
  /** Number of functions with each minimum size. */
  readonly functions: Record<string, number>;
  /** One entry per class, in increasing order of representative. */
  readonly entries: readonly CensusEntry[];
  /** Classes without a record (a worker failed or was killed at its hard limit), with why. */
  readonly failures: readonly SweepFailure[];
  readonly stats: { readonly classes: number; readonly reused: number; readonly solved: number; readonly failed: number; readonly ms: number };
}

/** The sweep instance of the class with representative `rep` (hex): `tt:n:REP`, canonically spelled. */
export function censusInstanceName(inputs: number, rep: string): string {
  return parseProblem(`tt:${inputs}:${rep}`).name;
}

/** The sweep instances of every class of a census, in increasing order of representative. */
export function censusInstances(inputs: number, basis: BasisName, encoder: EncoderName, classTimeoutSeconds?: number): SweepInstance[] {
  const timeout = classTimeoutSeconds !== undefined && classTimeoutSeconds > 0 ? { timeoutSeconds: classTimeoutSeconds } : {};
  return [...npnClassSizes(inputs).keys()].map((rep) => ({ problem: censusInstanceName(inputs, rep), basis, encoder, ...timeout }));
}

/** The census line of a class's record (`functions`: the class's number of functions). */
export function censusEntryOf(r: StoreRecord, representative: string, functions: number): CensusEntry {
  return {
    inputs: r.inputs,
    basis: r.basis,
    representative,
    functions,
    encoder: r.encoder as EncoderName,
    backend: r.solver,
    ms: Math.round(r.seconds * 1000),
    version: r.version,
    status: r.status,
    size: r.size,
    lowerBound: r.lowerBound,
    evidence: r.evidence,
    circuit: r.circuit,
  };
}

/** The entry of a class the store has no record of. */
function missingEntry(inputs: number, basis: BasisName, encoder: EncoderName, representative: string, functions: number): CensusEntry {
  return { inputs, basis, representative, functions, encoder, backend: 'none', ms: 0, status: 'unknown', lowerBound: 0, evidence: { kind: 'none' } };
}

/**
 * The census as the store holds it: every class's record (or an unknown
 * entry where there is none) and the counts by size. Only optimal classes
 * count under their size; the others count as "unknown".
 */
export function censusFromStore(store: ResultsStore, inputs: number, basis: BasisName, encoder: EncoderName): Pick<CensusResult, 'classes' | 'functions' | 'entries'> {
  const classes: Record<string, number> = {};
  const functions: Record<string, number> = {};
  const entries: CensusEntry[] = [];
  for (const [rep, count] of npnClassSizes(inputs)) {
    const r = store.get({ problem: censusInstanceName(inputs, rep), basis, encoder });
    const e = r === undefined ? missingEntry(inputs, basis, encoder, rep, count) : censusEntryOf(r, rep, count);
    entries.push(e);
    const key = e.status === 'optimal' ? String(e.size) : 'unknown';
    classes[key] = (classes[key] ?? 0) + 1;
    functions[key] = (functions[key] ?? 0) + count;
  }
  return { classes, functions, entries };
}

/** Runs (or resumes) the census (see the module notes). */
export async function census(p: CensusParams): Promise<CensusResult> {
  const t0 = performance.now();
  const instances = censusInstances(p.inputs, p.basis, p.encoder, p.classTimeoutSeconds);
  const sweep = await runSweep({
    instances,
    store: p.store,
    jobs: p.jobs ?? 2,
    backend: p.backend,
    command: p.command,
    onProgress: p.onProgress,
    signal: p.signal,
    workerPath: p.workerPath,
  });
  const solved = sweep.solved.optimal + sweep.solved.feasible + sweep.solved.unknown;
  return {
    inputs: p.inputs,
    basis: p.basis,
    ...censusFromStore(p.store, p.inputs, p.basis, p.encoder),
    failures: sweep.failures,
    stats: { classes: instances.length, reused: sweep.skipped, solved, failed: sweep.failures.length, ms: Math.round(performance.now() - t0) },
  };
}
