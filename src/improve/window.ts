/**
 * Windows of local improvement: a connected set of gates with few leaves,
 * grown at random from a seed gate, its function over its leaves (with the
 * leaf patterns that never occur as don't-cares), and the circuit with the
 * window replaced by another circuit. Fanouts, cone circuits, cone functions,
 * gate costs and reachable leaf patterns come from the core toolkit
 * (core/cone.ts).
 */
import { CircuitBuilder } from '../core/builder.js';
import { gateFanins, type Circuit } from '../core/circuit.js';
import { cleanup } from '../core/cleanup.js';
import { coneCircuit, coneTables, fanoutInfo, nodesSize, reachableLeafPatterns, type FanoutInfo } from '../core/cone.js';
import type { GateKind } from '../core/gate.js';
import { exhaustiveNodeValues, type NodeValues } from '../core/simulate.js';
import { InternalError } from '../errors.js';
import { makeSpec, type FunctionSpec } from '../tt/spec.js';
import type { Rng } from '../util/rng.js';

/** Structure of the current circuit used by the window search. */
export interface Structure {
  readonly c: Circuit;
  /** Consumers of each node and which nodes drive outputs. */
  readonly info: FanoutInfo;
  /** Exhaustive node values (for don't-cares), or undefined. */
  readonly sim: NodeValues | undefined;
}

/** The structure of `c`, with exhaustive node values when `withSim`. */
export function analyse(c: Circuit, withSim: boolean): Structure {
  return { c, info: fanoutInfo(c), sim: withSim ? exhaustiveNodeValues(c) : undefined };
}

/** A window: gates (gate indices, sorted), leaves (node ids, sorted), outputs (gates with uses outside). */
export interface Window {
  readonly gates: number[];
  readonly leaves: number[];
  readonly outputs: number[];
}

function leavesOf(c: Circuit, gates: ReadonlySet<number>): number[] {
  const first = c.numInputs + 1;
  const leaves = new Set<number>();
  for (const g of gates) {
    for (const f of gateFanins(c, g)) {
      const v = f >>> 1;
      if (v === 0) continue;
      if (v >= first && gates.has(v - first)) continue;
      leaves.add(v);
    }
  }
  return [...leaves].sort((a, b) => a - b);
}

/**
 * Grows a window from gate `seed` by adding neighbouring gates (fanins and
 * fanouts) in random order while the leaf bound holds; undefined when the
 * seed alone has too many leaves or no second gate fits.
 */
export function growWindow(st: Structure, seed: number, maxLeaves: number, maxGates: number, rng: Rng): Window | undefined {
  const c = st.c;
  const first = c.numInputs + 1;
  const gates = new Set<number>([seed]);
  if (leavesOf(c, gates).length > maxLeaves) return undefined;
  while (gates.size < maxGates) {
    const cand = new Set<number>();
    for (const g of gates) {
      for (const f of gateFanins(c, g)) {
        const v = f >>> 1;
        if (v >= first && !gates.has(v - first)) cand.add(v - first);
      }
      for (const h of st.info.fanouts[first + g]!) if (!gates.has(h - first)) cand.add(h - first);
    }
    // random order, then prefer additions that keep the leaf count small
    const list = rng.shuffle([...cand].sort((a, b) => a - b));
    let best: number | undefined;
    let bestLeaves = Infinity;
    for (const h of list) {
      gates.add(h);
      const leaves = leavesOf(c, gates);
      const n = leaves.length;
      const ok = n <= maxLeaves && n < bestLeaves && isConvex(c, gates, leaves);
      gates.delete(h);
      if (ok) {
        best = h;
        bestLeaves = n;
      }
    }
    if (best === undefined) break;
    gates.add(best);
  }
  if (gates.size < 2) return undefined;
  const sorted = [...gates].sort((a, b) => a - b);
  const outputs = sorted.filter((g) => st.info.isPo[first + g] || st.info.fanouts[first + g]!.some((h) => !gates.has(h - first)));
  return { gates: sorted, leaves: leavesOf(c, gates), outputs };
}

/** Whether no leaf of the window depends on a window gate (splicing keeps the circuit acyclic). */
function isConvex(c: Circuit, gates: ReadonlySet<number>, leaves: readonly number[]): boolean {
  const first = c.numInputs + 1;
  const sorted = [...gates].sort((a, b) => a - b);
  const t = tainted(c, { gates: sorted, leaves: [], outputs: [] });
  return !leaves.some((v) => v >= first && t.has(v - first));
}

