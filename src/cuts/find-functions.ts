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
 * is reported.
 *
 * Cut enumeration keeps only `cutLimit` priority cuts per node, so the cut
 * that spans a whole output cone (an output computing MAJ_5 of the primary
 * inputs through 300 gates) is usually dropped. Every output, and every node
 * named in `nodes`, is therefore also tested directly: its function over its
 * structural support (the primary inputs in its cone) is matched against the
 * single-output entries when that support has at most as many inputs as the
 * library's largest single-output entry, and confirmed like the other matches.
 *
 * Coverage counts gates by DISJOINT matches: matches are taken greedily,
 * largest cone first (ties: the sorted order of the matches), skipping any
 * whose cone shares a gate with one already taken; the gates of the taken
 * cones over all gates is `coverage`. The figure for overlapping matches (a
 * gate inside the cone of any match, counted once) is kept as
 * `overlappingCoverage`: on a trained network, where one function is matched
 * many times over overlapping cones, it says little.
 */
import { coneCircuit } from '../core/cone.js';
import { gateFanins, numNodes, type Circuit } from '../core/circuit.js';
import { literalName, nodeNames, nodeValueName, type NodeNames } from '../core/node-names.js';
import { InternalError, UsageError } from '../errors.js';
import { applyNpn, type NpnTransform } from '../tt/npn.js';
import { makeSpec } from '../tt/spec.js';
import { toHex, type TruthTable } from '../tt/truth-table.js';
import { checkWindowEquivalence } from '../verify/window.js';
import { withDefaults } from '../util/with-defaults.js';
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
  type PreparedLibrary,
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
  /**
   * Nodes (ids) tested directly over their whole input support, besides the
   * outputs (default none); see the module documentation. Unlike outputs,
   * these are reported whatever their cone size (minConeGates does not apply).
   */
  readonly nodes: readonly number[];
}

/** Defaults of {@link FindFunctionsParams}. */
export const DEFAULT_FIND_FUNCTIONS_PARAMS: Readonly<FindFunctionsParams> = Object.freeze({
  library: DEFAULT_LIBRARY,
  k: DEFAULT_ENUMERATE_CUTS_PARAMS.k,
  cutLimit: DEFAULT_ENUMERATE_CUTS_PARAMS.cutLimit,
  minConeGates: 2,
  multiOutput: true,
  confirmDirectUpTo: 4096,
  nodes: Object.freeze([]) as readonly number[],
});

/**
 * The outcome of testing an output or named node directly (see the module
 * documentation): `matched` (the match is in `matches`), `no-match` (no
 * single-output entry computes its function), `support-too-wide` (more
 * primary inputs in its cone than the largest entry has inputs),
 * `partial-support` (the function ignores an input of its cone, or it is a
 * constant gate: that input set is no window of an entry of the same
 * arity), `small-cone` (an
 * output with fewer than minConeGates gates in its cone), `not-a-gate` (an
 * input or a constant).
 */
export interface DirectTest {
  readonly node: number;
  /** The output's name (the first output on this node), or the node's name (see {@link nodeName}). */
  readonly name: string;
  /** Why it was tested: an output of the circuit, or named in `nodes`. */
  readonly why: 'output' | 'named';
  readonly status: 'matched' | 'no-match' | 'support-too-wide' | 'partial-support' | 'small-cone' | 'not-a-gate';
  /** Primary inputs in its cone; for `support-too-wide`, more than the largest arity (counting stops there). */
  readonly support: number;
  /** The matched entry, for `matched`. */
  readonly match?: string;
}

/** One confirmed match. */
export interface FunctionMatch {
  /** Library entry name. */
  readonly name: string;
  /** Root node ids, in the entry's output order (FA: sum, carry). */
  readonly roots: readonly number[];
  /** The roots' values by name ({@link nodeName}: `!carry` when the file's `carry` is the root's complement). */
  readonly rootNames: readonly string[];
  /** The leaves by name (core/node-names.ts; a leaf set has no polarity, see `inputSignals` for it). */
  /** Leaf node ids, increasing (leaf j = variable x_j of the cut function). */
  readonly leaves: readonly number[];
  readonly leafNames: readonly string[];
  /**
   * The signal that computes output k of the entry, named as the file names
   * it: `carry`, or `!n7` when the entry's output is the complement of the
   * file's n7 (the root's value with `transform.outputNegations[k]` applied).
   */
  readonly outputSignals: readonly string[];
  /** The signal that feeds input j of the entry, named as the file names it (`!a`: the complement of a). */
  readonly inputSignals: readonly string[];
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
  /** Outputs and named nodes tested over their whole support (see {@link DirectTest}). */
  directTests: number;
}

