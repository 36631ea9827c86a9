/**
 * `findFunctions(circuit, {library, k})`: which nodes compute which known
 * functions. Every priority cut (see enumerate-cuts.ts) is compared with the
 * library: single-output entries by exact NPN class (cuts of at most 6
 * leaves), multi-output entries (half/full adder) on pairs of roots that
 * share a cut (for entries with an output that ignores an input, also roots
 * whose cut is a subset of the shared leaves), by a common input
 * permutation/negation (of the windows with
 * the same entry, leaves and first root, such as a sum XOR paired with each
 * AND-like node over its leaves, only the cheapest by `compareMappings` is
 * kept, then the smallest cone). Every match is
 * confirmed by {@link checkWindowEquivalence} with the found correspondence
 * (leaves reordered, the entry's negations applied to the target) before it
 * is reported. Coverage is the fraction of gates inside the cone (the gates
 * between the leaves and the roots) of some reported match.
 */
import { CircuitBuilder } from '../core/builder.js';
import { gateFanins, positiveGateName, type Circuit } from '../core/circuit.js';
import type { GateKind } from '../core/gate.js';
import { UsageError } from '../errors.js';
import { applyNpn, type NpnTransform } from '../tt/npn.js';
import { makeSpec } from '../tt/spec.js';
import { toHex, type TruthTable } from '../tt/truth-table.js';
import { checkWindowEquivalence } from '../verify/window.js';
import { coneFunctions, coneNodes, cutFunction } from './cut-function.js';
import { enumerateCuts, DEFAULT_ENUMERATE_CUTS_PARAMS } from './enumerate-cuts.js';
import {
  DEFAULT_LIBRARY,
  findMultiMapping,
  compareMappings,
  isFullSupport,
  matchSingle,
  MAX_LIBRARY_INPUTS,
  npnClassKey,
  prepareLibrary,
  type LibraryEntry,
  type MatchMapping,
} from './match-library.js';

/** Parameters of {@link findFunctions}. */
export interface FindFunctionsParams {
  /** The known functions (default {@link DEFAULT_LIBRARY}). */
  readonly library: readonly LibraryEntry[];
  /** Cut size (1..8, default 6); cuts with more than 6 leaves are enumerated but never match (entries have <= 6 inputs). */
  readonly k: number;
  /** Priority cuts per node (default 12). */
  readonly cutLimit: number;
  /**
   * Smallest number of gates in a match's cone (default 2): a single gate
   * matching its own function (an AND gate is AND_2) is not reported.
   */
  readonly minConeGates: number;
  /** Look for multi-output entries (default true). */
  readonly multiOutput: boolean;
  /**
   * Circuits with at most this many nodes (default 4096) have every match
   * confirmed by a window check on the circuit itself. Larger circuits are
   * checked on exact copies of regions holding the matches' cones (about
   * 2048 nodes each; the leaves become inputs), because a window check
   * costs time linear in the size of the circuit it is given.
   */
  readonly confirmDirectUpTo: number;
}

/** Defaults of {@link FindFunctionsParams}. */
export const DEFAULT_FIND_FUNCTIONS_PARAMS: Readonly<FindFunctionsParams> = Object.freeze({
  library: DEFAULT_LIBRARY,
  k: DEFAULT_ENUMERATE_CUTS_PARAMS.k,
  cutLimit: DEFAULT_ENUMERATE_CUTS_PARAMS.cutLimit,
  minConeGates: 2,
  multiOutput: true,
  confirmDirectUpTo: 4096,
});

/** One confirmed match. */
export interface FunctionMatch {
  /** Library entry name. */
  readonly name: string;
  /** Root node ids, in the entry's output order (FA: sum, carry). */
  readonly roots: readonly number[];
  readonly rootNames: readonly string[];
  /** Leaf node ids, increasing (leaf j = variable x_j of the cut function). */
  readonly leaves: readonly number[];
  readonly leafNames: readonly string[];
  /** How the leaves/roots map onto the entry (see match-library.ts). */
  readonly transform: MatchMapping;
  /** Gates in the cone between the leaves and the roots. */
  readonly coneGates: number;
  /** Hex tables of the roots over the leaves. */
  readonly functions: readonly string[];
}

