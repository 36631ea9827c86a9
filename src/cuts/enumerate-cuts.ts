/**
 * Priority cut enumeration (mockturtle's `cut_enumeration`): every node gets
 * its k-feasible cuts, computed bottom-up by merging the cuts of its fanins
 * (n-ary gates merge fanin by fanin). Node 0 (the constant) has the single
 * empty cut, so constants never appear as leaves; a primary input has only
 * its trivial cut {itself}.
 *
 * PRIORITY. After dropping dominated cuts (a cut that contains another cut
 * of the same node), the non-trivial cuts of a node are sorted by
 * (1) fewer leaves, (2) smaller cone (number of gates between the leaves and
 * the node, the node included), (3) lexicographically smaller leaf list, and
 * the first `cutLimit` are kept; the trivial cut {node} is always added last.
 * With an unlimited `cutLimit` the result is exactly the set of minimal
 * k-feasible cuts of every node (no proper subset is a cut).
 *
 * Also `enumerateWindows`: groups of 2..maxRoots nodes that have a cut with
 * the same leaf set, with their multi-output function over those leaves.
 */
import { gateFanins, type Circuit } from '../core/circuit.js';
import { UsageError } from '../errors.js';
import type { TruthTable } from '../tt/truth-table.js';
import { withDefaults } from '../util/with-defaults.js';
import { coneFunctions } from './cut-function.js';

/** One cut: the root node and its leaves (node ids, sorted increasingly). */
export interface Cut {
  readonly root: number;
  readonly leaves: readonly number[];
  /** Gates between the leaves and the root, the root included (0 for a trivial cut). */
  readonly coneSize: number;
}

/** Parameters of {@link enumerateCuts}. */
export interface EnumerateCutsParams {
  /** Largest number of leaves of a cut (1..8; default 6). */
  readonly k: number;
  /** Non-trivial cuts kept per node, best by priority (default 12); 0 = unlimited. */
  readonly cutLimit: number;
}

/** Defaults of {@link EnumerateCutsParams}. */
export const DEFAULT_ENUMERATE_CUTS_PARAMS: Readonly<EnumerateCutsParams> = Object.freeze({ k: 6, cutLimit: 12 });

/** Largest cut size {@link enumerateCuts} accepts. */
export const MAX_CUT_SIZE = 8;

/** Counters of {@link enumerateCuts}. */
export interface EnumerateCutsStats {
  ms: number;
  /** Cuts over all nodes, trivial cuts included. */
  cuts: number;
  /** Candidate cuts formed by merging fanin cuts (before dominance and limits). */
  candidates: number;
  /** Candidates dropped because another cut of the node is a subset. */
  dominated: number;
  /** Cuts dropped by the cutLimit. */
  truncated: number;
}

/** Result of {@link enumerateCuts}. */
export interface EnumerateCutsResult {
  /** cuts[v] = the cuts of node v (non-trivial by priority, then the trivial one). */
  readonly cuts: readonly (readonly Cut[])[];
  readonly params: Readonly<EnumerateCutsParams>;
  readonly stats: EnumerateCutsStats;
}

function checkParams(p: EnumerateCutsParams): void {
  if (!Number.isInteger(p.k) || p.k < 1 || p.k > MAX_CUT_SIZE) throw new UsageError(`cut size k must be an integer in 1..${MAX_CUT_SIZE}, got ${p.k}`, 'bad-param');
  if (!Number.isInteger(p.cutLimit) || p.cutLimit < 0) throw new UsageError(`cutLimit must be a non-negative integer (0 = unlimited), got ${p.cutLimit}`, 'bad-param');
}

/** Sorted union of two sorted leaf lists, or null when it has more than k leaves. */
function mergeLeaves(a: readonly number[], b: readonly number[], k: number): number[] | null {
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    let v: number;
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) v = a[i++]!;
    else if (i >= a.length || b[j]! < a[i]!) v = b[j++]!;
    else {
      v = a[i++]!;
      j++;
    }
    out.push(v);
    if (out.length > k) return null;
  }
  return out;
}

