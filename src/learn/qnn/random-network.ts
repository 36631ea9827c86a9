/**
 * Seeded random integer networks, for tests and the extraction bench when no
 * real model is at hand (e.g. one of the shape of FINN's TFC-1W1A: 784
 * bipolar inputs, three layers of 64 bipolar neurons with integer thresholds,
 * 10 integer scores, weights +-1).
 */
import { Rng } from '../../util/rng.js';
import { codeBits, type IntLayer, type IntNetwork, type ValueCode } from './network.js';

/** Shape and value ranges of {@link randomIntNetwork}. */
export interface RandomIntNetworkSpec {
  readonly seed: number;
  readonly inputs: number;
  readonly inputCode: ValueCode;
  /** Neurons per hidden layer. */
  readonly hidden: readonly number[];
  /** Output code of the hidden layers (bipolar: 1 threshold; unsigned k bits: up to 2^k - 1 thresholds). */
  readonly hiddenCode: ValueCode;
  /** Scores neurons at the end (0 = the last hidden layer is the output). */
  readonly scores: number;
  /** Weights are drawn from [-maxWeight, maxWeight] (0 excluded when binaryWeights). */
  readonly maxWeight: number;
  /** Weights +-maxWeight only. */
  readonly binaryWeights?: boolean;
  /** Fraction of zero weights (default 0). */
  readonly sparsity?: number;
}

/** A seeded random integer network (thresholds placed around the middle of each sum's range, so few neurons are constant). */
export function randomIntNetwork(spec: RandomIntNetworkSpec): IntNetwork {
  const rng = new Rng(spec.seed);
  const layers: IntLayer[] = [];
  let width = spec.inputs;
  let belowCode = spec.inputCode;
  const weight = (): bigint => {
    if (spec.sparsity && rng.nextFloat() < spec.sparsity) return 0n;
    if (spec.binaryWeights) return rng.below(2) ? BigInt(spec.maxWeight) : -BigInt(spec.maxWeight);
    return BigInt(rng.below(2 * spec.maxWeight + 1) - spec.maxWeight);
  };
  const spread = (): bigint => {
    const magnitude = BigInt(Math.max(1, Math.round(Math.sqrt(width) * spec.maxWeight * (codeBits(belowCode) === 1 ? 1 : 2 ** (codeBits(belowCode) - 1)))));
    return BigInt(rng.below(Number(2n * magnitude + 1n))) - magnitude;
  };
  const layer = (n: number, scores: boolean, l: number): IntLayer => {
    const weights = Array.from({ length: n }, () => Array.from({ length: width }, weight));
    const bias = Array.from({ length: n }, () => BigInt(rng.below(5) - 2));
    const K = spec.hiddenCode.kind === 'bipolar' ? 1 : 2 ** codeBits(spec.hiddenCode) - 1;
    return {
      source: `random layer ${l + 1}`,
      weights,
      bias,
      activation: scores
        ? { kind: 'scores' }
        : { kind: 'thresholds', code: spec.hiddenCode, thresholds: weights.map(() => Array.from({ length: K }, spread).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) },
    };
  };
  spec.hidden.forEach((n, l) => {
    layers.push(layer(n, false, l));
    width = n;
    belowCode = spec.hiddenCode;
  });
  if (spec.scores > 0) layers.push(layer(spec.scores, true, spec.hidden.length));
  const outputs = spec.scores > 0 ? spec.scores : spec.hidden[spec.hidden.length - 1]!;
  return {
    inputs: Array.from({ length: spec.inputs }, (_, j) => ({ name: `global_in[${j}]`, code: spec.inputCode })),
    layers,
    outputNames: Array.from({ length: outputs }, (_, k) => `global_out[${k}]`),
    argmax: { valid: spec.scores > 0, reason: spec.scores > 0 ? 'random network: the scores are the outputs' : 'no scores' },
  };
}

/** A random network of TFC-1W1A's shape (784 bipolar inputs, 64-64-64 bipolar, 10 scores, weights +-1). */
export function tfcShapedNetwork(seed: number): IntNetwork {
  return randomIntNetwork({ seed, inputs: 784, inputCode: { kind: 'bipolar' }, hidden: [64, 64, 64], hiddenCode: { kind: 'bipolar' }, scores: 10, maxWeight: 1, binaryWeights: true });
}
