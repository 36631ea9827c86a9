/**
 * One hard instance on many cores: "is there a circuit of exactly s gates?"
 * split into cubes (src/cubes/cube-split.ts) that are solved independently,
 * in the sweep's worker processes (a {@link WorkerPool}) or in this process.
 *
 * Combining: SAT as soon as one cube is SAT (the other cubes are cancelled:
 * their workers are killed); UNSAT only when every cube is UNSAT, and the
 * certificate lists every cube's CNF hash; unknown when a cube runs out of
 * time (the others are cancelled). A decoded circuit is simulated in the
 * worker and again here, after it is assembled for the original spec.
 *
 * Resumable: with a checkpoint file, every UNSAT cube is written to it as it
 * finishes (atomically), and a rerun of the same query skips those cubes.
 * The checkpoint is keyed by the query (spec, basis, encoder, size, split),
 * so a file of another query is refused rather than misread.
 *
 * {@link solveCubeShard} solves only shard I of K of one size query into its
 * checkpoint (a Slurm task, say); cube-combine.ts answers the query from the
 * shards' files.
 *
 * {@link synthesizeByCubes} is the upward search of the driver
 * (src/synth/synthesize.ts) with every size solved this way: the same
 * result type and the same meaning of "optimal" (a verified circuit of s
 * gates and UNSAT at s - 1, or s the trivial bound).
 */
import { BASES, type BasisName } from '../core/basis.js';
import type { Circuit } from '../core/circuit.js';
import { circuitCost } from '../core/cost.js';
import { BackendError, InternalError, UsageError, ValidationError, WaterlooError } from '../errors.js';
import { parseListing } from '../io/listing-read.js';
import { resolveBackendName, type BackendName } from '../sat/registry.js';
import { ENCODERS } from '../synth/registry.js';
import { assembleCircuit, reduceSpec, type ReducedSpec } from '../synth/reduce-spec.js';
import { synthesize, upperBoundSize, type SynthesisProgress, type SynthesisResult, type SynthesizeStats } from '../synth/synthesize.js';
import type { EncoderName, SymmetryBreaking, UnsatCertificate } from '../synth/types.js';
import { verifyCircuit } from '../synth/verify.js';
import { checkSpec, specToJson, type FunctionSpec } from '../tt/spec.js';
import { withDefaults } from '../util/with-defaults.js';
import { cubeQueryKey, readCubeCheckpoint, writeCubeQuery, type CubeEntry, type CubeQuery, type CubeSat } from '../cubes/cube-checkpoint.js';
import { encodeForCubes, solveCube, type CubeOutcome, type CubeTask } from '../cubes/cube-task.js';
import type { Shard } from './expand.js';
import { WorkerPool } from './worker-pool.js';

/** Where cubes are solved. */
export interface CubeRunner {
  /** Solves one cube; never rejects for an answer (errors of the cube are thrown as WaterlooErrors). */
  solve(task: CubeTask): Promise<CubeOutcome>;
  /** Cancels every cube in flight (their solves end as unknown, reason `aborted`). */
  cancel(): void;
  /** Releases the runner's resources. */
  close(): void;
}

/** Runs cubes in this process (the backend's solve call may still use another thread). */
export function localCubeRunner(): CubeRunner {
  let ctl = new AbortController();
  return {
    solve: (task) => solveCube(task, ctl.signal),
    cancel: () => {
      ctl.abort();
      ctl = new AbortController();
    },
    close: () => undefined,
  };
}

/** Seconds of grace after a cube's own limit before its worker is killed. */
const CUBE_KILL_GRACE_MS = 5000;

/**
 * Runs cubes in sweep worker processes; cancelling kills the busy ones.
 *
 * While the runner is open, SIGINT and SIGTERM kill its workers before the
 * process ends as the signal's default would (exit 130 / 143): a worker
 * leaves by itself when its parent's channel closes, but not while a solver
 * call blocks its event loop, and it ignores SIGINT (a sweep decides for its
 * workers), so without this a stopped `min --cubes` left a busy worker
 * solving.
 */
