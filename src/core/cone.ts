/**
 * The toolkit for cones and windows of a circuit, shared by cuts, the window
 * census, local improvement and window equivalence: fanouts, cone nodes,
 * MFFC, a cone as a circuit of its own, its functions over its leaves and
 * the leaf patterns that occur. Node ids throughout (0 = constant, 1..n =
 * inputs, then gates); a cone's gates are node ids in increasing order
 * (which is topological).
 */
import { ValidationError } from '../errors.js';
import { fromWords, wordCount, type TruthTable } from '../tt/truth-table.js';
import { CircuitBuilder } from './builder.js';
import { gateFanins, type Circuit } from './circuit.js';
import { gateSize } from './cost.js';
import type { GateKind } from './gate.js';
import type { Lit } from './literal.js';
import { simulateTruthTables, type NodeValues } from './simulate.js';

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
 * primary input outside the leaves reaches a root.
 */
export function coneNodes(circuit: Circuit, roots: readonly number[], leaves: readonly number[]): number[] {
  const isLeaf = new Set(leaves);
  const seen = new Set<number>();
  const stack = roots.filter((r) => !isLeaf.has(r));
  const out: number[] = [];
  while (stack.length) {
    const v = stack.pop()!;
    if (seen.has(v) || isLeaf.has(v) || v === 0) continue;
    if (v <= circuit.numInputs) {
      throw new ValidationError(`the leaves [${leaves.join(', ')}] are not a cut of [${roots.join(', ')}]: input node ${v} reaches a root without passing a leaf`, 'not-a-cut');
    }
    seen.add(v);
    out.push(v);
    for (const f of gateFanins(circuit, v - circuit.numInputs - 1)) stack.push(f >>> 1);
  }
  return out.sort((a, b) => a - b);
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

/** Names of a cone circuit's inputs and outputs (default: the builder's). */
export interface ConeCircuitNames {
  readonly input?: (i: number) => string;
  readonly output?: (k: number) => string;
}

/**
 * The cone as a circuit of its own: input i = `leaves[i]`, the `gates` (node
 * ids, increasing) copied as they are, output k = literal `outputs[k]` of `c`.
 * Every fanin of a gate must be a leaf, the constant or one of `gates` (a
 * cone from {@link coneNodes} always is), else ValidationError `not-a-cut`.
 */
export function coneCircuit(c: Circuit, leaves: readonly number[], gates: readonly number[], outputs: readonly Lit[], names: ConeCircuitNames = {}): Circuit {
  const first = c.numInputs + 1;
  const b = new CircuitBuilder({ strash: false });
  const map = new Map<number, Lit>([[0, 0]]);
  leaves.forEach((v, i) => map.set(v, b.addInput(names.input?.(i))));
  for (const v of gates) {
    const g = v - first;
    const fs = Array.from(gateFanins(c, g), (f) => {
      const m = map.get(f >>> 1);
      if (m === undefined) throw new ValidationError(`fanin node ${f >>> 1} of node ${v} is neither a leaf nor in the cone`, 'not-a-cut');
      return m ^ (f & 1);
    });
    map.set(v, b.addGate(c.kinds[g] as GateKind, fs, c.luts.get(g)));
  }
  outputs.forEach((o, k) => {
    const m = map.get(o >>> 1);
    if (m === undefined) throw new ValidationError(`root ${o >>> 1} is neither a leaf nor in the cone`, 'not-a-cut');
    b.addOutput(m ^ (o & 1), names.output?.(k));
  });
  return b.build();
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
  if (n > MAX_CONE_FUNCTION_LEAVES) throw new ValidationError(`a cut function has at most ${MAX_CONE_FUNCTION_LEAVES} leaves; got ${n}`, 'cut-too-large');
  const seen = new Set<number>();
  for (const v of leaves) {
    if (seen.has(v) && v !== 0) throw new ValidationError(`leaf ${v} is listed twice`, 'bad-window');
    seen.add(v);
  }
  const cone = coneNodes(circuit, roots, leaves);
  return simulateTruthTables(coneCircuit(circuit, leaves, cone, roots.map((r) => 2 * r)));
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
