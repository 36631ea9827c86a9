/**
 * The toolkit for cones and windows of a circuit, shared by cuts, the window
 * census, local improvement and window equivalence: fanouts, cone nodes,
 * MFFC, a cone as a circuit of its own, its functions over its leaves and
 * the leaf patterns that occur. Node ids throughout (0 = constant, 1..n =
 * inputs, then gates); a cone's gates are node ids in increasing order
 * (which is topological).
 */
import { ValidationError } from '../errors.js';
import { fillProjection, fromWords, wordCount, type TruthTable } from '../tt/truth-table.js';
import { defaultInputName, defaultOutputName, gateFanins, type Circuit } from './circuit.js';
import { gateSize } from './cost.js';
import type { Lit } from './literal.js';
import { evaluateGates, type NodeValues } from './simulate.js';

/** Consumers of every node (as node ids, increasing) and whether a primary output reads it. */
export interface FanoutInfo {
  readonly fanouts: readonly (readonly number[])[];
  readonly isPo: Uint8Array;
}

/** The consumers of every node and which nodes drive primary outputs. */
export function fanoutInfo(c: Circuit): FanoutInfo {
  const total = 1 + c.numInputs + c.numGates;
  const fanouts: number[][] = Array.from({ length: total }, () => []);
  for (let g = 0; g < c.numGates; g++) for (const f of gateFanins(c, g)) fanouts[f >>> 1]!.push(c.numInputs + 1 + g);
  const isPo = new Uint8Array(total);
  for (const o of c.outputs) isPo[o >>> 1] = 1;
  return { fanouts, isPo };
}

/**
 * The gates of the cone of `roots` above `leaves`, in increasing node order
 * (which is topological). Throws ValidationError (code `not-a-cut`) when a
 * primary input outside the leaves reaches a root; with `label` (how to name
 * a node), the message names that input and the path from it to the root.
 */
export function coneNodes(circuit: Circuit, roots: readonly number[], leaves: readonly number[], label?: (v: number) => string): number[] {
  const isLeaf = new Set(leaves);
  const seen = new Set<number>();
  const stack = roots.filter((r) => !isLeaf.has(r));
  const out: number[] = [];
  while (stack.length) {
    const v = stack.pop()!;
    if (seen.has(v) || isLeaf.has(v) || v === 0) continue;
    if (v <= circuit.numInputs) {
      if (label === undefined) {
        throw new ValidationError(`the leaves [${leaves.join(', ')}] are not a cut of [${roots.join(', ')}]: input node ${v} reaches a root without passing a leaf`, 'not-a-cut');
      }
      const path = leakPath(circuit, roots, isLeaf).map(label);
      throw new ValidationError(
        `the leaves are not a cut of the roots: ${path[0]} reaches a root without passing a leaf (path ${path.join(' -> ')}${path.length >= LEAK_PATH_NODES ? ' -> ...' : ''})`,
        'not-a-cut',
      );
    }
    seen.add(v);
    out.push(v);
    for (const f of gateFanins(circuit, v - circuit.numInputs - 1)) stack.push(f >>> 1);
  }
  return out.sort((a, b) => a - b);
}

/** Nodes shown of the path in a not-a-cut message. */
const LEAK_PATH_NODES = 6;

/**
 * The first primary input that {@link coneNodes}' search meets outside the
 * leaves, and the path from it towards a root (at most LEAK_PATH_NODES nodes,
 * input first; each node's parent is the gate that first pushed it). The same
 * search again, with parents: only run to explain an error.
 */
function leakPath(circuit: Circuit, roots: readonly number[], isLeaf: ReadonlySet<number>): number[] {
  const parent = new Map<number, number>();
  const seen = new Set<number>();
  const stack = roots.filter((r) => !isLeaf.has(r));
  while (stack.length) {
    const v = stack.pop()!;
    if (seen.has(v) || isLeaf.has(v) || v === 0) continue;
    if (v <= circuit.numInputs) {
      const path: number[] = [];
      for (let u: number | undefined = v; u !== undefined && path.length < LEAK_PATH_NODES; u = parent.get(u)) path.push(u);
      return path;
    }
    seen.add(v);
    for (const f of gateFanins(circuit, v - circuit.numInputs - 1)) {
      const u = f >>> 1;
      if (!seen.has(u) && !parent.has(u)) parent.set(u, v);
      stack.push(u);
    }
  }
  return [];
}