/** Whether sorted `a` is a subset of sorted `b`. */
function isSubset(a: readonly number[], b: readonly number[]): boolean {
  if (a.length > b.length) return false;
  let j = 0;
  for (const v of a) {
    while (j < b.length && b[j]! < v) j++;
    if (j >= b.length || b[j] !== v) return false;
    j++;
  }
  return true;
}

function compareLeaves(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Candidates with their 32-bit signatures, deduplicated and made irredundant (no member contains another). */
function irredundant(cands: number[][], stats: EnumerateCutsStats): number[][] {
  const uniq = new Map<string, number[]>();
  for (const c of cands) uniq.set(c.join(','), c);
  const list = [...uniq.values()].sort(compareLeaves);
  const sigs = list.map((c) => c.reduce((s, v) => (s | (1 << (v & 31))) >>> 0, 0));
  const kept: number[][] = [];
  const keptSigs: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!, s = sigs[i]!;
    let dom = false;
    for (let j = 0; j < kept.length && !dom; j++) {
      if ((keptSigs[j]! & ~s) === 0 && isSubset(kept[j]!, c)) dom = true;
    }
    if (dom) stats.dominated++;
    else {
      kept.push(c);
      keptSigs.push(s);
    }
  }
  return kept;
}

/** Number of gates between `leaves` and `root` (root included); uses a stamp array. */
function coneSize(c: Circuit, root: number, leaves: readonly number[], stamp: Uint32Array, tick: number): number {
  for (const l of leaves) stamp[l] = tick;
  const stack = [root];
  let count = 0;
  while (stack.length) {
    const v = stack.pop()!;
    if (stamp[v] === tick || v <= c.numInputs) continue;
    stamp[v] = tick;
    count++;
    for (const f of gateFanins(c, v - c.numInputs - 1)) stack.push(f >>> 1);
  }
  return count;
}

/**
 * Enumerates the k-feasible priority cuts of every node (see the module
 * documentation for the priority). Throws UsageError for k outside 1..8.
 */
export function enumerateCuts(circuit: Circuit, params: Partial<EnumerateCutsParams> = {}): EnumerateCutsResult {
  const p = withDefaults(DEFAULT_ENUMERATE_CUTS_PARAMS, params);
  checkParams(p);
  const t0 = Date.now();
  const stats: EnumerateCutsStats = { ms: 0, cuts: 0, candidates: 0, dominated: 0, truncated: 0 };
  const n = 1 + circuit.numInputs + circuit.numGates;
  const cuts: Cut[][] = new Array(n);
  const stamp = new Uint32Array(n);
  let tick = 0;
  cuts[0] = [{ root: 0, leaves: [], coneSize: 0 }];
  for (let v = 1; v <= circuit.numInputs; v++) cuts[v] = [{ root: v, leaves: [v], coneSize: 0 }];
  // partial merges of n-ary gates keep at most this many sets per step
  const partialLimit = p.cutLimit === 0 ? Infinity : 4 * (p.cutLimit + 1);
  for (let v = circuit.numInputs + 1; v < n; v++) {
    const fanins = Array.from(gateFanins(circuit, v - circuit.numInputs - 1), (f) => f >>> 1);
    let acc: number[][] = [[]];
    for (let i = 0; i < fanins.length; i++) {
      const next: number[][] = [];
      for (const a of acc) {
        for (const cb of cuts[fanins[i]!]!) {
          const m = mergeLeaves(a, cb.leaves, p.k);
          if (m !== null) next.push(m);
        }
      }
      if (i === fanins.length - 1) stats.candidates += next.length;
      acc = irredundant(next, stats);
      if (i < fanins.length - 1 && acc.length > partialLimit) {
        stats.truncated += acc.length - partialLimit;
        acc = acc.slice(0, partialLimit);
      }
    }
    const scored = acc
      .filter((l) => !(l.length === 1 && l[0] === v))
      .map((leaves) => ({ root: v, leaves, coneSize: coneSize(circuit, v, leaves, stamp, ++tick) }));
    scored.sort((a, b) => a.leaves.length - b.leaves.length || a.coneSize - b.coneSize || compareLeaves(a.leaves, b.leaves));
    if (p.cutLimit > 0 && scored.length > p.cutLimit) {
      stats.truncated += scored.length - p.cutLimit;
      scored.length = p.cutLimit;
    }
    scored.push({ root: v, leaves: [v], coneSize: 0 });
    cuts[v] = scored;
  }
  for (const list of cuts) stats.cuts += list.length;
  stats.ms = Date.now() - t0;
  return { cuts, params: p, stats };
}