/** Result of {@link findFunctions}. */
export interface FindFunctionsResult {
  /** Sorted by first root, then the other roots, leaves and name. */
  readonly matches: readonly FunctionMatch[];
  /**
   * Gates inside the cones of the disjoint matches `disjointMatches`,
   * divided by all gates (0 for a circuit without gates).
   */
  readonly coverage: number;
  readonly coveredGates: number;
  /** Indices into `matches` of the pairwise disjoint matches chosen greedily, largest cone first, ascending. */
  readonly disjointMatches: readonly number[];
  /** Gates inside the cone of some match (overlapping matches counted once), divided by all gates. */
  readonly overlappingCoverage: number;
  readonly overlappingCoveredGates: number;
  readonly gates: number;
  /** One entry per output, then per named node (see {@link DirectTest}). */
  readonly direct: readonly DirectTest[];
  readonly stats: FindFunctionsStats;
}

/**
 * A printable name of node v's value (see core/node-names.ts): its name in
 * the file, `!name` when the file's name denotes its complement, or its
 * generated id `g<index>`.
 */
export function nodeName(c: Circuit, v: number): string {
  return nodeValueName(c, v);
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
  const leaves = [...inputs].sort((x, y) => x - y);
  const cone = [...gates].sort((x, y) => x - y);
  const circuit = coneCircuit(c, leaves, cone, [], { input: (i) => nodeNames(c).name[leaves[i]!]! });
  // node of c -> node of the copy (coneCircuit numbers inputs, then gates, in the order given)
  const node = new Map<number, number>([[0, 0]]);
  leaves.forEach((v, i) => node.set(v, i + 1));
  cone.forEach((v, j) => node.set(v, leaves.length + 1 + j));
  return { circuit, node };
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
 * The function of a root as the file names its signals: leaf j and the root
 * taken in the polarity of their names (core/node-names.ts), so that a match
 * is chosen for the file's `n7 = OR(...)` (XOR_2) rather than for the AND
 * gate that stores its complement (XNOR_2).
 */
export function namedFunction(nn: NodeNames, f: TruthTable, leaves: readonly number[], root: number): TruthTable {
  let mask = 0;
  leaves.forEach((l, j) => (mask |= nn.negated[l]! << j));
  const rootNeg = nn.negated[root] === 1;
  return mask === 0 && !rootNeg ? f : applyNpn(f, { perm: [...Array(f.numVars).keys()], inputNegations: mask, outputNegation: rootNeg });
}

/** A mapping found on named functions ({@link namedFunction}) restated over the node values. */
function nodeMapping(nn: NodeNames, m: MatchMapping, leaves: readonly number[], roots: readonly number[]): MatchMapping {
  return {
    inputPerm: m.inputPerm,
    inputNegations: m.inputNegations.map((b, j) => b !== (nn.negated[leaves[m.inputPerm[j]!]!] === 1)),
    outputNegations: m.outputNegations.map((b, k) => b !== (nn.negated[roots[k]!] === 1)),
  };
}

/**
 * Finds the nodes (and pairs of nodes) that compute library functions over
 * one of their cuts; every match is confirmed by a window check before it
 * is reported. Throws UsageError for bad parameters or a malformed library.
 */
export async function findFunctions(circuit: Circuit, params: Partial<FindFunctionsParams> = {}): Promise<FindFunctionsResult> {
  const p = withDefaults(DEFAULT_FIND_FUNCTIONS_PARAMS, params);
  if (!Number.isInteger(p.minConeGates) || p.minConeGates < 1) throw new UsageError(`minConeGates must be a positive integer, got ${p.minConeGates}`, 'bad-param');
  const t0 = Date.now();
  const lib = prepareLibrary(p.library);
  const cr = enumerateCuts(circuit, { k: p.k, cutLimit: p.cutLimit });
  const stats: FindFunctionsStats = { ms: 0, cuts: cr.stats.cuts, cutsMatched: 0, multiCandidates: 0, confirmations: 0, directTests: 0 };
  const classCache = new Map<string, { key: string; transform: NpnTransform }>();
  const classOf = (f: TruthTable): { key: string; transform: NpnTransform } => {
    const h = `${f.numVars}:${toHex(f)}`;
    let c = classCache.get(h);
    if (!c) classCache.set(h, (c = npnClassKey(f)));
    return c;
  };
  const nn = nodeNames(circuit);
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
      const named = namedFunction(nn, f, cut.leaves, v);
      const m = matchSingle(lib, named, named === f ? cls : classOf(named));
      if (m) candidates.push({ entry: m.entry, roots: [v], leaves: cut.leaves, mapping: nodeMapping(nn, m.mapping, cut.leaves, [v]), functions: [f], cone: coneNodes(circuit, [v], cut.leaves) });
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
  const direct = directTests(circuit, p, lib, classOf, candidates);
  stats.directTests = direct.length;
  const bestMulti = new Map<string, Candidate & { namedMap: MatchMapping }>();
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
            const roots = pick.map((m) => m.root);
            // found (and compared) on the functions of the named signals, stored over the node values
            const namedMap = findMultiMapping(pick.map((m) => namedFunction(nn, m.f, g.leaves, m.root)), entry);
            if (!namedMap) return;
            const mapping = nodeMapping(nn, namedMap, g.leaves, roots);
            const cone = coneNodes(circuit, roots, g.leaves);
            if (cone.length < p.minConeGates) return;
            // one window per (entry, leaves, first root): the cheapest mapping, then the smallest cone, then root ids
            const key = `${entry.name}|${g.leaves.join(',')}|${roots[0]}`;
            const prev = bestMulti.get(key);
            const cand = { entry, roots, leaves: g.leaves, mapping, namedMap, functions: fs, cone };
            if (!prev || compareMappings(namedMap, prev.namedMap) < 0 || (compareMappings(namedMap, prev.namedMap) === 0 && (cone.length < prev.cone.length || (cone.length === prev.cone.length && compareArrays(roots, prev.roots) < 0)))) {
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
  const confirmed: { match: FunctionMatch; cone: readonly number[] }[] = [];
  const covered = new Uint8Array(cr.cuts.length);
  candidates.sort((a, b) => compareArrays(a.roots, b.roots) || compareArrays(a.leaves, b.leaves));
  const confirmInPlace = cr.cuts.length <= p.confirmDirectUpTo;
  const chunks: Candidate[][] = [];
  if (confirmInPlace) chunks.push(candidates);
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
    const region = confirmInPlace ? null : regionCopy(circuit, chunk);
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
      throw new InternalError(`internal error: the match ${entry.name} at roots [${roots.join(', ')}] over leaves [${leaves.join(', ')}] is not confirmed by the window check (${verdict.verdict})`);
    }
    for (const g of cand.cone) covered[g] = 1;
    confirmed.push({ cone: cand.cone, match: {
      name: entry.name,
      roots,
      rootNames: roots.map((r) => nodeName(circuit, r)),
      leaves,
      leafNames: leaves.map((l) => nodeNames(circuit).name[l]!),
      outputSignals: roots.map((r, k) => literalName(circuit, 2 * r + (mapping.outputNegations[k] ? 1 : 0))),
      inputSignals: mapping.inputPerm.map((leaf, j) => literalName(circuit, 2 * leaves[leaf]! + (mapping.inputNegations[j] ? 1 : 0))),
      transform: mapping,
      coneGates: cand.cone.length,
      functions: cand.functions.map(toHex),
    } });
  }
  confirmed.sort((x, y) => {
    const a = x.match, b = y.match;
    return compareArrays(a.roots, b.roots) || compareArrays(a.leaves, b.leaves) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  });
  const matches = confirmed.map((x) => x.match);
  let overlappingCoveredGates = 0;
  for (const x of covered) overlappingCoveredGates += x;
  const { chosen, gates: coveredGates } = disjointSelection(confirmed.map((x) => x.cone), cr.cuts.length);
  stats.ms = Date.now() - t0;
  const g = circuit.numGates;
  return {
    matches,
    coverage: g ? coveredGates / g : 0,
    coveredGates,
    disjointMatches: chosen,
    overlappingCoverage: g ? overlappingCoveredGates / g : 0,
    overlappingCoveredGates,
    gates: g,
    direct,
    stats,
  };
}

