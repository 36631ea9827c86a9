/**
 * Combinational equivalence checking of two circuits: `checkEquivalence(a, b)`.
 *
 * Two independent methods: exhaustive simulation (inputs <= 20) and the SAT
 * engine (structural hashing of both circuits into one AIG, restricted to the
 * cones of the output pairs hashing leaves undecided; random simulation; SAT
 * sweeping with cut-based proofs first; then the output miters). `method: 'auto'` uses
 * exhaustive simulation up to 16 inputs. Every counterexample is replayed on
 * both original circuits by simulation before it is returned.
 */
import { CircuitBuilder } from '../core/builder.js';
import { gateFanins, type Circuit } from '../core/circuit.js';
import type { GateKind } from '../core/gate.js';
import { evaluate, simulateTruthTables } from '../core/simulate.js';
import { InternalError, UsageError } from '../errors.js';
import { createSolver, resolveBackendName, type BackendName } from '../sat/registry.js';
import { matchIo, type IoMatching, type MatchMode } from './match-io.js';
import { combinePending } from './miter-aig.js';
import { DEFAULT_FRAIG_PARAMS, SatSweeper } from './fraig/sweeper.js';
import type { EquivalenceMethod, EquivalenceVerdict, EquivalenceStats } from './verdict.js';
import { withDefaults } from '../util/with-defaults.js';

/** Largest input count of the exhaustive method. */
export const MAX_EXHAUSTIVE_EQ_INPUTS = 20;

/** Parameters of {@link checkEquivalence}. */
export interface CheckEquivalenceParams {
  /** How inputs and outputs are paired (default 'name'). */
  readonly match: MatchMode;
  /** 'auto' (exhaustive up to 16 inputs, else SAT), 'exhaustive' or 'sat'. */
  readonly method: 'auto' | 'exhaustive' | 'sat';
  readonly backend: BackendName | 'auto';
  /** Overall time limit; 0 = none. */
  readonly timeLimitMs: number;
  /** Conflict limit of each internal sweeping query. */
  readonly sweepConflictLimit: number;
  /** Skip SAT sweeping and go straight to the output miters. */
  readonly noSweep: boolean;
  readonly seed: number;
  /** Names of the two circuits in error messages (the CLI passes the file names). */
  readonly labels: readonly [string, string];
}

export const DEFAULT_CHECK_EQUIVALENCE_PARAMS: Readonly<CheckEquivalenceParams> = Object.freeze({
  match: 'name',
  method: 'auto',
  backend: 'auto',
  timeLimitMs: 0,
  sweepConflictLimit: 100,
  noSweep: false,
  seed: 1,
  labels: ['A', 'B'] as const,
});

/** Thrown when a counterexample fails to replay: a bug, never a result (an {@link InternalError}, code `cex-replay`). */
export class InternalCheckError extends InternalError {
  override name = 'InternalCheckError';
}

/** Checks whether `a` and `b` compute the same function on every paired output. */
export async function checkEquivalence(a: Circuit, b: Circuit, params: Partial<CheckEquivalenceParams> = {}): Promise<EquivalenceVerdict> {
  const p = withDefaults(DEFAULT_CHECK_EQUIVALENCE_PARAMS, params);
  const t0 = Date.now();
  const m = matchIo(a, b, p.match, p.labels);
  const useExhaustive = p.method === 'exhaustive' || (p.method === 'auto' && a.numInputs <= 16);
  if (useExhaustive) {
    if (a.numInputs > MAX_EXHAUSTIVE_EQ_INPUTS) {
      throw new UsageError(`exhaustive equivalence is limited to ${MAX_EXHAUSTIVE_EQ_INPUTS} inputs; these circuits have ${a.numInputs}`, 'too-many-inputs');
    }
    return exhaustive(a, b, m, t0);
  }
  return satCheck(a, b, m, p, t0);
}

