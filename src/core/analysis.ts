/** Structural measures of a circuit: levels, depth, fanout counts, gate counts by kind. */
import { gateFanins, numNodes, type Circuit } from './circuit.js';
import { GATE_KIND_NAMES, type GateKind } from './gate.js';

/** Level of every node: inputs and the constant are 0, a gate is 1 + its deepest fanin. */
export function levels(c: Circuit): Uint32Array {
  const lv = new Uint32Array(numNodes(c));
  const first = c.numInputs + 1;
  for (let g = 0; g < c.numGates; g++) {
    let m = 0;
    for (let k = c.faninStart[g]!; k < c.faninStart[g + 1]!; k++) {
      const l = lv[c.fanins[k]! >>> 1]!;
      if (l > m) m = l;
    }
    lv[first + g] = m + 1;
  }
  return lv;
}

/** Depth: the largest level of any output's node (0 for a circuit without gates). */
export function depth(c: Circuit): number {
  const lv = levels(c);
  let d = 0;
  for (const o of c.outputs) d = Math.max(d, lv[o >>> 1]!);
  return d;
}

/** Number of references to every node, from gate fanins and outputs. */
export function fanoutCounts(c: Circuit): Uint32Array {
  const fo = new Uint32Array(numNodes(c));
  for (const f of c.fanins) fo[f >>> 1]!++;
  for (const o of c.outputs) fo[o >>> 1]!++;
  return fo;
}

/** Which nodes some output depends on (transitive fanin of the outputs). */
export function reachableFromOutputs(c: Circuit): Uint8Array {
  const live = new Uint8Array(numNodes(c));
  for (const o of c.outputs) live[o >>> 1] = 1;
  const first = c.numInputs + 1;
  for (let g = c.numGates - 1; g >= 0; g--) {
    if (!live[first + g]) continue;
    for (const f of gateFanins(c, g)) live[f >>> 1] = 1;
  }
  return live;
}

/** Number of gates of each kind, keyed by kind name (AND, XOR, MAJ, LUT). */
export function gateKindCounts(c: Circuit): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of c.kinds) {
    const name = GATE_KIND_NAMES[k as GateKind];
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}