export function poolCubeRunner(backend: BackendName | 'auto', workerPath?: string): CubeRunner {
  const newPool = (): WorkerPool => new WorkerPool({ backend, command: 'cubes', ...(workerPath === undefined ? {} : { workerPath }) });
  let pool = newPool();
  const onSignal = (signal: NodeJS.Signals): void => {
    pool.kill();
    stopWatching();
    process.kill(process.pid, signal);
  };
  const stopWatching = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    async solve(task) {
      const o = await pool.solveCube(task, task.timeLimitMs === undefined ? undefined : task.timeLimitMs + CUBE_KILL_GRACE_MS);
      switch (o.kind) {
        case 'done':
          return o.outcome;
        case 'stopped':
          return { answer: 'unknown', index: task.index, reason: 'aborted' };
        case 'hard-timeout':
          return { answer: 'unknown', index: task.index, reason: 'time' };
        case 'failed':
          if (o.error.kind === 'internal') throw new InternalError(`cube ${task.index}: ${o.error.message}`);
          throw new BackendError(`cube ${task.index}: ${o.error.name} ${o.error.code}: ${o.error.message}`, 'failed');
        case 'died':
          throw new BackendError(`cube ${task.index}: worker exited with ${o.exit}${o.stderrTail ? `: ${o.stderrTail}` : ''}`, 'crashed');
      }
    },
    cancel() {
      pool.kill();
      pool = newPool();
    },
    close() {
      stopWatching();
      pool.close();
    },
  };
}

/** Parameters of {@link solveSizeByCubes} and {@link synthesizeByCubes}. */
export interface CubeSearchParams {
  readonly basis: BasisName;
  readonly encoder: EncoderName;
  readonly backend: BackendName | 'auto';
  /** Cubes per size (at least this many, as the split allows; see cube-split.ts). */
  readonly cubes: number;
  /** Cubes solved at once. */
  readonly workers: number;
  /** Overall time limit, ms. */
  readonly timeLimitMs?: number;
  /** Where to solve cubes (default: worker processes, {@link poolCubeRunner}). */
  readonly runner?: CubeRunner;
  /** A JSON file recording the UNSAT cubes and a SAT circuit (cube-checkpoint.ts), so that a rerun skips them. */
  readonly checkpoint?: string;
  readonly symmetryBreaking?: Partial<SymmetryBreaking>;
  /** Start the upward search here (as for synthesize). */
  readonly minSize?: number;
  /** Give up after this size. */
  readonly maxSize?: number;
  /**
   * A known circuit for the spec (verified here): the upward search stops
   * below its size, and it is the answer when every size below is UNSAT
   * (synthesize's `upperBoundUse: 'cap'`).
   */
  readonly upperBoundCircuit?: Circuit;
  /** Called when the proven lower bound rises (and at the start): what a stop now could print (as synthesize's). */
  readonly onProgress?: (progress: SynthesisProgress) => void;
  /** Called after every finished cube. */
  readonly onCube?: (p: { readonly size: number; readonly done: number; readonly total: number; readonly outcome: CubeOutcome }) => void;
}

/** Defaults of {@link CubeSearchParams}. */
export const DEFAULT_CUBE_SEARCH_PARAMS: Readonly<CubeSearchParams> = Object.freeze({ basis: 'B2', encoder: 'ssv', backend: 'auto', cubes: 16, workers: 2 });

/** The outcome of one size. */
export type CubeSizeOutcome =
  | { readonly answer: 'sat'; readonly circuit: Circuit; readonly cube: number; readonly cubes: number }
  | { readonly answer: 'unsat'; readonly certificate: UnsatCertificate; readonly cubes: number; readonly resumed: number }
  | { readonly answer: 'unknown'; readonly reason: string; readonly cubes: number; readonly unsat: number };

