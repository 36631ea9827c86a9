/**
 * One structurally hashed AIG holding two circuits over shared inputs, with
 * the literal of every node of both circuits (for correspondence reports).
 */
import { reachableFromOutputs } from '../core/analysis.js';
import { CircuitBuilder } from '../core/builder.js';
import type { Circuit } from '../core/circuit.js';
import { appendAig, isAig, toAig } from '../core/to-aig.js';
import { AigStrash } from './aig-strash.js';

/** The combined AIG and where each node of A and B went. */
export interface CombinedAig {
  readonly aig: Circuit;
  /** Literal in `aig` of each node of A (-1 for gates no output of A needs). */
  readonly nodeLitA: Int32Array;
  readonly nodeLitB: Int32Array;
  /** Literals in `aig` of A's and B's outputs. */
  readonly outA: readonly number[];
  readonly outB: readonly number[];
}

/**
 * Builds the combined AIG. Input i of A is input `inputMap[i]` of B. With
 * `allNodes`, the literal of every live node is recorded (otherwise only the
 * outputs are, and nodeLitA/nodeLitB are empty).
 */
export function combineAig(a: Circuit, b: Circuit, inputMap: readonly number[], allNodes = false): CombinedAig {
  const bld = new CircuitBuilder({ strash: true });
  const inputs = a.inputNames.map((name) => bld.addInput(name));
  const binputs = new Array<number>(b.numInputs);
  inputMap.forEach((k, i) => (binputs[k] = inputs[i]!));
  const add = (c: Circuit, ins: readonly number[]): { outs: number[]; map: Int32Array } => {
    if (!allNodes) return { outs: appendAig(bld, c, ins), map: new Int32Array(0) };
    // append with every live gate as an extra output, to learn each gate's literal
    const live = reachableFromOutputs(c);
    const first = c.numInputs + 1;
    const gates: number[] = [];
    for (let g = 0; g < c.numGates; g++) if (live[first + g]) gates.push(first + g);
    const outputs = Uint32Array.from([...c.outputs, ...gates.map((v) => 2 * v)]);
    const widened: Circuit = { ...c, outputs, outputNames: Array.from(outputs, (_, j) => `o${j}`) };
    const lits = appendAig(bld, widened, ins);
    const map = new Int32Array(1 + c.numInputs + c.numGates).fill(-1);
    map[0] = 0;
    for (let i = 0; i < c.numInputs; i++) map[i + 1] = ins[i]!;
    gates.forEach((v, k) => (map[v] = lits[c.outputs.length + k]!));
    return { outs: lits.slice(0, c.outputs.length), map };
  };
  const A = add(a, inputs);
  const B = add(b, binputs);
  A.outs.forEach((o) => bld.addOutput(o));
  B.outs.forEach((o) => bld.addOutput(o));
  return { aig: bld.build(), nodeLitA: A.map, nodeLitB: B.map, outA: A.outs, outB: B.outs };
}

/** The AIG of the output pairs that structural hashing leaves undecided (see {@link combinePending}). */
export interface PendingAig {
  /** The cones of the undecided pairs' outputs, over all inputs (A's order). */
  readonly aig: Circuit;
  /** Gates of the whole combined AIG. */
  readonly combinedGates: number;
  /** The undecided pairs, with their two literals in `aig`. */
  readonly pending: readonly { readonly pair: number; readonly litA: number; readonly litB: number }[];
}

/**
 * Hashes A and B into one AIG over shared inputs (input i of A is input
 * `inputMap[i]` of B) and keeps only the cones of the output pairs
 * (`pairs[k] = [output of A, output of B]`) that did not hash to the same
 * literal. Outputs structural hashing matched often share little logic with
 * the rest (EPFL arbiter vs its rewrite: one pair left, 174 of 11886 gates),
 * and sweeping the whole AIG would spend SAT calls on nodes no verdict needs.
 */
export function combinePending(a: Circuit, b: Circuit, inputMap: readonly number[], pairs: readonly (readonly [number, number])[]): PendingAig {
  const aa = isAig(a) ? a : toAig(a);
  const bb = isAig(b) ? b : toAig(b);
  const s = new AigStrash(a.numInputs, aa.numGates + bb.numGates);
  const inputs = Array.from({ length: a.numInputs }, (_, i) => s.input(i));
  const binputs = new Array<number>(b.numInputs);
  inputMap.forEach((k, i) => (binputs[k] = inputs[i]!));
  const outA = s.append(aa, inputs);
  const outB = s.append(bb, binputs);
  const open = pairs.map(([pa, pb], k) => ({ k, la: outA[pa]!, lb: outB[pb]! })).filter((x) => x.la !== x.lb);
  const { circuit, lits } = s.extract(
    open.flatMap((x) => [x.la, x.lb]),
    a.inputNames,
  );
  return { aig: circuit, combinedGates: s.numGates, pending: open.map((x, j) => ({ pair: x.k, litA: lits[2 * j]!, litB: lits[2 * j + 1]! })) };
}
