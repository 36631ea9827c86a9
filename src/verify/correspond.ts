/**
 * Correspondence report: which internal nodes of circuit A equal (or
 * complement) which nodes of circuit B, proved by SAT sweeping of the
 * combined AIG (structural hashing or an UNSAT miter per merge), never by
 * simulation alone.
 */
import { reachableFromOutputs } from '../core/analysis.js';
import type { Circuit } from '../core/circuit.js';
import { nodeValueName } from '../core/node-names.js';
import { resolveBackendName, createSolver, type BackendName } from '../sat/registry.js';
import { matchIo, type MatchMode } from './match-io.js';
import { combineAig } from './miter-aig.js';
import { DEFAULT_FRAIG_PARAMS, SatSweeper } from './fraig/sweeper.js';
import { withDefaults } from '../util/with-defaults.js';

/** Parameters of {@link correspond}. */
export interface CorrespondParams {
  /** How the inputs are paired (default 'name'; outputs are not needed). */
  readonly match: MatchMode;
  readonly backend: BackendName | 'auto';
  /** Conflict limit of each internal query; nodes left undecided get no partner. */
  readonly conflictLimit: number;
  /** Time limit; 0 = none. Nodes not reached in time get no partner. */
  readonly timeLimitMs: number;
  readonly seed: number;
}

/** Defaults of {@link CorrespondParams}. */
export const DEFAULT_CORRESPOND_PARAMS: Readonly<CorrespondParams> = Object.freeze({
  match: 'name',
  backend: 'auto',
  conflictLimit: 1000,
  timeLimitMs: 0,
  seed: 1,
});

/** One proved pair: node `nodeA` of A equals node `nodeB` of B (or its complement). */
export interface NodeCorrespondence {
  readonly nodeA: number;
  /** Node A's value by name (core/node-names.ts: `!n7` when the file's n7 is its complement). */
  readonly nameA?: string;
  readonly nodeB: number;
  /** Node B's value by name; absent for the constant. */
  readonly nameB?: string;
  readonly complemented: boolean;
}

/** The report of {@link correspond}. */
export interface CorrespondenceReport {
  /** Pairs sorted by nodeA, then nodeB; every partner of every gate of A. */
  readonly pairs: readonly NodeCorrespondence[];
  /** Gates of A that some output needs. */
  readonly gatesA: number;
  /** Of those, gates with at least one partner (a node of B: a gate, an input or the constant). */
  readonly matchedA: number;
  /** matchedA / gatesA (1 when A has no gates). */
  readonly coverage: number;
  readonly stats: { ms: number; satCalls: number; merged: number; strashMerged: number; undecided: number };
}

/** Node v's value by name (core/node-names.ts); undefined for the constant. */
function nodeName(c: Circuit, v: number): string | undefined {
  return v === 0 ? undefined : nodeValueName(c, v);
}

/**
 * Proves which gates of A have an equal (or complementary) node in B. Inputs
 * are paired by name or position; throws ValidationError (code
 * `io-mismatch`) when they cannot be paired.
 */
export async function correspond(a: Circuit, b: Circuit, params: Partial<CorrespondParams> = {}): Promise<CorrespondenceReport> {
  const p = withDefaults(DEFAULT_CORRESPOND_PARAMS, params);
  const t0 = Date.now();
  // outputs need not match for a correspondence, only the inputs
  const m = matchIo({ ...a, outputs: new Uint32Array(0), outputNames: [] }, { ...b, outputs: new Uint32Array(0), outputNames: [] }, p.match);
  const comb = combineAig(a, b, m.inputMap, true);
  const backend = await resolveBackendName(p.backend);
  const sweeper = new SatSweeper(comb.aig, {
    ...DEFAULT_FRAIG_PARAMS,
    makeSolver: () => createSolver(backend),
    conflictLimit: p.conflictLimit,
    deadline: p.timeLimitMs > 0 ? t0 + p.timeLimitMs : Number.POSITIVE_INFINITY,
    seed: p.seed,
  });
  try {
    await sweeper.run();
  } finally {
    sweeper.close();
  }
  // root node -> nodes of B with that root (and the polarity)
  const byRoot = new Map<number, number[]>();
  for (let v = 0; v < comb.nodeLitB.length; v++) {
    const lit = comb.nodeLitB[v]!;
    if (lit < 0) continue;
    const r = sweeper.root(lit);
    let list = byRoot.get(r >>> 1);
    if (!list) byRoot.set(r >>> 1, (list = []));
    list.push(2 * v + (r & 1));
  }
  const liveA = reachableFromOutputs(a);
  const pairs: NodeCorrespondence[] = [];
  let gatesA = 0, matchedA = 0;
  for (let v = a.numInputs + 1; v < comb.nodeLitA.length; v++) {
    if (!liveA[v]) continue;
    gatesA++;
    const lit = comb.nodeLitA[v]!;
    if (lit < 0) continue;
    const r = sweeper.root(lit);
    const partners = byRoot.get(r >>> 1);
    if (!partners) continue;
    matchedA++;
    const nameA = nodeName(a, v);
    for (const pb of partners) {
      const u = pb >>> 1;
      const nameB = nodeName(b, u);
      pairs.push({ nodeA: v, ...(nameA !== undefined ? { nameA } : {}), nodeB: u, ...(nameB !== undefined ? { nameB } : {}), complemented: ((r ^ pb) & 1) === 1 });
    }
  }
  pairs.sort((x, y) => x.nodeA - y.nodeA || x.nodeB - y.nodeB);
  const { satCalls, merged, strashMerged, undecided } = sweeper.stats;
  return { pairs, gatesA, matchedA, coverage: gatesA ? matchedA / gatesA : 1, stats: { ms: Date.now() - t0, satCalls, merged, strashMerged, undecided } };
}
