/**
 * Binarized neural networks (BNNs) as waterloo models them: fully connected
 * layers of integer-weighted threshold neurons over Boolean inputs.
 *
 * EXACT SEMANTICS. Inputs are bits b_j in {0,1}. What a neuron "sees" of a
 * bit depends on the encoding of the layer below it:
 *   - the primary inputs are encoded by `inputEncoding`: `binary` gives x = b,
 *     `bipolar` gives x = 2b - 1 (so 0 -> -1, 1 -> +1);
 *   - a `sign` layer's neurons output +1 / -1 (bit 1 / 0), a `step` layer's
 *     neurons output 1 / 0 (bit 1 / 0); the next layer sees those values.
 * A neuron with weights w and bias c computes s = c + sum_j w_j x_j and its
 * output bit is 1 iff s >= 0 (sign(0) = +1, step(0) = 1). The last layer's
 * bits are the network's outputs. Weights and biases are integers, so the
 * network is exactly a circuit of threshold gates.
 */
import { ValidationError } from '../../errors.js';
import { createFromFunction, fromWords, wordCount, type TruthTable } from '../../tt/truth-table.js';

/** How a layer encodes its output bits for the next layer: `sign` = +1/-1, `step` = 1/0. */
export type BnnActivation = 'sign' | 'step';

/** How the primary input bits are presented to the first layer: `binary` = b, `bipolar` = 2b - 1. */
export type BnnInputEncoding = 'binary' | 'bipolar';

/** One fully connected layer: `weights[i][j]` is the weight of input j in neuron i. */
export interface BnnLayer {
  readonly weights: readonly (readonly number[])[];
  readonly bias: readonly number[];
  readonly activation: BnnActivation;
}

/** A binarized / integer-quantized multilayer perceptron; see the module doc for its semantics. */
export interface BnnNetwork {
  readonly inputs: number;
  readonly inputEncoding: BnnInputEncoding;
  readonly layers: readonly BnnLayer[];
  readonly inputNames?: readonly string[];
  readonly outputNames?: readonly string[];
}

/** Largest |weight| or |bias| accepted (keeps every sum an exact double and adder trees sane). */
export const MAX_BNN_MAGNITUDE = 2 ** 20;

/**
 * Largest number of weights (the sum of all neurons' fan-ins) a network may
 * have. Extraction and verification do work per weight (exhaustive
 * verification 2^inputs rows per weight), so bigger models are refused up
 * front rather than left to run out of time or memory.
 */
export const MAX_BNN_WEIGHTS = 1_000_000;

/** Number of outputs (neurons of the last layer). */
export function bnnOutputs(net: BnnNetwork): number {
  return net.layers.length ? net.layers[net.layers.length - 1]!.bias.length : 0;
}

/** Number of neurons in all layers. */
export function bnnNeurons(net: BnnNetwork): number {
  return net.layers.reduce((s, l) => s + l.bias.length, 0);
}

/**
 * Checks shapes and integrality and throws ValidationError (code `bad-network`)
 * naming the first offending entry, e.g. `layers[1].weights[3][2]: not an integer`.
 * Returns the network.
 */
export function validateBnn(net: BnnNetwork): BnnNetwork {
  const bad = (why: string): never => {
    throw new ValidationError(why, 'bad-network');
  };
  if (!Number.isInteger(net.inputs) || net.inputs < 0) bad(`inputs: ${net.inputs} is not a non-negative integer`);
  if (net.inputEncoding !== 'binary' && net.inputEncoding !== 'bipolar') bad(`inputEncoding: must be "binary" or "bipolar"`);
  if (net.layers.length === 0) bad('layers: a network needs at least one layer');
  let width = net.inputs;
  let weights = 0;
  net.layers.forEach((layer, l) => {
    const at = `layers[${l}]`;
    weights += layer.weights.length * width;
    if (weights > MAX_BNN_WEIGHTS) throw new ValidationError(`${at}: the network has more than ${MAX_BNN_WEIGHTS} weights (the limit of extraction)`, 'too-large');
    if (layer.activation !== 'sign' && layer.activation !== 'step') bad(`${at}.activation: must be "sign" or "step"`);
    if (layer.weights.length === 0) bad(`${at}.weights: a layer needs at least one neuron`);
    if (layer.bias.length !== layer.weights.length) bad(`${at}.bias: has ${layer.bias.length} entries for ${layer.weights.length} neurons`);
    layer.weights.forEach((row, i) => {
      if (row.length !== width) bad(`${at}.weights[${i}]: has ${row.length} entries, the layer has ${width} inputs`);
      row.forEach((w, j) => checkInteger(w, `${at}.weights[${i}][${j}]`, bad));
    });
    layer.bias.forEach((c, i) => checkInteger(c, `${at}.bias[${i}]`, bad));
    width = layer.weights.length;
  });
  if (net.inputNames !== undefined && net.inputNames.length !== net.inputs) bad(`inputNames: has ${net.inputNames.length} names for ${net.inputs} inputs`);
  if (net.outputNames !== undefined && net.outputNames.length !== width) bad(`outputNames: has ${net.outputNames.length} names for ${width} outputs`);
  return net;
}