function checkCubeParams(p: CubeSearchParams): void {
  if (!Object.hasOwn(BASES, p.basis)) throw new UsageError(`unknown basis '${String(p.basis)}'`, 'unknown-basis');
  if (!Object.hasOwn(ENCODERS, p.encoder)) throw new UsageError(`unknown encoder '${String(p.encoder)}'`, 'unknown-encoder');
  if (!Number.isInteger(p.cubes) || p.cubes < 1) throw new UsageError(`cubes must be an integer >= 1, got ${p.cubes}`, 'bad-param');
  if (!Number.isInteger(p.workers) || p.workers < 1) throw new UsageError(`workers must be an integer >= 1, got ${p.workers}`, 'bad-param');
}

/** What {@link runCubeQuery} leaves: the UNSAT entries (resumed and new), and why it stopped early, if it did. */
interface CubeRun {
  readonly query: CubeQuery;
  readonly total: number;
  readonly entries: ReadonlyMap<number, CubeEntry>;
  readonly resumed: number;
  readonly stop?: { readonly answer: 'sat'; readonly circuit: Circuit; readonly cube: number } | { readonly answer: 'unknown'; readonly reason: string };
}

/**
 * The common loop of {@link solveSizeByCubes} and {@link solveCubeShard}:
 * solves the cubes of the query that `wanted` selects and the checkpoint
 * does not answer yet, `p.workers` at a time, until one is SAT, one runs out
 * of time, or all are UNSAT. A SAT circuit in the checkpoint is taken
 * (re-simulated) without solving anything.
 */
async function runCubeQuery(red: ReducedSpec, size: number, p: CubeSearchParams, runner: CubeRunner, deadline: number, wanted: (index: number) => boolean, shard?: Shard): Promise<CubeRun> {
  const query: CubeQuery = { spec: specToJson(red.core), basis: p.basis, encoder: p.encoder, size, cubes: p.cubes, ...(p.symmetryBreaking ? { symmetryBreaking: p.symmetryBreaking } : {}) };
  const total = encodeForCubes(query).cubes.length;
  const key = cubeQueryKey(query);
  const ckpt = readCubeCheckpoint(p.checkpoint);
  const entries = new Map<number, CubeEntry>(Object.entries(ckpt.queries[key] ?? {}).map(([i, e]) => [Number(i), e]));
  for (const i of entries.keys()) if (!(Number.isInteger(i) && i >= 0 && i < total)) throw new ValidationError(`${p.checkpoint}: cube ${i} is not one of the ${total} cubes of its query`, 'bad-checkpoint');
  const resumed = entries.size;
  const about = { ...query, total, ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}), backend: await resolveBackendName(p.backend) };
  const save = (sat?: CubeSat): void => {
    if (p.checkpoint !== undefined) writeCubeQuery(p.checkpoint, key, { entries, about, ...(sat ? { sat } : {}) });
  };
  const found = ckpt.sat?.[key];
  if (found !== undefined) return { query, total, entries, resumed, stop: { answer: 'sat', circuit: checkpointCircuit(p.checkpoint!, red, found, size, p.basis, total), cube: found.cube } };
  // the file names its query from the start, so that a shard stopped before its first cube is still recognised
  if (p.checkpoint !== undefined && ckpt.about?.[key] === undefined) save();
  const todo = [...Array(total).keys()].filter((i) => wanted(i) && !entries.has(i));
  let stop: CubeRun['stop'];
  let failure: unknown;
  const lane = async (): Promise<void> => {
    for (;;) {
      if (stop !== undefined || failure !== undefined) return;
      const index = todo.shift();
      if (index === undefined) return;
      const left = deadline - performance.now();
      if (left <= 0) {
        stop ??= { answer: 'unknown', reason: 'time' };
        return;
      }
      let o: CubeOutcome;
      try {
        o = await runner.solve({ ...query, index, backend: p.backend, ...(left === Infinity ? {} : { timeLimitMs: Math.floor(left) }) });
      } catch (e) {
        failure ??= e;
        runner.cancel();
        return;
      }
      if (stop !== undefined) return;
      if (o.answer === 'unsat') {
        entries.set(index, o.entry);
        save();
      } else if (o.answer === 'sat') {
        stop = { answer: 'sat', circuit: finalCircuit(red, o.circuit, size, p.basis, index), cube: index };
        save({ cube: index, circuit: o.circuit });
        runner.cancel();
      } else {
        stop = { answer: 'unknown', reason: o.reason };
        runner.cancel();
      }
      p.onCube?.({ size, done: entries.size, total, outcome: o });
    }
  };
  // The deadline is held here, not only by each cube's own limit: a worker
  // starts its solve late (process start, encoding) and a backend may
  // overrun, so at the deadline the cubes in flight are cancelled.
  const timer = deadline === Infinity ? undefined : setTimeout(() => {
    stop ??= { answer: 'unknown', reason: 'time' };
    runner.cancel();
  }, Math.max(0, deadline - performance.now()));
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(p.workers, todo.length)) }, lane));
  } finally {
    clearTimeout(timer);
  }
  if (failure !== undefined) throw failure;
  return { query, total, entries, resumed, ...(stop ? { stop } : {}) };
}