/** Whether a leaf of `w` depends on a gate of `w`: splicing such a window would make a cycle. */
export function leafDependsOnWindow(c: Circuit, w: Window): boolean {
  const taint = tainted(c, w);
  return w.leaves.some((v) => v > c.numInputs && taint.has(v - c.numInputs - 1));
}

/** Gates in [min(W), max(W)] outside W that depend on W (their new copies must come after the replacement). */
function tainted(c: Circuit, w: Window): Set<number> {
  const inW = new Set(w.gates);
  const t = new Set<number>();
  const first = c.numInputs + 1;
  const lo = w.gates[0]!;
  const hi = w.gates[w.gates.length - 1]!;
  for (let g = lo + 1; g <= hi; g++) {
    if (inW.has(g)) continue;
    for (const f of gateFanins(c, g)) {
      const v = (f >>> 1) - first;
      if (v >= 0 && (inW.has(v) || t.has(v))) {
        t.add(g);
        break;
      }
    }
  }
  return t;
}

/**
 * The window's spec over its leaves (leaf i = variable i), the functions of
 * `sub` (the window as a circuit), with unreachable leaf patterns as don't-cares.
 */
export function windowSpec(st: Structure, w: Window, sub: Circuit): FunctionSpec {
  const k = w.leaves.length;
  const outputs = coneTables(sub);
  if (st.sim === undefined) return makeSpec(k, outputs);
  const careTt = reachableLeafPatterns(st.sim, st.c.numInputs, w.leaves);
  return makeSpec(k, outputs, outputs.map(() => careTt));
}

/** The window as a circuit of its own: inputs = its leaves, outputs = its output gates. */
export function windowCircuit(c: Circuit, w: Window): Circuit {
  const first = c.numInputs + 1;
  return coneCircuit(c, w.leaves, w.gates.map((g) => first + g), w.outputs.map((g) => 2 * (first + g)));
}

/** The window's size: the cost of its gates. */
export function windowSize(c: Circuit, w: Window): number {
  const first = c.numInputs + 1;
  return nodesSize(c, w.gates.map((g) => first + g));
}

function spliceError(message: string): InternalError {
  return new InternalError(`internal error: splice: ${message}`);
}

/** The circuit with window `w` replaced by `rep` (inputs = leaves, outputs = window outputs), rebuilt and cleaned. */
export function splice(c: Circuit, w: Window, rep: Circuit): Circuit {
  const first = c.numInputs + 1;
  const inW = new Set(w.gates);
  const taint = tainted(c, w);
  const b = new CircuitBuilder({ strash: true });
  const map = new Int32Array(1 + c.numInputs + c.numGates).fill(-1);
  map[0] = 0;
  for (let i = 0; i < c.numInputs; i++) map[i + 1] = b.addInput(c.inputNames[i]);
  const copy = (g: number): void => {
    const fs = Array.from(gateFanins(c, g), (f) => {
      const m = map[f >>> 1]!;
      if (m < 0) throw spliceError(`fanin node ${f >>> 1} of gate ${g} is not built yet`);
      return m ^ (f & 1);
    });
    map[first + g] = b.addGate(c.kinds[g] as GateKind, fs, c.luts.get(g));
  };
  const lo = w.gates[0]!;
  const hi = w.gates[w.gates.length - 1]!;
  for (let g = 0; g < lo; g++) copy(g);
  for (let g = lo; g <= hi; g++) if (!inW.has(g) && !taint.has(g)) copy(g);
  // the replacement
  const rmap = new Uint32Array(1 + rep.numInputs + rep.numGates);
  w.leaves.forEach((v, i) => {
    const m = map[v]!;
    if (m < 0) throw spliceError(`leaf node ${v} is not built yet`);
    rmap[i + 1] = m;
  });
  for (let g = 0; g < rep.numGates; g++) {
    const fs = Array.from(gateFanins(rep, g), (f) => rmap[f >>> 1]! ^ (f & 1));
    rmap[rep.numInputs + 1 + g] = b.addGate(rep.kinds[g] as GateKind, fs, rep.luts.get(g));
  }
  w.outputs.forEach((g, k) => {
    const o = rep.outputs[k]!;
    map[first + g] = rmap[o >>> 1]! ^ (o & 1);
  });
  for (let g = lo; g <= hi; g++) if (taint.has(g)) copy(g);
  for (let g = hi + 1; g < c.numGates; g++) copy(g);
  c.outputs.forEach((o, j) => {
    const m = map[o >>> 1]!;
    if (m < 0) throw spliceError(`output ${j} lost its driver`);
    b.addOutput(m ^ (o & 1), c.outputNames[j]);
  });
  return cleanup(b.build());
}
