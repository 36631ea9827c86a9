/**
 * A discrete logic-gate network: what a trained difflogic model becomes after
 * each gate takes its most probable op. Node i < numInputs is input i, node
 * numInputs + g is gate g; every gate reads two earlier nodes. This is the
 * network the extracted circuit is verified against, and its JSON form is
 * what `waterloo train --save-network` writes.
 */
import { ValidationError } from '../../errors.js';
import { evalOpWord } from '../../core/gate.js';
import { fillProjection, fromWords, wordCount, type TruthTable } from '../../tt/truth-table.js';

/** A discretised gate network. */
export interface GateNetwork {
  readonly numInputs: number;
  /** Gates per layer (the last layer holds the outputs). */
  readonly layerWidths: readonly number[];
  /** First fanin node of each gate. */
  readonly faninA: Int32Array;
  /** Second fanin node of each gate. */
  readonly faninB: Int32Array;
  /** The 4-bit op of each gate (GateOp order: bit a + 2b is op(a, b)). */
  readonly ops: Uint8Array;
  /** Node of each output. */
  readonly outputs: Int32Array;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
}

/** Number of gates of a network. */
export function networkGates(net: GateNetwork): number {
  return net.ops.length;
}

/**
 * Output truth tables of the network over all 2^numInputs minterms, by
 * bit-parallel evaluation of its own gates (independent of the Circuit code
 * the extraction uses, so the two can check each other).
 */
export function evaluateGateNetwork(net: GateNetwork): TruthTable[] {
  const n = net.numInputs;
  const w = wordCount(n);
  const nodes = n + net.ops.length;
  const values = new Uint32Array(nodes * w);
  for (let i = 0; i < n; i++) fillProjection(values.subarray(i * w, (i + 1) * w), i);
  for (let g = 0; g < net.ops.length; g++) {
    const a = net.faninA[g]! * w, b = net.faninB[g]! * w, y = (n + g) * w, op = net.ops[g]!;
    for (let j = 0; j < w; j++) values[y + j] = evalOpWord(op, values[a + j]!, values[b + j]!);
  }
  return Array.from(net.outputs, (v) => fromWords(n, values.slice(v * w, (v + 1) * w)));
}

/** JSON form of a network. */
export interface GateNetworkJson {
  readonly kind: 'waterloo-gate-network';
  readonly version: 1;
  readonly numInputs: number;
  readonly layerWidths: readonly number[];
  /** One entry per gate: [op as hex digit, fanin a, fanin b]. */
  readonly gates: readonly (readonly [string, number, number])[];
  readonly outputs: readonly number[];
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
}

/** Converts a network to its JSON form. */
export function gateNetworkToJson(net: GateNetwork): GateNetworkJson {
  return {
    kind: 'waterloo-gate-network',
    version: 1,
    numInputs: net.numInputs,
    layerWidths: [...net.layerWidths],
    gates: Array.from(net.ops, (op, g) => [op.toString(16), net.faninA[g]!, net.faninB[g]!] as const),
    outputs: Array.from(net.outputs),
    inputNames: [...net.inputNames],
    outputNames: [...net.outputNames],
  };
}

/** Reads the JSON form back, checking that every fanin precedes its gate. Throws ValidationError. */
export function gateNetworkFromJson(json: unknown): GateNetwork {
  const j = json as Partial<GateNetworkJson> | null;
  if (j === null || typeof j !== 'object' || j.kind !== 'waterloo-gate-network' || j.version !== 1) {
    throw new ValidationError('not a waterloo gate network (kind waterloo-gate-network, version 1)', 'malformed');
  }
  const n = j.numInputs;
  if (!Number.isInteger(n) || n! < 0 || !Array.isArray(j.gates) || !Array.isArray(j.outputs) || !Array.isArray(j.layerWidths)) {
    throw new ValidationError('gate network: missing or malformed fields', 'malformed');
  }
  const gates = j.gates;
  const ops = new Uint8Array(gates.length), fa = new Int32Array(gates.length), fb = new Int32Array(gates.length);
  gates.forEach((gate, g) => {
    const [op, a, b] = gate;
    const opv = parseInt(op, 16);
    const ok = (v: number): boolean => Number.isInteger(v) && v >= 0 && v < n! + g;
    if (!/^[0-9a-f]$/i.test(op) || !ok(a) || !ok(b)) throw new ValidationError(`gate network: gate ${g} is malformed or reads a later node`, 'malformed');
    ops[g] = opv;
    fa[g] = a;
    fb[g] = b;
  });
  for (const o of j.outputs) if (!Number.isInteger(o) || o < 0 || o >= n! + gates.length) throw new ValidationError(`gate network: output node ${o} does not exist`, 'malformed');
  const sum = j.layerWidths.reduce((s, x) => s + x, 0);
  if (sum !== gates.length) throw new ValidationError(`gate network: layer widths sum to ${sum}, not ${gates.length} gates`, 'malformed');
  return {
    numInputs: n!,
    layerWidths: [...j.layerWidths],
    faninA: fa,
    faninB: fb,
    ops,
    outputs: Int32Array.from(j.outputs),
    inputNames: j.inputNames ?? Array.from({ length: n! }, (_, i) => `x${i}`),
    outputNames: j.outputNames ?? j.outputs.map((_, k) => `y${k}`),
  };
}