/**
 * Solves "a circuit of exactly `size` gates for `red.core`?" by cubes (see
 * the module notes). The SAT circuit is assembled for the original spec,
 * simulated and costed here. `deadline` is a performance.now() time.
 */
export async function solveSizeByCubes(red: ReducedSpec, size: number, p: CubeSearchParams, runner: CubeRunner, deadline = Infinity): Promise<CubeSizeOutcome> {
  const run = await runCubeQuery(red, size, p, runner, deadline, () => true);
  const { stop, total, entries } = run;
  if (stop?.answer === 'sat') return { ...stop, cubes: total };
  if (stop !== undefined) return { answer: 'unknown', reason: stop.reason, cubes: total, unsat: entries.size };
  if (entries.size !== total) throw new InternalError(`internal error: ${entries.size} of ${total} cubes answered, no SAT and no unknown`);
  const instances = [...Array(total).keys()].map((i) => entries.get(i)!);
  return { answer: 'unsat', certificate: { encoder: p.encoder, basis: p.basis, size, backend: await resolveBackendName(p.backend), instances }, cubes: total, resumed: run.resumed };
}

/** How one shard of a size query ended. */
export type CubeShardOutcome =
  /** A cube of the shard (or a checkpoint) has a circuit of `size` gates: the query is SAT. */
  | { readonly answer: 'sat'; readonly circuit: Circuit; readonly cube: number; readonly cubes: number }
  /** Every cube of the shard is UNSAT (recorded in the checkpoint); the query's answer needs the other shards. */
  | { readonly answer: 'shard-unsat'; readonly cubes: number; readonly shardCubes: number; readonly resumed: number }
  | { readonly answer: 'unknown'; readonly reason: string; readonly cubes: number; readonly shardCubes: number; readonly unsat: number };

/**
 * Shard `shard` of the size query (cubes i with i mod K = I - 1, the sweep's
 * {@link shardOf} rule), solved as {@link solveSizeByCubes} solves all of
 * them and recorded in the checkpoint `p.checkpoint` (required): combine the
 * shards' files with {@link combineCubeCheckpoints} (cube-combine.ts).
 * @throws UsageError without a checkpoint or for bad parameters.
 */