/**
 * Greedy disjoint selection: cones largest first (ties: lower index), each
 * taken when it shares no gate with a cone taken before. Returns the taken
 * indices (ascending) and the number of gates they cover.
 */
function disjointSelection(cones: readonly (readonly number[])[], numNodes: number): { chosen: number[]; gates: number } {
  const order = cones.map((_, i) => i).sort((a, b) => cones[b]!.length - cones[a]!.length || a - b);
  const taken = new Uint8Array(numNodes);
  const chosen: number[] = [];
  let gates = 0;
  for (const i of order) {
    const cone = cones[i]!;
    if (cone.some((v) => taken[v] === 1)) continue;
    for (const v of cone) taken[v] = 1;
    gates += cone.length;
    chosen.push(i);
  }
  return { chosen: chosen.sort((a, b) => a - b), gates };
}

/**
 * Primary inputs in the cone of each node up to `maxNode`, bottom-up, as
 * sorted node ids; a list that would grow past `cap` stops at cap + 1
 * entries (wider than any entry: only "too wide" matters then).
 */
function structuralSupports(c: Circuit, maxNode: number, cap: number): (readonly number[])[] {
  const sup: (readonly number[])[] = [[]];
  for (let v = 1; v <= Math.min(maxNode, c.numInputs); v++) sup.push([v]);
  for (let v = c.numInputs + 1; v <= maxNode; v++) {
    const set = new Set<number>();
    for (const f of gateFanins(c, v - c.numInputs - 1)) {
      for (const x of sup[f >>> 1]!) {
        set.add(x);
        if (set.size > cap) break;
      }
      if (set.size > cap) break;
    }
    sup.push([...set].sort((a, b) => a - b));
  }
  return sup;
}