/** B's input vector for A's input vector under the matching. */
function permuteForB(m: IoMatching, cex: readonly boolean[]): boolean[] {
  const out = new Array<boolean>(cex.length);
  m.inputMap.forEach((k, i) => (out[k] = cex[i]!));
  return out;
}

/** Replays a counterexample; returns the verdict or throws if it does not replay. */
function replay(a: Circuit, b: Circuit, m: IoMatching, cex: boolean[], method: EquivalenceMethod, stats: EquivalenceStats): EquivalenceVerdict {
  const va = evaluate(a, cex);
  const vb = evaluate(b, permuteForB(m, cex));
  for (const pair of m.outputPairs) {
    if (va[pair.a] !== vb[pair.b]) {
      return { verdict: 'different', method, output: pair.a, outputName: pair.name, counterexample: cex, valueA: va[pair.a]!, valueB: vb[pair.b]!, stats };
    }
  }
  throw new InternalCheckError(`internal error: a ${method} counterexample does not replay by simulation`, 'cex-replay');
}

function exhaustive(a: Circuit, b: Circuit, m: IoMatching, t0: number): EquivalenceVerdict {
  const ta = simulateTruthTables(a);
  // simulate B with its inputs renamed into A's order
  const tb = simulateTruthTables(reorderInputs(b, m.inputMap));
  for (const pair of m.outputPairs) {
    const x = ta[pair.a]!, y = tb[pair.b]!;
    for (let i = 0; i < x.words.length; i++) {
      const diff = x.words[i]! ^ y.words[i]!;
      if (diff) {
        const minterm = i * 32 + (31 - Math.clz32(diff & -diff));
        const cex = Array.from({ length: a.numInputs }, (_, k) => ((minterm >>> k) & 1) === 1);
        return replay(a, b, m, cex, 'exhaustive', { ms: Date.now() - t0 });
      }
    }
  }
  return { verdict: 'equivalent', method: 'exhaustive', stats: { ms: Date.now() - t0 } };
}

/** B with inputs re-ordered so that its input inputMap[i] becomes input i (gates copied as they are). */
function reorderInputs(b: Circuit, inputMap: readonly number[]): Circuit {
  if (inputMap.every((k, i) => k === i)) return b;
  const bld = new CircuitBuilder({ strash: false });
  const map = new Uint32Array(1 + b.numInputs + b.numGates);
  inputMap.forEach((k) => (map[k + 1] = bld.addInput(b.inputNames[k])));
  const first = b.numInputs + 1;
  for (let g = 0; g < b.numGates; g++) {
    const fs = Array.from(gateFanins(b, g), (f) => map[f >>> 1]! ^ (f & 1));
    map[first + g] = bld.addGate(b.kinds[g] as GateKind, fs, b.luts.get(g));
  }
  b.outputs.forEach((o, j) => bld.addOutput(map[o >>> 1]! ^ (o & 1), b.outputNames[j]));
  return bld.build();
}

/**
 * The schedule of sweeping passes. Each pass sweeps the graph the previous
 * one reduced, with a hundred times the conflict limit, so the easy merges
 * are made cheaply first and the queries given up are asked again of a
 * smaller graph (ABC's iterated fraiging does the same). After a pass the
 * output miters get rounds of rising conflict limits (ten times the pass's,
 * then ten times more) within half the time the pass took (at least
 * OUTPUT_MIN_BUDGET_MS): often they are easy once the graph is reduced, and
 * a harder sweep would cost far more (EPFL log2 vs its rewrite: a second pass
 * at 10^4 conflicts took over 90 s, the outputs alone under a second). A
 * later pass may take PASS_TIME_FACTOR times what the check took before it.
 * After the last pass, or a pass that gave nothing up, the rounds go on up to
 * the overall deadline, the last one without a limit. EPFL sin vs its best
 * LUT network, which needs the second pass: 36 s (ABC cec 24 s); unknown
 * after 300 s with a single pass.
 */