export async function solveCubeShard(spec: FunctionSpec, size: number, shard: Shard, params: Partial<CubeSearchParams> = {}): Promise<CubeShardOutcome> {
  const p = withDefaults(DEFAULT_CUBE_SEARCH_PARAMS, params);
  checkCubeParams(p);
  checkSpec(spec);
  if (p.checkpoint === undefined) throw new UsageError('a cube shard needs a checkpoint file to record its answers in', 'bad-param');
  if (!Number.isInteger(size) || size < 1) throw new UsageError(`size must be an integer >= 1, got ${size}`, 'bad-param');
  const red = reduceSpec(spec);
  if (red.core.outputs.length === 0) throw new UsageError('the spec needs no gates (every output is a constant or an input): there is nothing to split', 'bad-param');
  const runner = p.runner ?? poolCubeRunner(p.backend);
  try {
    const inShard = (i: number): boolean => i % shard.count === shard.index - 1;
    const run = await runCubeQuery(red, size, p, runner, p.timeLimitMs === undefined ? Infinity : performance.now() + p.timeLimitMs, inShard, shard);
    const shardCubes = [...Array(run.total).keys()].filter(inShard).length;
    if (run.stop?.answer === 'sat') return { ...run.stop, cubes: run.total };
    const unsat = [...run.entries.keys()].filter(inShard).length;
    if (run.stop !== undefined) return { answer: 'unknown', reason: run.stop.reason, cubes: run.total, shardCubes, unsat };
    return { answer: 'shard-unsat', cubes: run.total, shardCubes, resumed: run.resumed };
  } finally {
    if (p.runner === undefined) runner.close();
  }
}

/**
 * The circuit a checkpoint file records for a query, checked as
 * {@link finalCircuit} checks a worker's; a file is a claim, so a circuit
 * that fails is bad input (ValidationError code `bad-checkpoint`).
 */
export function checkpointCircuit(file: string, red: ReducedSpec, sat: CubeSat, size: number, basis: BasisName, total: number): Circuit {
  try {
    if (!Number.isInteger(sat.cube) || sat.cube < 0 || sat.cube >= total || typeof sat.circuit !== 'string') throw new ValidationError(`cube ${String(sat.cube)} of ${total}, circuit ${typeof sat.circuit}`, 'bad-checkpoint');
    return finalCircuit(red, sat.circuit, size, basis, sat.cube);
  } catch (e) {
    if (!(e instanceof WaterlooError)) throw e;
    throw new ValidationError(`${file}: its circuit for this query is not a circuit of ${size} gates for the spec (${e.message})`, 'bad-checkpoint');
  }
}

/** The cube's core circuit, assembled for the original spec, simulated and costed; a mismatch is an InternalError. */
export function finalCircuit(red: ReducedSpec, listing: string, size: number, basis: BasisName, cube: number): Circuit {
  const core = parseListing(listing, { fileName: `cube ${cube} circuit` });
  const v = verifyCircuit(core, red.core);
  if (!v.ok) throw new InternalError(`internal error: cube ${cube}: circuit of ${size} gates is wrong on output ${v.output}, minterm ${v.minterm} of the reduced spec`);
  const full = assembleCircuit(red, core);
  const w = verifyCircuit(full, red.original);
  if (!w.ok) throw new InternalError(`internal error: cube ${cube}: assembled circuit is wrong on output ${w.output}, minterm ${w.minterm}`);
  const cost = circuitCost(full, basis);
  if (!cost.inBasis || cost.size !== size) throw new InternalError(`internal error: cube ${cube}: circuit should have size ${size} in ${basis}, has ${cost.inBasis ? cost.size : cost.reason}`);
  return full;
}

/**
 * Exact synthesis with every size solved by cubes (see the module notes):
 * upward from the proven lower bound (or `minSize`), SAT decoded and
 * verified, UNSAT certified by all cubes. Specs without a core output are
 * answered by {@link synthesize} directly (no SAT call is needed).
 * @throws UsageError for bad parameters or an encoder that cannot split;
 *   BackendError when a worker fails; InternalError for a wrong circuit (a bug).
 */