/**
 * Tests every output and every node of `p.nodes` over its structural
 * support (see the module documentation); adds a candidate for each match
 * not already among `candidates` (same root, leaves and entry).
 */
function directTests(
  circuit: Circuit,
  p: FindFunctionsParams,
  lib: PreparedLibrary,
  classOf: (f: TruthTable) => { key: string; transform: NpnTransform },
  candidates: Candidate[],
): DirectTest[] {
  const nn = nodeNames(circuit);
  const targets: { node: number; why: 'output' | 'named'; name: string }[] = [];
  const seen = new Set<number>();
  circuit.outputs.forEach((lit, k) => {
    if (!seen.has(lit >>> 1)) (seen.add(lit >>> 1), targets.push({ node: lit >>> 1, why: 'output', name: circuit.outputNames[k]! }));
  });
  const total = numNodes(circuit);
  for (const v of p.nodes) {
    if (!Number.isInteger(v) || v < 0 || v >= total) throw new UsageError(`node ${v}: no node with this id (the circuit has nodes 0..${total - 1})`, 'bad-param');
    if (!seen.has(v)) (seen.add(v), targets.push({ node: v, why: 'named', name: nodeName(circuit, v) }));
  }
  if (targets.length === 0) return [];
  const arities = lib.entries.filter((e) => e.outputs.length === 1).map((e) => e.numInputs);
  const cap = arities.length ? Math.max(...arities) : 0;
  const supports = structuralSupports(circuit, Math.max(...targets.map((t) => t.node)), cap);
  const known = new Set(candidates.filter((c) => c.roots.length === 1).map((c) => `${c.roots[0]}|${c.leaves.join(',')}|${c.entry.name}`));
  return targets.map(({ node, why, name }) => {
    const leaves = supports[node]!;
    const base = { node, name, why, support: leaves.length };
    if (node <= circuit.numInputs) return { ...base, status: 'not-a-gate' as const };
    if (leaves.length > cap) return { ...base, status: 'support-too-wide' as const };
    // a gate without inputs in its cone is a constant: no entry has 0 inputs
    if (leaves.length === 0) return { ...base, status: 'partial-support' as const };
    const f = cutFunction(circuit, node, leaves);
    if (!isFullSupport(f)) return { ...base, status: 'partial-support' as const };
    const cone = coneNodes(circuit, [node], leaves);
    if (why === 'output' && cone.length < p.minConeGates) return { ...base, status: 'small-cone' as const };
    const named = namedFunction(nn, f, leaves, node);
    const m = matchSingle(lib, named, classOf(named));
    if (!m) return { ...base, status: 'no-match' as const };
    if (!known.has(`${node}|${leaves.join(',')}|${m.entry.name}`)) candidates.push({ entry: m.entry, roots: [node], leaves, mapping: nodeMapping(nn, m.mapping, leaves, [node]), functions: [f], cone });
    return { ...base, status: 'matched' as const, match: m.entry.name };
  });
}