/**
 * The maximum fanout-free cone of `roots` inside `cone` (node ids,
 * increasing): the roots, and every cone gate all of whose consumers are in
 * that set and that no primary output reads. What disappears when the roots
 * are re-implemented over the cone's leaves.
 */
export function mffcNodes(roots: readonly number[], cone: readonly number[], info: FanoutInfo): Set<number> {
  const inMffc = new Set<number>(roots);
  // consumers have larger ids, so one pass from the top decides each gate after its consumers
  for (let i = cone.length - 1; i >= 0; i--) {
    const v = cone[i]!;
    if (inMffc.has(v)) continue;
    const fo = info.fanouts[v]!;
    if (!info.isPo[v] && fo.length > 0 && fo.every((h) => inMffc.has(h))) inMffc.add(v);
  }
  return inMffc;
}

/** Sum of {@link gateSize} over gate nodes (node ids). */
export function nodesSize(c: Circuit, nodes: Iterable<number>): number {
  let s = 0;
  for (const v of nodes) s += gateSize(c, v - c.numInputs - 1);
  return s;
}

/** Names of a cone circuit's inputs and outputs (default: x0.., y0..). */
export interface ConeCircuitNames {
  readonly input?: (i: number) => string;
  readonly output?: (k: number) => string;
}

const NO_GATE_NAMES: ReadonlyMap<number, string> = new Map();
// default name lists by length, shared (frozen) by the many small cone circuits of a cut enumeration
const DEFAULT_INPUT_NAMES: (readonly string[])[] = [];
const DEFAULT_OUTPUT_NAMES: (readonly string[])[] = [];
function defaultNames(cache: (readonly string[])[], n: number, name: (i: number) => string): readonly string[] {
  return (cache[n] ??= Object.freeze(Array.from({ length: n }, (_, i) => name(i))));
}

/**
 * The cone as a circuit of its own: input i = `leaves[i]`, the `gates` (node
 * ids, increasing) copied as they are, output k = literal `outputs[k]` of `c`.
 * Every fanin of a gate must be a leaf, the constant or one of `gates` (a
 * cone from {@link coneNodes} always is), else ValidationError `not-a-cut`.
 * Built directly (no builder): cut functions build one per cut.
 */
export function coneCircuit(c: Circuit, leaves: readonly number[], gates: readonly number[], outputs: readonly Lit[], names: ConeCircuitNames = {}): Circuit {
  const n = leaves.length;
  const first = c.numInputs + 1;
  // node of c -> literal in the cone circuit
  const map = new Map<number, Lit>([[0, 0]]);
  for (let i = 0; i < n; i++) map.set(leaves[i]!, 2 * (i + 1));
  const kinds = new Uint8Array(gates.length);
  const faninStart = new Uint32Array(gates.length + 1);
  let total = 0;
  for (const v of gates) total += c.faninStart[v - first + 1]! - c.faninStart[v - first]!;
  const fanins = new Uint32Array(total);
  const luts = new Map<number, TruthTable>();
  let k = 0;
  for (let j = 0; j < gates.length; j++) {
    const v = gates[j]!;
    const g = v - first;
    kinds[j] = c.kinds[g]!;
    for (let t = c.faninStart[g]!, e = c.faninStart[g + 1]!; t < e; t++) {
      const f = c.fanins[t]!;
      const m = map.get(f >>> 1);
      if (m === undefined) throw new ValidationError(`fanin node ${f >>> 1} of node ${v} is neither a leaf nor in the cone`, 'not-a-cut');
      fanins[k++] = m ^ (f & 1);
    }
    faninStart[j + 1] = k;
    const lut = c.luts.get(g);
    if (lut !== undefined) luts.set(j, lut);
    map.set(v, 2 * (n + 1 + j));
  }
  const outs = new Uint32Array(outputs.length);
  outputs.forEach((o, j) => {
    const m = map.get(o >>> 1);
    if (m === undefined) throw new ValidationError(`root ${o >>> 1} is neither a leaf nor in the cone`, 'not-a-cut');
    outs[j] = m ^ (o & 1);
  });
  return {
    numInputs: n,
    numGates: gates.length,
    kinds,
    faninStart,
    fanins,
    luts,
    outputs: outs,
    inputNames: names.input === undefined ? defaultNames(DEFAULT_INPUT_NAMES, n, defaultInputName) : Array.from({ length: n }, (_, i) => names.input!(i)),
    outputNames: names.output === undefined ? defaultNames(DEFAULT_OUTPUT_NAMES, outputs.length, defaultOutputName) : Array.from({ length: outputs.length }, (_, j) => names.output!(j)),
    gateNames: NO_GATE_NAMES,
  };
}