/** Parameters of {@link enumerateWindows}. */
export interface EnumerateWindowsParams extends EnumerateCutsParams {
  /** Largest number of roots of a window (2..8; default 2). */
  readonly maxRoots: number;
  /** Most windows formed from one leaf set (default 64); the first by root ids are kept. */
  readonly windowLimit: number;
}

/** Defaults of {@link EnumerateWindowsParams}. */
export const DEFAULT_ENUMERATE_WINDOWS_PARAMS: Readonly<EnumerateWindowsParams> = Object.freeze({ ...DEFAULT_ENUMERATE_CUTS_PARAMS, maxRoots: 2, windowLimit: 64 });

/** A multi-output window: roots sharing one cut. */
export interface CutWindow {
  /** Root node ids, increasing. */
  readonly roots: readonly number[];
  /** Leaf node ids, increasing; leaf j is variable x_j of the functions. */
  readonly leaves: readonly number[];
  /** Function of each root over the leaves. */
  readonly functions: readonly TruthTable[];
}

/** Result of {@link enumerateWindows}. */
export interface EnumerateWindowsResult {
  /** Sorted by leaves, then roots. */
  readonly windows: readonly CutWindow[];
  readonly stats: EnumerateCutsStats & { windows: number };
}

/** All r-subsets of `items` (in lexicographic order), at most `limit` of them. */
function subsets(items: readonly number[], r: number, limit: number, out: number[][]): void {
  const pick: number[] = [];
  const rec = (start: number): void => {
    if (out.length >= limit) return;
    if (pick.length === r) {
      out.push([...pick]);
      return;
    }
    for (let i = start; i < items.length; i++) {
      pick.push(items[i]!);
      rec(i + 1);
      pick.pop();
    }
  };
  rec(0);
}

/**
 * Multi-output windows: groups of 2..maxRoots nodes that each have a
 * non-trivial cut with the same leaf set (a root may not be a leaf), with
 * each root's function over the shared leaves.
 */
export function enumerateWindows(circuit: Circuit, params: Partial<EnumerateWindowsParams> = {}): EnumerateWindowsResult {
  const p = withDefaults(DEFAULT_ENUMERATE_WINDOWS_PARAMS, params);
  if (!Number.isInteger(p.maxRoots) || p.maxRoots < 2 || p.maxRoots > 8) throw new UsageError(`maxRoots must be an integer in 2..8, got ${p.maxRoots}`, 'bad-param');
  if (!Number.isInteger(p.windowLimit) || p.windowLimit < 1) throw new UsageError(`windowLimit must be a positive integer, got ${p.windowLimit}`, 'bad-param');
  const cr = enumerateCuts(circuit, p);
  const groups = new Map<string, { leaves: readonly number[]; roots: number[] }>();
  cr.cuts.forEach((list, v) => {
    for (const c of list) {
      if (c.coneSize === 0) continue;
      const key = c.leaves.join(',');
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { leaves: c.leaves, roots: [] }));
      g.roots.push(v);
    }
  });
  const windows: CutWindow[] = [];
  const sorted = [...groups.values()].filter((g) => g.roots.length >= 2).sort((a, b) => compareLeaves(a.leaves, b.leaves));
  for (const g of sorted) {
    const roots = g.roots.sort((a, b) => a - b);
    const tables = coneFunctions(circuit, roots, g.leaves);
    const byRoot = new Map(roots.map((r, i) => [r, tables[i]!]));
    const sets: number[][] = [];
    for (let r = 2; r <= Math.min(p.maxRoots, roots.length); r++) subsets(roots, r, p.windowLimit, sets);
    for (const s of sets) windows.push({ roots: s, leaves: g.leaves, functions: s.map((r) => byRoot.get(r)!) });
  }
  return { windows, stats: { ...cr.stats, windows: windows.length } };
}
