/**
 * Range analysis of an integer network: exact integer intervals of every
 * neuron's sum and output value, propagated layer by layer from the input
 * codes' ranges. A neuron whose output value is the same at both ends of its
 * sum's interval (thresholds are monotone in the sum) is constant on every
 * input the model can receive; extraction folds it away.
 */
import { codeRange, thresholdValue, type IntNetwork } from './network.js';

/** A closed integer interval [lo, hi]. */
export interface IntInterval {
  readonly lo: bigint;
  readonly hi: bigint;
}

/** Intervals of one layer. */
export interface LayerRanges {
  /** Interval of each neuron's sum s_i. */
  readonly sums: readonly IntInterval[];
  /** Interval of each neuron's output value (the sum itself for scores). */
  readonly values: readonly IntInterval[];
  /** Whether each neuron's output is constant on the reachable range. */
  readonly constant: readonly boolean[];
}

/** Intervals of every layer, and of the inputs. */
export interface NetworkRanges {
  readonly inputs: readonly IntInterval[];
  readonly layers: readonly LayerRanges[];
}

/** The interval of bias + sum_j w_j v_j over v_j in below[j] (exact, each term at its own end). */
export function sumInterval(weights: readonly bigint[], bias: bigint, below: readonly IntInterval[]): IntInterval {
  let lo = bias;
  let hi = bias;
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j]!;
    if (w === 0n) continue;
    const a = w * below[j]!.lo;
    const b = w * below[j]!.hi;
    lo += a < b ? a : b;
    hi += a < b ? b : a;
  }
  return { lo, hi };
}

/** Propagates intervals through the network (see the module doc). */
export function analyzeRanges(net: IntNetwork): NetworkRanges {
  const inputs = net.inputs.map((x) => {
    const r = codeRange(x.code);
    return { lo: r.min, hi: r.max };
  });
  let below: readonly IntInterval[] = inputs;
  const layers: LayerRanges[] = [];
  for (const layer of net.layers) {
    const sums = layer.weights.map((row, i) => sumInterval(row, layer.bias[i]!, below));
    const act = layer.activation;
    const values = act.kind === 'scores'
      ? sums
      : sums.map((s, i) => ({ lo: thresholdValue(act.code, act.thresholds[i]!, s.lo), hi: thresholdValue(act.code, act.thresholds[i]!, s.hi) }));
    layers.push({ sums, values, constant: values.map((v) => v.lo === v.hi) });
    below = values;
  }
  return { inputs, layers };
}
