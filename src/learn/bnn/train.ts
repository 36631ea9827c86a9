/**
 * Training binarized MLPs with a straight-through estimator (STE), on the
 * full truth table of a problem (care rows only where the spec has
 * don't-cares). Latent real weights are kept; the forward pass always uses
 * their quantization (integers in [-maxWeight, maxWeight], biases rounded)
 * and sign activations, so the accuracy measured during training is exactly
 * the accuracy of the network that is returned. Backward: the sign's
 * derivative is replaced by a box of half-width ~sqrt(fan-in) (hard-tanh
 * STE) and rounding by the identity. Full-batch Adam, seeded and
 * deterministic. The few lines of gradient code are written out by hand.
 */
import { UsageError } from '../../errors.js';
import type { ProblemInstance } from '../../problems/families.js';
import { Rng } from '../../util/rng.js';
import { Adam } from '../adam.js';
import { datasetOfSpec } from '../dataset.js';
import { validateBnn, type BnnLayer, type BnnNetwork } from './network.js';

/** Largest number of inputs {@link trainBnn} trains on (the data set is the whole truth table). */
export const MAX_BNN_TRAIN_INPUTS = 16;

/** Options of {@link trainBnn}. */
export interface TrainBnnOptions {
  readonly seed: number;
  /** Hidden layer widths (default: one layer of max(8, 8 * inputs) neurons). */
  readonly hidden?: readonly number[];
  /** Maximum number of full-batch epochs (default 3000); training stops at 100%. */
  readonly epochs?: number;
  /** Largest |weight| (default 3); 1 gives ternary weights. */
  readonly maxWeight?: number;
  /** Adam step size (default 0.03). */
  readonly learningRate?: number;
}

/** The result of {@link trainBnn}: the best network seen and its accuracy on the care rows. */
export interface TrainBnnResult {
  readonly network: BnnNetwork;
  /** Fraction of rows (with some cared output) on which every cared output is right; 1 = implements the spec. */
  readonly accuracy: number;
  /** Epochs run (fewer than asked when 100% was reached). */
  readonly epochs: number;
}

/** A parameter vector: latent values, their gradient and their optimiser. */
interface Param {
  readonly v: Float64Array;
  readonly g: Float64Array;
  readonly adam: Adam;
}

function param(size: number, init: (i: number) => number, learningRate: number): Param {
  return { v: Float64Array.from({ length: size }, (_, i) => init(i)), g: new Float64Array(size), adam: new Adam(size, { learningRate }) };
}

