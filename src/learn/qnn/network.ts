/**
 * Integer networks: what a quantized model (QONNX, Brevitas, FINN, QKeras)
 * means once every scale, zero point, batch normalization and affine map has
 * been folded into exact integers. The importer (QONNX reader) produces it;
 * extraction compiles it into a circuit, neuron by neuron.
 *
 * EXACT SEMANTICS. Every signal is a small integer *value* carried by a group
 * of bits (its *code*):
 *   - `bipolar`: one bit b, value +1 when b = 1, else -1;
 *   - `unsigned` k bits: value sum_i b_i 2^i (b_0 least significant);
 *   - `signed` k bits: two's complement of the same bits.
 * The model's inputs are the values of its first quantizers, in the model's
 * flattened order. A layer's neuron i computes the exact integer
 *   s_i = bias_i + sum_j weights_i[j] * v_j
 * over the values v_j of the layer below (the inputs for layer 0) and outputs
 *   - `thresholds`: the number of its thresholds t_1 <= ... <= t_K with
 *     s_i >= t_k (an unsigned code of ceil(log2(K + 1)) bits), or, with the
 *     `bipolar` code (exactly one threshold), +1 when s_i >= t_1 else -1;
 *   - `scores` (last layer only): s_i itself, an integer class score.
 * A negative scale (e.g. a batch normalization with gamma < 0) is folded by
 * negating the neuron's weights and bias, so the comparison is always >=.
 * Scores are the model's real-valued outputs times one common positive factor
 * (plus nothing): argmax over scores is argmax over the model's outputs when
 * `argmax.valid` says so. Weights, biases and thresholds are bigints: the
 * folding of scales multiplies by common denominators and can leave the range
 * of exact doubles; consumers check magnitudes before using numbers.
 */

/** How a group of bits presents an integer value. */
export type ValueCode =
  | { readonly kind: 'bipolar' }
  | { readonly kind: 'unsigned'; readonly bits: number }
  | { readonly kind: 'signed'; readonly bits: number };

/** One model input element (one value), named after the model input and its flattened index, e.g. `global_in[17]`. */
export interface IntInput {
  readonly name: string;
  readonly code: ValueCode;
}

/** A neuron's activation; see the module doc. */
export type IntActivation =
  | { readonly kind: 'thresholds'; readonly code: ValueCode; readonly thresholds: readonly (readonly bigint[])[] }
  | { readonly kind: 'scores' };

/** One fully connected layer: `weights[i][j]` is the weight of value j of the layer below in neuron i. */
export interface IntLayer {
  /** Where the layer came from in the model (node names), for messages and provenance. */
  readonly source: string;
  readonly weights: readonly (readonly bigint[])[];
  readonly bias: readonly bigint[];
  readonly activation: IntActivation;
}

/** Whether argmax over the scores equals argmax over the model's outputs, and why. */
export interface ArgmaxValidity {
  readonly valid: boolean;
  /** E.g. "the last layer ends in a strictly increasing affine map (Mul by 0.5, Add ...)" or why not. */
  readonly reason: string;
}

/** A quantized model as exact integer arithmetic; see the module doc. */
export interface IntNetwork {
  /** The model's input elements in flattened order (one per value; a value has 1 or more bits). */
  readonly inputs: readonly IntInput[];
  readonly layers: readonly IntLayer[];
  /** Names of the last layer's outputs (the model output name and index, e.g. `global_out[3]`). */
  readonly outputNames: readonly string[];
  /** What the scores mean in the model's units: model output k = scores[k] / scoreScale + scoreOffset[k] (descriptive). */
  readonly scoreScale?: string;
  readonly argmax: ArgmaxValidity;
}

/** Number of bits of a code. */
export function codeBits(code: ValueCode): number {
  return code.kind === 'bipolar' ? 1 : code.bits;
}

/** The value of a code's bits (bits[0] = least significant). */
export function codeValue(code: ValueCode, bits: readonly boolean[]): bigint {
  if (code.kind === 'bipolar') return bits[0] ? 1n : -1n;
  let v = 0n;
  for (let i = 0; i < code.bits; i++) if (bits[i]) v |= 1n << BigInt(i);
  if (code.kind === 'signed' && bits[code.bits - 1]) v -= 1n << BigInt(code.bits);
  return v;
}

/** Smallest and largest value of a code. */
export function codeRange(code: ValueCode): { readonly min: bigint; readonly max: bigint } {
  if (code.kind === 'bipolar') return { min: -1n, max: 1n };
  if (code.kind === 'unsigned') return { min: 0n, max: (1n << BigInt(code.bits)) - 1n };
  return { min: -(1n << BigInt(code.bits - 1)), max: (1n << BigInt(code.bits - 1)) - 1n };
}

/** Output value of a thresholds activation on sum s: the count of thresholds reached, or +-1 for bipolar. */
export function thresholdValue(code: ValueCode, thresholds: readonly bigint[], s: bigint): bigint {
  let count = 0n;
  for (const t of thresholds) if (s >= t) count++;
  return code.kind === 'bipolar' ? (count > 0n ? 1n : -1n) : count;
}

/** Values of every layer on one input vector (the model's input values, one per input). */
export interface IntEvaluation {
  /** sums[l][i] = s_i of layer l. */
  readonly sums: readonly (readonly bigint[])[];
  /** values[l][i] = output value of neuron i of layer l (the sum itself for scores). */
  readonly values: readonly (readonly bigint[])[];
}

/** Evaluates the network exactly on input values (one per input, each within its code's range). */
export function evaluateIntNetwork(net: IntNetwork, inputValues: readonly bigint[]): IntEvaluation {
  const sums: bigint[][] = [];
  const values: bigint[][] = [];
  let below = inputValues;
  for (const layer of net.layers) {
    const s = layer.weights.map((row, i) => {
      let acc = layer.bias[i]!;
      for (let j = 0; j < row.length; j++) if (row[j] !== 0n) acc += row[j]! * below[j]!;
      return acc;
    });
    const act = layer.activation;
    const v = act.kind === 'scores' ? s : s.map((x, i) => thresholdValue(act.code, act.thresholds[i]!, x));
    sums.push(s);
    values.push(v);
    below = v;
  }
  return { sums, values };
}

/** ONNX ArgMax semantics: the index of the first maximum. */
export function firstArgmax(xs: readonly bigint[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i]! > xs[best]!) best = i;
  return best;
}