function checkInteger(v: number, at: string, bad: (why: string) => never): void {
  if (typeof v !== 'number' || !Number.isInteger(v)) bad(`${at}: not an integer`);
  if (Math.abs(v) > MAX_BNN_MAGNITUDE) bad(`${at}: |${v}| exceeds ${MAX_BNN_MAGNITUDE}`);
}

/** Evaluates the network on one input vector (bit j = input j) and returns the output bits. */
export function evaluateBnn(net: BnnNetwork, inputs: readonly boolean[]): boolean[] {
  let bits = inputs.slice();
  let encoding: 'pm1' | '01' = net.inputEncoding === 'bipolar' ? 'pm1' : '01';
  for (const layer of net.layers) {
    const xs = bits.map((b) => (b ? 1 : encoding === 'pm1' ? -1 : 0));
    bits = layer.weights.map((row, i) => {
      let s = layer.bias[i]!;
      for (let j = 0; j < row.length; j++) s += row[j]! * xs[j]!;
      return s >= 0;
    });
    encoding = layer.activation === 'sign' ? 'pm1' : '01';
  }
  return bits;
}

/** Largest input count for which {@link bnnTruthTables} enumerates every input. */
export const MAX_BNN_EXHAUSTIVE_INPUTS = 20;

/**
 * The truth table of every output, by evaluating the network on all 2^n
 * inputs, layer by layer on integer vectors (independent of any circuit code,
 * so it can serve as the reference in verification).
 */
export function bnnTruthTables(net: BnnNetwork): TruthTable[] {
  return bnnTruthTablesUntil(net, () => false)!;
}

/**
 * {@link bnnTruthTables}, giving up (undefined) when `overdue()` says so;
 * asked before every neuron and every 64 weights, so a time limit holds
 * within 64 x 2^20 additions.
 */
export function bnnTruthTablesUntil(net: BnnNetwork, overdue: () => boolean): TruthTable[] | undefined {
  const n = net.inputs;
  if (n > MAX_BNN_EXHAUSTIVE_INPUTS) throw new ValidationError(`exhaustive evaluation is limited to ${MAX_BNN_EXHAUSTIVE_INPUTS} inputs; the network has ${n}`, 'too-many-inputs');
  const rows = 2 ** n;
  // values[j][m] = value seen for signal j on minterm m
  let values: Int32Array[] = Array.from({ length: n }, (_, j) => {
    const v = new Int32Array(rows);
    for (let m = 0; m < rows; m++) v[m] = (m >>> j) & 1 ? 1 : net.inputEncoding === 'bipolar' ? -1 : 0;
    return v;
  });
  let outBits: Uint8Array[] = [];
  for (const layer of net.layers) {
    const low = layer.activation === 'sign' ? -1 : 0;
    outBits = [];
    for (let i = 0; i < layer.weights.length; i++) {
      if (overdue()) return undefined;
      const row = layer.weights[i]!;
      const s = new Float64Array(rows).fill(layer.bias[i]!);
      for (let j = 0; j < row.length; j++) {
        const w = row[j]!;
        if (w === 0) continue;
        // a wide neuron is up to 2^20 rows per weight: ask between weights too
        if ((j & 63) === 63 && overdue()) return undefined;
        const x = values[j]!;
        for (let m = 0; m < rows; m++) s[m] += w * x[m]!;
      }
      const bits = new Uint8Array(rows);
      for (let m = 0; m < rows; m++) bits[m] = s[m]! >= 0 ? 1 : 0;
      outBits.push(bits);
    }
    values = outBits.map((bits) => Int32Array.from(bits, (b) => (b ? 1 : low)));
  }
  return outBits.map((bits) => {
    const w = new Uint32Array(wordCount(n));
    for (let m = 0; m < rows; m++) if (bits[m]) w[m >>> 5] = w[m >>> 5]! | (1 << (m & 31));
    return fromWords(n, w);
  });
}

/**
 * A neuron as a threshold function over its input bits: output 1 iff
 * sum_j coef_j * b_j >= threshold, where b_j are the bits of the layer below.
 * Bipolar inputs are folded in: w (2b - 1) = 2w b - w.
 */
export interface ThresholdNeuron {
  readonly coefs: readonly number[];
  readonly threshold: number;
}

/** The threshold form of neuron i of layer l. */
export function neuronThreshold(net: BnnNetwork, l: number, i: number): ThresholdNeuron {
  const bipolar = l === 0 ? net.inputEncoding === 'bipolar' : net.layers[l - 1]!.activation === 'sign';
  const layer = net.layers[l]!;
  const row = layer.weights[i]!;
  let c = layer.bias[i]!;
  const coefs = row.map((w) => {
    if (!bipolar) return w;
    c -= w;
    return 2 * w;
  });
  return { coefs, threshold: -c };
}

/** The truth table of a threshold neuron over its k = coefs.length inputs (k <= 20). */
export function thresholdTable(t: ThresholdNeuron): TruthTable {
  return createFromFunction(t.coefs.length, (m) => {
    let s = 0;
    for (let j = 0; j < t.coefs.length; j++) if ((m >>> j) & 1) s += t.coefs[j]!;
    return s >= t.threshold;
  });
}