/** Trains a sign-activated integer-weight MLP for `task`; deterministic for a given seed and options. */
export function trainBnn(task: ProblemInstance, options: TrainBnnOptions): TrainBnnResult {
  const spec = task.spec;
  const n = spec.numInputs;
  const outs = spec.outputs.length;
  const hidden = options.hidden ?? [Math.max(8, 8 * n)];
  if (hidden.some((h) => !Number.isInteger(h) || h < 1)) throw new UsageError('hidden layer widths must be positive integers', 'bad-param');
  const maxEpochs = options.epochs ?? 3000;
  const Q = options.maxWeight ?? 3;
  const lr = options.learningRate ?? 0.03;
  const rng = new Rng(options.seed);

  // rows with at least one cared output (the shared data set); target +1/-1 and a care mask per output, row-major
  const data = datasetOfSpec(spec, MAX_BNN_TRAIN_INPUTS);
  const rows = Array.from(data.minterms);
  const R = rows.length;
  const target = new Float64Array(R * outs);
  const care = new Float64Array(R * outs);
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < outs; k++) {
      target[r * outs + k] = data.targets[k * R + r] ? 1 : -1;
      care[r * outs + k] = data.care[k * R + r]!;
    }
  }

  const widths = [n, ...hidden, outs];
  const L = widths.length - 1;
  // Box-Muller with u = max(1e-12, uniform), not Rng.nextGaussian's u = 1 - uniform: kept so that a seed still
  // gives the same trained network as in the published results and the tests that pin them.
  const gauss = (): number => {
    const u = Math.max(1e-12, rng.nextFloat());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
  };
  const W: Param[] = [];
  const B: Param[] = [];
  for (let l = 0; l < L; l++) {
    W.push(param(widths[l + 1]! * widths[l]!, () => gauss() * 0.8, lr));
    B.push(param(widths[l + 1]!, () => 0, lr));
  }
  const window = widths.slice(0, L).map((fanIn) => Math.max(1, Math.sqrt(fanIn) * 1.5));

  // forward buffers: act[l] = values fed to layer l (R x widths[l]), pre[l] = its integer sums
  const act = widths.map((w) => new Float64Array(R * w));
  const pre = widths.slice(1).map((w) => new Float64Array(R * w));
  const qW = W.map((p) => new Float64Array(p.v.length));
  const qB = B.map((p) => new Float64Array(p.v.length));
  rows.forEach((m, r) => {
    for (let j = 0; j < n; j++) act[0]![r * n + j] = (m >>> j) & 1 ? 1 : -1;
  });

  const quantize = (): void => {
    for (let l = 0; l < L; l++) {
      const fanIn = widths[l]!;
      for (let i = 0; i < W[l]!.v.length; i++) qW[l]![i] = Math.max(-Q, Math.min(Q, Math.round(W[l]!.v[i]!)));
      for (let i = 0; i < B[l]!.v.length; i++) qB[l]![i] = Math.max(-Q * fanIn, Math.min(Q * fanIn, Math.round(B[l]!.v[i]!)));
    }
  };
  const forward = (): number => {
    for (let l = 0; l < L; l++) {
      const fi = widths[l]!, fo = widths[l + 1]!;
      const x = act[l]!, s = pre[l]!, y = act[l + 1]!, w = qW[l]!, b = qB[l]!;
      for (let r = 0; r < R; r++) {
        for (let i = 0; i < fo; i++) {
          let sum = b[i]!;
          for (let j = 0; j < fi; j++) sum += w[i * fi + j]! * x[r * fi + j]!;
          s[r * fo + i] = sum;
          y[r * fo + i] = sum >= 0 ? 1 : -1;
        }
      }
    }
    let right = 0;
    const out = act[L]!;
    for (let r = 0; r < R; r++) {
      let ok = true;
      for (let k = 0; k < outs; k++) if (care[r * outs + k] && out[r * outs + k] !== target[r * outs + k]) ok = false;
      if (ok) right++;
    }
    return right / R;
  };

  const snapshot = (): BnnNetwork => {
    const layers: BnnLayer[] = [];
    for (let l = 0; l < L; l++) {
      const fi = widths[l]!, fo = widths[l + 1]!;
      layers.push({
        weights: Array.from({ length: fo }, (_, i) => Array.from(qW[l]!.subarray(i * fi, (i + 1) * fi), (v) => v + 0)),
        bias: Array.from(qB[l]!, (v) => v + 0),
        activation: 'sign',
      });
    }
    return validateBnn({ inputs: n, inputEncoding: 'bipolar', layers, inputNames: [...task.inputNames], outputNames: [...task.outputNames] });
  };

  let best = { accuracy: -1, network: undefined as BnnNetwork | undefined };
  let epoch = 0;
  const grads = widths.slice(1).map((w) => new Float64Array(R * w));
  for (; epoch < maxEpochs; epoch++) {
    quantize();
    const accuracy = forward();
    if (accuracy > best.accuracy) best = { accuracy, network: snapshot() };
    if (accuracy === 1) break;
    // output loss: logistic on s / window, per cared output
    const gOut = grads[L - 1]!;
    const sOut = pre[L - 1]!;
    const tOut = window[L - 1]!;
    for (let e = 0; e < R * outs; e++) {
      if (!care[e]) {
        gOut[e] = 0;
        continue;
      }
      const z = (target[e]! * sOut[e]!) / tOut;
      // d/ds softplus(margin - z) with a margin of 1 so that s = 0 is not "right enough"
      gOut[e] = (-target[e]! / tOut) / (1 + Math.exp(z - 1)) / R;
    }
    for (let l = L - 1; l >= 0; l--) {
      const fi = widths[l]!, fo = widths[l + 1]!;
      const x = act[l]!, gs = grads[l]!, w = qW[l]!;
      const gW = W[l]!.g.fill(0), gB = B[l]!.g.fill(0);
      for (let r = 0; r < R; r++) {
        for (let i = 0; i < fo; i++) {
          const d = gs[r * fo + i]!;
          if (d === 0) continue;
          gB[i] = gB[i]! + d;
          for (let j = 0; j < fi; j++) gW[i * fi + j] = gW[i * fi + j]! + d * x[r * fi + j]!;
        }
      }
      if (l === 0) break;
      // through the previous layer's sign: hard-tanh STE on its sums
      const gPrev = grads[l - 1]!, sPrev = pre[l - 1]!, tPrev = window[l - 1]!;
      for (let r = 0; r < R; r++) {
        for (let j = 0; j < fi; j++) {
          let d = 0;
          for (let i = 0; i < fo; i++) d += gs[r * fo + i]! * w[i * fi + j]!;
          gPrev[r * fi + j] = Math.abs(sPrev[r * fi + j]!) <= tPrev ? d / tPrev : 0;
        }
      }
    }
    for (const [p, clip] of [...W.map((p) => [p, Q + 0.49] as const), ...B.map((p, l) => [p, Q * widths[l]! + 0.49] as const)]) {
      p.adam.step(p.v, p.g);
      for (let i = 0; i < p.v.length; i++) p.v[i] = Math.max(-clip, Math.min(clip, p.v[i]!));
    }
  }
  return { network: best.network!, accuracy: best.accuracy, epochs: Math.min(epoch + 1, maxEpochs) };
}
