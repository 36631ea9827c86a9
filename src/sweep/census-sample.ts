/**
 * A census sample: the minimum circuit size over a uniform random sample of
 * n-input functions, for n where the full census is out of reach (n = 5 has
 * 616,126 NPN classes). Functions are drawn uniformly (each truth-table bit
 * an independent fair coin from the seeded generator of src/util/rng.ts),
 * each is mapped to its NPN class (exact canonical form), and every distinct
 * class is solved once as the sweep instance `tt:n:REP`, so the sample
 * resumes from the store like a census. Sizes are counted per drawn function
 * (a class drawn twice counts twice), so the distribution estimates the one
 * of all n-input functions.
 */
import type { BasisName } from '../core/basis.js';
import type { BackendName } from '../sat/registry.js';
import type { ResultsStore, StoreRecord } from '../store/types.js';
import type { EncoderName } from '../synth/types.js';
import { MAX_EXACT_NPN_VARS, npnCanonize } from '../tt/npn.js';
import { createFromFunction, toHex } from '../tt/truth-table.js';
import { Rng } from '../util/rng.js';
import { UsageError } from '../errors.js';
import { censusInstanceName } from './census.js';
import type { SweepInstance } from './solve-instance.js';
import { runSweep, type SweepFailure, type SweepProgress } from './sweep.js';

/** The classes of a drawn sample: representative (hex) -> number of drawn functions in it, in increasing order of representative. */
export function drawCensusSample(inputs: number, count: number, seed: number): Map<string, number> {
  if (inputs < 1 || inputs > MAX_EXACT_NPN_VARS) throw new UsageError(`census sample: --inputs must be 1..${MAX_EXACT_NPN_VARS} (exact NPN classes)`, 'usage');
  const rng = new Rng(seed);
  const drawn = new Map<string, number>();
  for (let k = 0; k < count; k++) {
    const f = createFromFunction(inputs, () => rng.below(2) === 1);
    const rep = toHex(npnCanonize(f).representative);
    drawn.set(rep, (drawn.get(rep) ?? 0) + 1);
  }
  return new Map([...drawn].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Parameters of {@link censusSample}. */
export interface CensusSampleParams {
  readonly inputs: number;
  /** Functions drawn. */
  readonly count: number;
  readonly seed: number;
  readonly basis: BasisName;
  readonly encoder: EncoderName;
  readonly backend: BackendName | 'auto';
  readonly store: ResultsStore;
  /** Time limit per class, seconds (absent or 0 = none). */
  readonly classTimeoutSeconds?: number;
  /** Heuristic upper bound before each class's exact search, seconds (see SweepInstance.improveFirstSeconds). */
  readonly improveFirstSeconds?: number;
  readonly jobs?: number;
  readonly command: string;
  readonly onProgress?: (p: SweepProgress) => void;
  readonly signal?: AbortSignal;
}

/** One class of the sample and what the store knows of it. */
export interface SampleClass {
  readonly representative: string;
  /** Functions of the sample in this class. */
  readonly drawn: number;
  readonly status: StoreRecord['status'] | 'missing';
  readonly size?: number;
  readonly lowerBound: number;
}

/** The outcome of a census sample. */
export interface CensusSampleResult {
  readonly inputs: number;
  readonly basis: BasisName;
  readonly count: number;
  readonly seed: number;
  /** How the functions were drawn, for the write-up. */
  readonly drawnHow: string;
  readonly classes: readonly SampleClass[];
  /** Drawn functions by proven minimum size (optimal classes only). */
  readonly optimal: Record<string, number>;
  /** Drawn functions not proven optimal, by "lower..upper" bounds ("lower.." when no circuit). */
  readonly bounded: Record<string, number>;
  readonly failures: readonly SweepFailure[];
  readonly stats: { readonly classes: number; readonly reused: number; readonly solved: number; readonly ms: number };
}

/** The sweep instances of a drawn sample. */
export function censusSampleInstances(drawn: ReadonlyMap<string, number>, inputs: number, p: Pick<CensusSampleParams, 'basis' | 'encoder' | 'classTimeoutSeconds' | 'improveFirstSeconds'>): SweepInstance[] {
  return [...drawn.keys()].map((rep) => ({
    problem: censusInstanceName(inputs, rep),
    basis: p.basis,
    encoder: p.encoder,
    ...(p.classTimeoutSeconds ? { timeoutSeconds: p.classTimeoutSeconds } : {}),
    ...(p.improveFirstSeconds ? { improveFirstSeconds: p.improveFirstSeconds } : {}),
  }));
}

/** Draws the sample, solves (or resumes) its classes, and reads the distribution off the store. */
export async function censusSample(p: CensusSampleParams): Promise<CensusSampleResult> {
  const t0 = performance.now();
  const drawn = drawCensusSample(p.inputs, p.count, p.seed);
  const instances = censusSampleInstances(drawn, p.inputs, p);
  const sweep = await runSweep({ instances, store: p.store, jobs: p.jobs ?? 2, backend: p.backend, command: p.command, onProgress: p.onProgress, signal: p.signal });
  const classes: SampleClass[] = [];
  const optimal: Record<string, number> = {};
  const bounded: Record<string, number> = {};
  for (const [rep, n] of drawn) {
    const r = p.store.get({ problem: censusInstanceName(p.inputs, rep), basis: p.basis, encoder: p.encoder });
    const c: SampleClass = r === undefined
      ? { representative: rep, drawn: n, status: 'missing', lowerBound: 0 }
      : { representative: rep, drawn: n, status: r.status, ...(r.size !== undefined ? { size: r.size } : {}), lowerBound: r.lowerBound };
    classes.push(c);
    if (c.status === 'optimal') optimal[String(c.size)] = (optimal[String(c.size)] ?? 0) + n;
    else {
      const key = `${c.lowerBound}..${c.size ?? ''}`;
      bounded[key] = (bounded[key] ?? 0) + n;
    }
  }
  return {
    inputs: p.inputs,
    basis: p.basis,
    count: p.count,
    seed: p.seed,
    drawnHow: `${p.count} functions of ${p.inputs} inputs drawn uniformly (every truth-table bit a fair coin of waterloo's seeded generator, seed ${p.seed}), each mapped to its exact NPN class representative`,
    classes,
    optimal,
    bounded,
    failures: sweep.failures,
    stats: { classes: instances.length, reused: sweep.skipped, solved: sweep.solved.optimal + sweep.solved.feasible + sweep.solved.unknown, ms: Math.round(performance.now() - t0) },
  };
}