const SWEEP_PASS_GROWTH = 100;
const MAX_SWEEP_PASSES = 2;
const OUTPUT_LIMIT_FACTOR = 10;
const OUTPUT_MIN_BUDGET_MS = 1000;
const OUTPUT_TIME_SHARE = 0.5;
/** After the last pass, rounds up to this limit come before the round without one. */
const LAST_ROUND_LIMIT = 1_000_000;
const PASS_TIME_FACTOR = 2;

/** An output pair still to prove, by its literals in the current graph. */
interface OpenPair {
  readonly pair: number;
  readonly litA: number;
  readonly litB: number;
}

async function satCheck(a: Circuit, b: Circuit, m: IoMatching, p: CheckEquivalenceParams, t0: number): Promise<EquivalenceVerdict> {
  const combined = combinePending(a, b, m.inputMap, m.outputPairs.map((pair) => [pair.a, pair.b] as const));
  const stats: EquivalenceStats = { ms: 0, aigNodes: combined.combinedGates, coneNodes: combined.aig.numGates, satCalls: 0, merged: 0, strashMerged: 0, refinements: 0, undecided: 0 };
  const deadline = p.timeLimitMs > 0 ? t0 + p.timeLimitMs : Number.POSITIVE_INFINITY;
  const done = (): EquivalenceStats => ({ ...stats, ms: Date.now() - t0 });
  if (combined.pending.length === 0) return { verdict: 'equivalent', method: 'structural', stats: done() };
  const backend = await resolveBackendName(p.backend);
  let aig = combined.aig;
  let open: readonly OpenPair[] = combined.pending;
  let limit = p.sweepConflictLimit;
  for (let pass = 0; ; pass++) {
    const passStart = Date.now();
    const passDeadline = pass === 0 ? deadline : Math.min(deadline, passStart + PASS_TIME_FACTOR * Math.max(OUTPUT_MIN_BUDGET_MS, passStart - t0));
    const sweeper = new SatSweeper(aig, {
      ...DEFAULT_FRAIG_PARAMS,
      makeSolver: () => createSolver(backend),
      conflictLimit: limit,
      deadline: passDeadline,
      seed: p.seed + pass,
      structuralOnly: p.noSweep,
    });
    try {
      if (pass === 0) {
        // outputs that random simulation already tells apart need no SAT at all
        for (const { litA, litB } of open) {
          const cex = sweeper.simulationDifference(litA, litB);
          if (cex) return replay(a, b, m, cex, 'simulation', done());
        }
      }
      await sweeper.run();
      addSweepStats(stats, sweeper);
      stats.sweepMs = Date.now() - t0;
      const last = p.noSweep || sweeper.stats.undecided === 0 || pass + 1 >= MAX_SWEEP_PASSES || Date.now() >= passDeadline;
      // between passes within half the time the pass took, after the last pass up to the overall deadline
      const outputDeadline = last ? deadline : Math.min(deadline, Date.now() + Math.max(OUTPUT_MIN_BUDGET_MS, OUTPUT_TIME_SHARE * (Date.now() - passStart)));
      const callsBefore = sweeper.stats.satCalls, solversBefore = sweeper.stats.solvers;
      const outcome = await proveOutputs(sweeper, open, { firstLimit: Math.max(1, limit) * OUTPUT_LIMIT_FACTOR, last, outputDeadline, deadline });
      const left = outcome.left;
      const verdict: EquivalenceVerdict | undefined =
        outcome.kind === 'different' ? replay(a, b, m, outcome.counterexample, 'sat', stats) : outcome.kind === 'unknown' ? { verdict: 'unknown', reason: outcome.reason, stats } : undefined;
      stats.satCalls! += sweeper.stats.satCalls - callsBefore;
      stats.solvers! += sweeper.stats.solvers - solversBefore;
      if (verdict) return { ...verdict, stats: done() } as EquivalenceVerdict;
      if (left.length === 0) return { verdict: 'equivalent', method: 'sat', backend, stats: done() };
      const next = sweeper.reduced(left.flatMap((x) => [x.litA, x.litB]));
      aig = next.circuit;
      open = left.map((x, j) => ({ pair: x.pair, litA: next.lits[2 * j]!, litB: next.lits[2 * j + 1]! })).filter((x) => x.litA !== x.litB);
      if (open.length === 0) return { verdict: 'equivalent', method: 'sat', backend, stats: done() };
      limit *= SWEEP_PASS_GROWTH;
    } finally {
      sweeper.close();
    }
  }
}