/** Counters of {@link findFunctions}. */
export interface FindFunctionsStats {
  ms: number;
  cuts: number;
  /** Cuts whose function was compared with the library. */
  cutsMatched: number;
  /** Multi-output candidate root tuples tried. */
  multiCandidates: number;
  /** Window checks run (one per reported match). */
  confirmations: number;
}

/** Result of {@link findFunctions}. */
export interface FindFunctionsResult {
  /** Sorted by first root, then the other roots, leaves and name. */
  readonly matches: readonly FunctionMatch[];
  /** Gates inside the cone of some match, divided by all gates (0 for a circuit without gates). */
  readonly coverage: number;
  readonly coveredGates: number;
  readonly gates: number;
  readonly stats: FindFunctionsStats;
}

/** A printable name of node v: input name, gate name, or `n<v>`. */
export function nodeName(c: Circuit, v: number): string {
  if (v === 0) return 'const0';
  if (v <= c.numInputs) return c.inputNames[v - 1]!;
  return positiveGateName(c, v - c.numInputs - 1) ?? `n${v}`;
}

function compareArrays(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Target size (nodes) of a region copy used to confirm a chunk of matches. */
const REGION_NODES = 2048;

/** An exact copy of the gates of some cones (their leaves become inputs), with the node map. */
interface Region {
  readonly circuit: Circuit;
  /** Original node id -> node id in the copy. */
  readonly node: ReadonlyMap<number, number>;
}

/**
 * Copies the cone gates of `cands` (same kinds, fanins and tables); every
 * leaf that is not itself a copied gate becomes an input. Each candidate's
 * window (roots over leaves) computes the same functions in the copy.
 */
function regionCopy(c: Circuit, cands: readonly Candidate[]): Region {
  const gates = new Set<number>();
  for (const cand of cands) for (const v of cand.cone) gates.add(v);
  const inputs = new Set<number>();
  for (const cand of cands) for (const l of cand.leaves) if (!gates.has(l) && l !== 0) inputs.add(l);
  const b = new CircuitBuilder({ strash: false });
  const lit = new Map<number, number>([[0, 0]]);
  for (const v of [...inputs].sort((x, y) => x - y)) lit.set(v, b.addInput(nodeName(c, v)));
  for (const v of [...gates].sort((x, y) => x - y)) {
    const g = v - c.numInputs - 1;
    const fs = Array.from(gateFanins(c, g), (f) => {
      const m = lit.get(f >>> 1);
      if (m === undefined) throw new Error(`internal error: fanin node ${f >>> 1} of cone gate ${v} is neither a leaf nor a cone gate`);
      return m ^ (f & 1);
    });
    lit.set(v, b.addGate(c.kinds[g] as GateKind, fs, c.luts.get(g)));
  }
  const node = new Map<number, number>();
  for (const [v, l] of lit) node.set(v, l >>> 1);
  return { circuit: b.build(), node };
}

interface Candidate {
  entry: LibraryEntry;
  roots: number[];
  leaves: readonly number[];
  mapping: MatchMapping;
  functions: TruthTable[];
  cone: number[];
}

/**
 * Finds the nodes (and pairs of nodes) that compute library functions over
 * one of their cuts; every match is confirmed by a window check before it
 * is reported. Throws UsageError for bad parameters or a malformed library.
 */
export async function findFunctions(circuit: Circuit, params: Partial<FindFunctionsParams> = {}): Promise<FindFunctionsResult> {
  const p = { ...DEFAULT_FIND_FUNCTIONS_PARAMS, ...params };
  if (!Number.isInteger(p.minConeGates) || p.minConeGates < 1) throw new UsageError(`minConeGates must be a positive integer, got ${p.minConeGates}`, 'bad-param');
  const t0 = Date.now();
  const lib = prepareLibrary(p.library);
  const cr = enumerateCuts(circuit, { k: p.k, cutLimit: p.cutLimit });
  const stats: FindFunctionsStats = { ms: 0, cuts: cr.stats.cuts, cutsMatched: 0, multiCandidates: 0, confirmations: 0 };
  const classCache = new Map<string, { key: string; transform: NpnTransform }>();
  const classOf = (f: TruthTable): { key: string; transform: NpnTransform } => {
    const h = `${f.numVars}:${toHex(f)}`;
    let c = classCache.get(h);
    if (!c) classCache.set(h, (c = npnClassKey(f)));
    return c;
  };
  const candidates: Candidate[] = [];
  // leaf set -> roots with that cut (for multi-output entries)
  const groups = new Map<string, { leaves: readonly number[]; members: { root: number; f: TruthTable; key: string }[] }>();
  const multiArities = new Set(lib.multi.map((m) => m.entry.numInputs));
  // a multi-output entry with an output that ignores some input pairs roots whose cut functions lack a leaf
  const multiPartial = p.multiOutput && lib.multi.some((m) => m.entry.outputs.some((t) => !isFullSupport(t)));
  const singleArities = new Set([...lib.entries].filter((e) => e.outputs.length === 1).map((e) => e.numInputs));
  for (let v = circuit.numInputs + 1; v < cr.cuts.length; v++) {
    for (const cut of cr.cuts[v]!) {
      const n = cut.leaves.length;
      if (cut.coneSize === 0 || n > MAX_LIBRARY_INPUTS || (!singleArities.has(n) && !multiArities.has(n))) continue;
      const f = cutFunction(circuit, v, cut.leaves);
      const full = isFullSupport(f);
      if (!full && !multiPartial) continue;
      stats.cutsMatched++;
      const cls = classOf(f);
      if (p.multiOutput && multiArities.has(n)) {
        const key = cut.leaves.join(',');
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { leaves: cut.leaves, members: [] }));
        g.members.push({ root: v, f, key: cls.key });
      }
      // a single-output match needs every leaf (otherwise a smaller cut has the same function)
      if (!full || cut.coneSize < p.minConeGates || !singleArities.has(n)) continue;
      const m = matchSingle(lib, f, cls);
      if (m) candidates.push({ entry: m.entry, roots: [v], leaves: cut.leaves, mapping: m.mapping, functions: [f], cone: coneNodes(circuit, [v], cut.leaves) });
    }
  }
  if (multiPartial) {
    // roots whose cut is a proper subset of a group's leaf set join the group, with their function over the whole set
    const byLeaf = new Map<number, { root: number; leaves: readonly number[] }[]>();
    for (let v = circuit.numInputs + 1; v < cr.cuts.length; v++) {
      for (const cut of cr.cuts[v]!) {
        if (cut.coneSize === 0 || cut.leaves.length >= MAX_LIBRARY_INPUTS) continue;
        for (const l of cut.leaves) {
          const list = byLeaf.get(l) ?? [];
          list.push({ root: v, leaves: cut.leaves });
          byLeaf.set(l, list);
        }
      }
    }
    for (const g of groups.values()) {
      const inSet = new Set(g.leaves);
      const present = new Set(g.members.map((m) => m.root));
      for (const l of g.leaves) {
        for (const sub of byLeaf.get(l) ?? []) {
          if (present.has(sub.root) || inSet.has(sub.root) || sub.leaves.length >= g.leaves.length || !sub.leaves.every((x) => inSet.has(x))) continue;
          present.add(sub.root);
          const f = coneFunctions(circuit, [sub.root], g.leaves)[0]!;
          g.members.push({ root: sub.root, f, key: classOf(f).key });
        }
      }
    }
  }
  const bestMulti = new Map<string, Candidate>();
  if (p.multiOutput) {
    for (const g of groups.values()) {
      for (const { entry, classKeys } of lib.multi) {
        if (entry.numInputs !== g.leaves.length) continue;
        const options = classKeys.map((k) => g.members.filter((m) => m.key === k));
        if (options.some((o) => o.length === 0)) continue;
        // every tuple of distinct roots, one per entry output
        const pick: (typeof g.members)[number][] = [];
        const rec = (k: number): void => {
          if (k === options.length) {
            stats.multiCandidates++;
            const fs = pick.map((m) => m.f);
            const mapping = findMultiMapping(fs, entry);
            if (!mapping) return;
            const roots = pick.map((m) => m.root);
            const cone = coneNodes(circuit, roots, g.leaves);
            if (cone.length < p.minConeGates) return;
            // one window per (entry, leaves, first root): the cheapest mapping, then the smallest cone, then root ids
            const key = `${entry.name}|${g.leaves.join(',')}|${roots[0]}`;
            const prev = bestMulti.get(key);
            const cand = { entry, roots, leaves: g.leaves, mapping, functions: fs, cone };
            if (!prev || compareMappings(mapping, prev.mapping) < 0 || (compareMappings(mapping, prev.mapping) === 0 && (cone.length < prev.cone.length || (cone.length === prev.cone.length && compareArrays(roots, prev.roots) < 0)))) {
              bestMulti.set(key, cand);
            }
            return;
          }
          for (const m of options[k]!) {
            if (pick.some((q) => q.root === m.root)) continue;
            pick.push(m);
            rec(k + 1);
            pick.pop();
          }
        };
        rec(0);
      }
    }
  }
  candidates.push(...bestMulti.values());
  // confirm every candidate with the found correspondence
  const matches: FunctionMatch[] = [];
  const covered = new Uint8Array(cr.cuts.length);
  candidates.sort((a, b) => compareArrays(a.roots, b.roots) || compareArrays(a.leaves, b.leaves));
  const direct = cr.cuts.length <= p.confirmDirectUpTo;
  const chunks: Candidate[][] = [];
  if (direct) chunks.push(candidates);
  else {
    let size = 0;
    for (const cand of candidates) {
      if (chunks.length === 0 || size > REGION_NODES) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1]!.push(cand);
      size += cand.cone.length + cand.leaves.length;
    }
  }
  for (const chunk of chunks) {
    const region = direct ? null : regionCopy(circuit, chunk);
    for (const cand of chunk) await confirm(cand, region);
  }
  async function confirm(cand: Candidate, region: Region | null): Promise<void> {
    const { entry, mapping, leaves, roots } = cand;
    const n = entry.numInputs;
    const negMask = mapping.inputNegations.reduce((acc, b, j) => acc | (b ? 1 << j : 0), 0);
    const target = makeSpec(
      n,
      entry.outputs.map((t, k) => applyNpn(t, { perm: [...Array(n).keys()], inputNegations: negMask, outputNegation: mapping.outputNegations[k]! })),
    );
    const orderedLeaves = mapping.inputPerm.map((i) => leaves[i]!);
    stats.confirmations++;
    const at = region === null ? (v: number): number => v : (v: number): number => region.node.get(v)!;
    const verdict = await checkWindowEquivalence(region?.circuit ?? circuit, { roots: roots.map(at), leaves: orderedLeaves.map(at) }, target);
    if (verdict.verdict !== 'equivalent') {
      throw new Error(`internal error: the match ${entry.name} at roots [${roots.join(', ')}] over leaves [${leaves.join(', ')}] is not confirmed by the window check (${verdict.verdict})`);
    }
    for (const g of cand.cone) covered[g] = 1;
    matches.push({
      name: entry.name,
      roots,
      rootNames: roots.map((r) => nodeName(circuit, r)),
      leaves,
      leafNames: leaves.map((l) => nodeName(circuit, l)),
      transform: mapping,
      coneGates: cand.cone.length,
      functions: cand.functions.map(toHex),
    });
  }
  matches.sort((a, b) => compareArrays(a.roots, b.roots) || compareArrays(a.leaves, b.leaves) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let coveredGates = 0;
  for (const x of covered) coveredGates += x;
  stats.ms = Date.now() - t0;
  return { matches, coverage: circuit.numGates ? coveredGates / circuit.numGates : 0, coveredGates, gates: circuit.numGates, stats };
}
