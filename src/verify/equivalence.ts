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
import { UsageError, WaterlooError } from '../errors.js';
import { createSolver, resolveBackendName, type BackendName } from '../sat/registry.js';
import { matchIo, type IoMatching, type MatchMode } from './match-io.js';
import { combinePending } from './miter-aig.js';
import { DEFAULT_SWEEP_PARAMS, SatSweeper } from './sweep.js';
import type { EquivalenceMethod, EquivalenceVerdict, EquivalenceStats } from './verdict.js';

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
}

export const DEFAULT_CHECK_EQUIVALENCE_PARAMS: Readonly<CheckEquivalenceParams> = Object.freeze({
  match: 'name',
  method: 'auto',
  backend: 'auto',
  timeLimitMs: 0,
  sweepConflictLimit: 100,
  noSweep: false,
  seed: 1,
});

/** Thrown when a counterexample fails to replay: a bug, never a result. */
export class InternalCheckError extends WaterlooError {
  override name = 'InternalCheckError';
}

/** Checks whether `a` and `b` compute the same function on every paired output. */
export async function checkEquivalence(a: Circuit, b: Circuit, params: Partial<CheckEquivalenceParams> = {}): Promise<EquivalenceVerdict> {
  const p = { ...DEFAULT_CHECK_EQUIVALENCE_PARAMS, ...params };
  const t0 = Date.now();
  const m = matchIo(a, b, p.match);
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

async function satCheck(a: Circuit, b: Circuit, m: IoMatching, p: CheckEquivalenceParams, t0: number): Promise<EquivalenceVerdict> {
  const combined = combinePending(a, b, m.inputMap, m.outputPairs.map((pair) => [pair.a, pair.b] as const));
  const aig = combined.aig;
  const stats: EquivalenceStats = { ms: 0, aigNodes: combined.combinedGates, coneNodes: aig.numGates, satCalls: 0, merged: 0, strashMerged: 0, refinements: 0, undecided: 0 };
  const deadline = p.timeLimitMs > 0 ? t0 + p.timeLimitMs : Number.POSITIVE_INFINITY;
  if (combined.pending.length === 0) return { verdict: 'equivalent', method: 'structural', stats: { ...stats, ms: Date.now() - t0 } };
  const pending = combined.pending;
  const backend = await resolveBackendName(p.backend);
  const sweeper = new SatSweeper(aig, {
    ...DEFAULT_SWEEP_PARAMS,
    makeSolver: () => createSolver(backend),
    conflictLimit: p.sweepConflictLimit,
    deadline,
    seed: p.seed,
    structuralOnly: p.noSweep,
  });
  try {
    // outputs that random simulation already tells apart need no SAT at all
    for (const { litA, litB } of pending) {
      const cex = sweeper.simulationDifference(litA, litB);
      if (cex) return replay(a, b, m, cex, 'simulation', { ...stats, ms: Date.now() - t0 });
    }
    await sweeper.run();
    stats.sweepMs = Date.now() - t0;
    let unknown: string | undefined;
    for (const { litA, litB } of pending) {
      const r = await sweeper.prove(litA, litB, deadline);
      if (r.kind === 'different') {
        Object.assign(stats, sweepStats(sweeper));
        return replay(a, b, m, r.counterexample, 'sat', { ...stats, ms: Date.now() - t0 });
      }
      if (r.kind === 'unknown') {
        unknown = r.reason;
        break;
      }
    }
    Object.assign(stats, sweepStats(sweeper));
    stats.ms = Date.now() - t0;
    if (unknown) return { verdict: 'unknown', reason: unknown, stats };
    return { verdict: 'equivalent', method: 'sat', backend, stats };
  } finally {
    sweeper.close();
  }
}

function sweepStats(s: SatSweeper): Partial<EquivalenceStats> {
  const { satCalls, merged, cutMerged, strashMerged, refinements, undecided, solvers } = s.stats;
  return { satCalls, merged, cutMerged, strashMerged, refinements, undecided, solvers };
}