/** What {@link proveOutputs} found: a counterexample, an unknown that ends the check, or the pairs still open. */
type OutputsOutcome =
  | { readonly kind: 'different'; readonly counterexample: boolean[]; readonly left: readonly OpenPair[] }
  | { readonly kind: 'unknown'; readonly reason: string; readonly left: readonly OpenPair[] }
  | { readonly kind: 'open'; readonly left: readonly OpenPair[] };

/**
 * Proves output pairs in rounds of rising conflict limits (firstLimit, ten
 * times that, ...), so an easy pair or an easy counterexample is never stuck
 * behind a hard one. Not `last`: stops at `outputDeadline` and returns the
 * pairs left. `last`: goes on to the overall deadline, the final round
 * without a limit, and anything unproved is unknown.
 */
async function proveOutputs(
  sweeper: SatSweeper,
  open: readonly OpenPair[],
  o: { readonly firstLimit: number; readonly last: boolean; readonly outputDeadline: number; readonly deadline: number },
): Promise<OutputsOutcome> {
  let left: OpenPair[] = [...open];
  for (let limit = o.firstLimit; left.length > 0; limit *= OUTPUT_LIMIT_FACTOR) {
    const unlimited = o.last && limit > LAST_ROUND_LIMIT;
    const round = left;
    left = [];
    for (let i = 0; i < round.length; i++) {
      const pair = round[i]!;
      if (Date.now() >= o.outputDeadline) {
        left.push(...round.slice(i));
        break;
      }
      const r = await sweeper.prove(pair.litA, pair.litB, o.outputDeadline, unlimited ? undefined : limit);
      if (r.kind === 'different') return { kind: 'different', counterexample: r.counterexample, left };
      if (r.kind === 'unknown') {
        // the overall deadline (or a solver failure) ends the check; a round's own limits only postpone the pair
        if (unlimited || Date.now() >= o.deadline || (r.reason !== 'conflicts' && r.reason !== 'time')) return { kind: 'unknown', reason: r.reason, left };
        left.push(pair);
      }
    }
    if (Date.now() >= o.outputDeadline) return o.last && left.length > 0 ? { kind: 'unknown', reason: 'time', left } : { kind: 'open', left };
  }
  return { kind: 'open', left };
}

/** Adds a finished sweep's counters to the check's (the sweep's own SAT calls; output proofs are added by the caller). */
function addSweepStats(stats: EquivalenceStats, s: SatSweeper): void {
  const x = s.stats;
  stats.satCalls = (stats.satCalls ?? 0) + x.satCalls;
  stats.merged = (stats.merged ?? 0) + x.merged;
  stats.cutMerged = (stats.cutMerged ?? 0) + x.cutMerged;
  stats.strashMerged = (stats.strashMerged ?? 0) + x.strashMerged;
  stats.refinements = (stats.refinements ?? 0) + x.refinements;
  stats.undecided = (stats.undecided ?? 0) + x.undecided;
  stats.retries = (stats.retries ?? 0) + x.retries;
  stats.justified = (stats.justified ?? 0) + x.justified;
  stats.neighbourRounds = (stats.neighbourRounds ?? 0) + x.neighbourRounds;
  stats.neighbourSplits = (stats.neighbourSplits ?? 0) + x.neighbourSplits;
  stats.muxEncoded = (stats.muxEncoded ?? 0) + x.muxEncoded;
  stats.solvers = (stats.solvers ?? 0) + x.solvers;
  stats.passes = (stats.passes ?? 0) + 1;
}