export async function synthesizeByCubes(spec: FunctionSpec, params: Partial<CubeSearchParams> = {}): Promise<SynthesisResult> {
  const p = withDefaults(DEFAULT_CUBE_SEARCH_PARAMS, params);
  checkCubeParams(p);
  checkSpec(spec);
  const red = reduceSpec(spec);
  if (red.core.outputs.length === 0) return synthesize(spec, { basis: p.basis, encoder: p.encoder, backend: p.backend });
  const t0 = performance.now();
  const deadline = p.timeLimitMs === undefined ? Infinity : t0 + p.timeLimitMs;
  const backend = await resolveBackendName(p.backend);
  const stats: SynthesizeStats = {
    backend,
    encoder: p.encoder,
    coreInputs: red.core.numInputs,
    coreOutputs: red.core.outputs.length,
    initialLowerBound: red.lowerBound,
    initialLowerBoundArgument: red.lowerBoundArgument,
    cegar: false,
    cegarIterations: 0,
    solveCalls: 0,
    encodeMs: 0,
    solveMs: 0,
    proofCheckMs: 0,
    totalMs: 0,
    sizes: [],
  };
  const known = p.upperBoundCircuit === undefined ? undefined : upperBoundSize(p.upperBoundCircuit, spec, p.basis, undefined);
  const runner = p.runner ?? poolCubeRunner(p.backend);
  const unsat = new Map<number, UnsatCertificate>();
  let provenLB = red.lowerBound;
  const evidence = (): { lowerBoundCertificate?: UnsatCertificate } => (unsat.has(provenLB - 1) ? { lowerBoundCertificate: unsat.get(provenLB - 1)! } : {});
  // without a circuit of its own, a search that stops answers with the known circuit (if any)
  const stopped = (reason: string): SynthesisResult =>
    known === undefined
      ? { status: 'unknown', provenLowerBound: provenLB, ...evidence(), reason, stats }
      : { status: 'feasible', circuit: known.circuit, size: known.size, provenLowerBound: provenLB, ...evidence(), reason, stats };
  try {
    p.onProgress?.({ provenLowerBound: provenLB, stats, ...(known === undefined ? {} : { best: known }) });
    const start = Math.max(red.lowerBound, p.minSize ?? 0);
    for (let k = start; k <= (p.maxSize ?? Infinity) && (known === undefined || k < known.size); k++) {
      const ts = performance.now();
      const out = await solveSizeByCubes(red, k, { ...p, onCube: (c) => ((stats.solveCalls += 1), p.onCube?.(c)) }, runner, deadline);
      const ms = performance.now() - ts;
      stats.solveMs += ms;
      stats.sizes.push({ size: k, answer: out.answer, ms, instances: out.cubes, vars: 0, clauses: 0 });
      stats.totalMs = performance.now() - t0;
      if (out.answer === 'unknown') return stopped(out.reason);
      if (out.answer === 'unsat') {
        unsat.set(k, out.certificate);
        if (provenLB === k) {
          provenLB = k + 1;
          p.onProgress?.({ provenLowerBound: provenLB, stats, ...(known === undefined ? {} : { best: known }) });
        }
        continue;
      }
      if (k === red.lowerBound) return { status: 'optimal', circuit: out.circuit, size: k, lowerBound: null, lowerBoundArgument: red.lowerBoundArgument, stats };
      if (unsat.has(k - 1) && provenLB === k) return { status: 'optimal', circuit: out.circuit, size: k, lowerBound: unsat.get(k - 1)!, lowerBoundArgument: null, stats };
      return { status: 'feasible', circuit: out.circuit, size: k, provenLowerBound: provenLB, ...evidence(), reason: `sizes ${provenLB}..${k - 1} not refuted (minSize)`, stats };
    }
    if (known !== undefined && provenLB >= known.size) {
      return known.size === red.lowerBound
        ? { status: 'optimal', circuit: known.circuit, size: known.size, lowerBound: null, lowerBoundArgument: red.lowerBoundArgument, stats }
        : { status: 'optimal', circuit: known.circuit, size: known.size, lowerBound: unsat.get(known.size - 1)!, lowerBoundArgument: null, stats };
    }
    if (known !== undefined && (p.maxSize ?? Infinity) >= known.size - 1) return stopped(`sizes ${provenLB}..${known.size - 1} not refuted (minSize)`);
    return stopped('max-size');
  } finally {
    stats.totalMs = performance.now() - t0;
    if (p.runner === undefined) runner.close();
  }
}