/** Largest number of leaves {@link coneFunctions} accepts. */
export const MAX_CONE_FUNCTION_LEAVES = 16;

/**
 * The function of each root over `leaves` (leaf j = variable x_j), by
 * simulating the cone taken out as a circuit. Throws ValidationError: code
 * `not-a-cut` when the leaves do not separate a root from the inputs,
 * `bad-window` for a repeated leaf, `cut-too-large` above
 * {@link MAX_CONE_FUNCTION_LEAVES} leaves.
 */
export function coneFunctions(circuit: Circuit, roots: readonly number[], leaves: readonly number[]): TruthTable[] {
  const n = leaves.length;
  if (n > MAX_CONE_FUNCTION_LEAVES) throw new ValidationError(`a cut function has at most ${MAX_CONE_FUNCTION_LEAVES} leaves; got ${n}`, 'too-large');
  for (let i = 1; i < n; i++) {
    const v = leaves[i]!;
    if (v !== 0 && leaves.indexOf(v) < i) throw new ValidationError(`leaf ${v} is listed twice`, 'bad-window');
  }
  return coneTables(coneCircuit(circuit, leaves, coneNodes(circuit, roots, leaves), roots.map((r) => 2 * r)));
}

/**
 * The truth table of every output of a small circuit (a cone), by one
 * exhaustive simulation with {@link evaluateGates}: the same as
 * simulateTruthTables without its chunking, which cones never need.
 */
export function coneTables(sub: Circuit): TruthTable[] {
  const n = sub.numInputs;
  const w = wordCount(n);
  const values = new Uint32Array((1 + n + sub.numGates) * w);
  for (let i = 0; i < n; i++) fillProjection(values.subarray((i + 1) * w, (i + 2) * w), i);
  evaluateGates(sub, values, w);
  return Array.from(sub.outputs, (o) => {
    const words = values.slice((o >>> 1) * w, ((o >>> 1) + 1) * w);
    if (o & 1) for (let i = 0; i < w; i++) words[i] = ~words[i]!;
    return fromWords(n, words);
  });
}

/**
 * The leaf patterns that occur for some input assignment (leaf i = variable
 * x_i), from exhaustive node values (see simulate.ts exhaustiveNodeValues):
 * the care set of a window whose rest of the circuit is fixed.
 */
export function reachableLeafPatterns(sim: NodeValues, numInputs: number, leaves: readonly number[]): TruthTable {
  const k = leaves.length;
  const words = new Uint32Array(wordCount(k));
  const n = 2 ** numInputs;
  const rows = leaves.map((v) => sim.values.subarray(v * sim.w, (v + 1) * sim.w));
  for (let m = 0; m < n; m++) {
    let p = 0;
    for (let i = 0; i < k; i++) p |= ((rows[i]![m >>> 5]! >>> (m & 31)) & 1) << i;
    words[p >>> 5]! |= 1 << (p & 31);
  }
  return fromWords(k, words);
}
