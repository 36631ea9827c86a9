/**
 * Differentiable logic-gate networks (Petersen, Borgelt, Kuehne, Deussen,
 * NeurIPS 2022): layers of two-input gates with fixed random wiring, where
 * each gate's op is a softmax mixture over the 16 binary functions applied to
 * real-valued inputs in [0, 1] (the probabilistic relaxation: op(a, b) with
 * a, b read as independent probabilities). Trained by full-batch gradient
 * descent (Adam) on the truth table, then discretised to each gate's argmax
 * op, which is a B2 circuit.
 *
 * Two tricks make small tasks converge: the first fanin of every gate comes
 * from the previous layer and is initialised as a pass-through (op A gets a
 * logit bonus, the "residual initialisation" of Petersen et al. 2024), and the
 * discretised network is tested every few steps, so training stops at the
 * first step where the argmax network is exact on the care set rather than
 * when the relaxed loss is small.
 */
import { UsageError } from '../../errors.js';
import { OPS } from '../../core/gate.js';
import { Rng } from '../../util/rng.js';
import { Adam } from '../adam.js';
import type { TruthDataset } from '../dataset.js';
import { evaluateGateNetwork, type GateNetwork } from './gate-network.js';
import { withDefaults } from '../../util/with-defaults.js';

/** Options of {@link trainDiffLogic}. */
export interface DiffLogicOptions {
  /** Seed of the wiring and the initial logits. */
  readonly seed: number;
  /** Hidden layers (the output layer comes after them). */
  readonly hiddenLayers: number;
  /** Gates per hidden layer; default {@link defaultWidth}. */
  readonly width?: number;
  /** Maximum optimisation steps of one attempt (one step = one full-batch gradient). */
  readonly steps: number;
  /**
   * Attempts: when an attempt ends without an exact network, training starts
   * again with fresh wiring and logits (drawn from the same seeded stream).
   * Runs that succeed mostly do so within a few hundred steps, and the ones
   * that stall stay stalled, so several short attempts beat one long one.
   */
  readonly attempts: number;
  readonly learningRate: number;
  /** Softmax temperature of the op mixture. */
  readonly temperature: number;
  /** Logit bonus of the pass-through op on the first fanin at initialisation (0 = plain random init). */
  readonly residualInit: number;
  /** Standard deviation of the random initial logits. */
  readonly initScale: number;
  /** Discretise and test every this many steps. */
  readonly checkEvery: number;
  /**
   * Logits are kept in [-logitBound, logitBound] (0 = unbounded). Adam moves
   * every logit by about the learning rate per step whatever the gradient, so
   * unbounded logits saturate the softmax, the gradients vanish and training
   * stalls on a few wrong rows; a bound keeps every gate slightly soft.
   */
  readonly logitBound: number;
}

/** Defaults of {@link DiffLogicOptions} (seed excluded). */
export const DEFAULT_DIFFLOGIC_OPTIONS: Readonly<Omit<DiffLogicOptions, 'seed'>> = Object.freeze({
  hiddenLayers: 6,
  steps: 800,
  attempts: 8,
  learningRate: 0.1,
  temperature: 1,
  residualInit: 2,
  initScale: 1,
  checkEvery: 10,
  logitBound: 5,
});

/** Hidden width used when none is given: grows with inputs and outputs. */
export function defaultWidth(numInputs: number, numOutputs: number): number {
  return Math.max(12, 4 * (numInputs + numOutputs));
}

/** What {@link trainDiffLogic} returns. */
export interface DiffLogicResult {
  /** The discretised network: the exact one when found, else the best one tested. */
  readonly network: GateNetwork;
  /** Fraction of care rows on which every cared output of the discretised network is right. */
  readonly rowAccuracy: number;
  /** Fraction of cared (row, output) pairs the discretised network gets right. */
  readonly bitAccuracy: number;
  /** Steps run, over all attempts. */
  readonly steps: number;
  /** Attempts started (1-based index of the one returned when exact). */
  readonly attempts: number;
  /** Whether the discretised network is exact on the care set. */
  readonly exact: boolean;
  /** Relaxed (soft) loss at the last step. */
  readonly loss: number;
}

/** Fixed random wiring: the two fanin nodes of every gate and the layer widths. */
interface Wiring {
  readonly layerWidths: number[];
  readonly faninA: Int32Array;
  readonly faninB: Int32Array;
}

/**
 * Fanin A of each gate walks the previous layer in shuffled order (so every
 * node of that layer is read when the layer is at least as wide); fanin B is
 * any earlier node (inputs included), other than A when possible.
 */
function randomWiring(numInputs: number, widths: readonly number[], rng: Rng): Wiring {
  const total = widths.reduce((s, w) => s + w, 0);
  const fa = new Int32Array(total), fb = new Int32Array(total);
  let prevStart = 0, prevLen = numInputs, g = 0;
  for (const width of widths) {
    const layerStart = numInputs + g;
    let perm: number[] = [];
    for (let j = 0; j < width; j++, g++) {
      if (perm.length === 0) perm = shuffled(prevLen, rng);
      const a = prevStart + perm.pop()!;
      let b = a;
      if (layerStart > 1) {
        b = rng.below(layerStart - 1);
        if (b >= a) b++;
      }
      fa[g] = a;
      fb[g] = b;
    }
    prevStart = layerStart;
    prevLen = width;
  }
  return { layerWidths: [...widths], faninA: fa, faninB: fb };
}

function shuffled(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Argmax op of each gate (ties to the lowest op, so the result is deterministic). */
function argmaxOps(logits: Float64Array, gates: number): Uint8Array {
  const ops = new Uint8Array(gates);
  for (let g = 0; g < gates; g++) {
    let best = 0;
    for (let k = 1; k < 16; k++) if (logits[g * 16 + k]! > logits[g * 16 + best]!) best = k;
    ops[g] = best;
  }
  return ops;
}

/** Row and bit accuracy of a discrete network on the data set's care pairs. */
export function networkAccuracy(net: GateNetwork, data: TruthDataset): { rowAccuracy: number; bitAccuracy: number } {
  const tables = evaluateGateNetwork(net);
  const rows = data.minterms.length;
  let goodRows = 0, goodBits = 0;
  for (let r = 0; r < rows; r++) {
    const x = data.minterms[r]!;
    let rowOk = true;
    for (let k = 0; k < data.numOutputs; k++) {
      if (!data.care[k * rows + r]) continue;
      const ok = (tables[k]!.get(x) ? 1 : 0) === data.targets[k * rows + r];
      if (ok) goodBits++;
      else rowOk = false;
    }
    if (rowOk) goodRows++;
  }
  return { rowAccuracy: rows ? goodRows / rows : 1, bitAccuracy: data.carePairs ? goodBits / data.carePairs : 1 };
}

/** Trains a difflogic network on the data set; deterministic for a given seed and options. */
export function trainDiffLogic(data: TruthDataset, options: Partial<DiffLogicOptions> & { seed: number }, names?: { inputNames?: readonly string[]; outputNames?: readonly string[] }): DiffLogicResult {
  const o: DiffLogicOptions = withDefaults(DEFAULT_DIFFLOGIC_OPTIONS, options);
  checkOptions(o);
  const rng = new Rng(o.seed);
  let best: AttemptResult | undefined;
  let steps = 0, attempts = 0;
  while (attempts < o.attempts) {
    attempts++;
    const r = trainAttempt(data, o, rng, names);
    steps += r.steps;
    if (!best || r.bitAccuracy > best.bitAccuracy) best = r;
    if (r.bitAccuracy === 1) break;
  }
  const b = best!;
  return { network: b.network, rowAccuracy: b.rowAccuracy, bitAccuracy: b.bitAccuracy, steps, attempts, exact: b.bitAccuracy === 1, loss: b.loss };
}

interface AttemptResult {
  readonly network: GateNetwork;
  readonly rowAccuracy: number;
  readonly bitAccuracy: number;
  readonly steps: number;
  readonly loss: number;
}

/** One attempt: fresh wiring and logits from `rng`, at most `o.steps` steps. */
function trainAttempt(data: TruthDataset, o: DiffLogicOptions, rng: Rng, names?: { inputNames?: readonly string[]; outputNames?: readonly string[] }): AttemptResult {
  const n = data.numInputs, m = data.numOutputs;
  const width = o.width ?? defaultWidth(n, m);
  const wiring = randomWiring(n, [...Array<number>(o.hiddenLayers).fill(width), m], rng);
  const G = wiring.faninA.length;
  const outStart = G - m;
  const logits = new Float64Array(G * 16);
  for (let i = 0; i < logits.length; i++) logits[i] = o.initScale * rng.nextGaussian();
  if (o.residualInit) for (let g = 0; g < G; g++) logits[g * 16 + OPS.A] = logits[g * 16 + OPS.A]! + o.residualInit;

  const discrete = (ops: Uint8Array): GateNetwork => ({
    numInputs: n,
    layerWidths: wiring.layerWidths,
    faninA: wiring.faninA,
    faninB: wiring.faninB,
    ops,
    outputs: Int32Array.from({ length: m }, (_, k) => n + outStart + k),
    inputNames: names?.inputNames ?? Array.from({ length: n }, (_, i) => `x${i}`),
    outputNames: names?.outputNames ?? Array.from({ length: m }, (_, k) => `y${k}`),
  });

  const relaxed = new RelaxedGateNetwork(data, wiring.faninA, wiring.faninB, o.temperature);
  const grad = new Float64Array(G * 16);
  const adam = new Adam(G * 16, { learningRate: o.learningRate });

  let best: { net: GateNetwork; row: number; bit: number } | undefined;
  let loss = NaN;
  let step = 0;
  for (; ; step++) {
    if (step % o.checkEvery === 0 || step === o.steps) {
      const net = discrete(argmaxOps(logits, G));
      const acc = networkAccuracy(net, data);
      if (!best || acc.bitAccuracy > best.bit) best = { net, row: acc.rowAccuracy, bit: acc.bitAccuracy };
      if (acc.bitAccuracy === 1 || step === o.steps) break;
    }
    loss = relaxed.lossAndGradient(logits, grad);
    adam.step(logits, grad);
    if (o.logitBound > 0) for (let i = 0; i < logits.length; i++) logits[i] = Math.min(o.logitBound, Math.max(-o.logitBound, logits[i]!));
  }
  return { network: best!.net, rowAccuracy: best!.row, bitAccuracy: best!.bit, steps: step, loss };
}

/**
 * The relaxed network on a data set: forward pass, binary cross-entropy over
 * the cared (row, output) pairs, and its gradient with respect to the logits.
 * Gates read nodes by index (inputs first); the last numOutputs gates are the
 * outputs.
 */
export class RelaxedGateNetwork {
  private readonly n: number;
  private readonly m: number;
  private readonly R: number;
  private readonly G: number;
  private readonly values: Float64Array;
  private readonly gradValues: Float64Array;
  private readonly probs: Float64Array;
  private readonly coef: Float64Array;
  private readonly gp = new Float64Array(16);
  private readonly invT: number;

  constructor(
    private readonly data: TruthDataset,
    private readonly faninA: Int32Array,
    private readonly faninB: Int32Array,
    temperature: number,
  ) {
    this.n = data.numInputs;
    this.m = data.numOutputs;
    this.R = data.minterms.length;
    this.G = faninA.length;
    this.values = new Float64Array((this.n + this.G) * this.R);
    this.values.set(data.inputs.subarray(0, this.n * this.R));
    this.gradValues = new Float64Array(this.values.length);
    this.probs = new Float64Array(this.G * 16);
    this.coef = new Float64Array(this.G * 4);
    this.invT = 1 / temperature;
  }

  /** Mean loss at `logits` (16 per gate); writes d loss / d logits into `grad`. */
  lossAndGradient(logits: Float64Array, grad: Float64Array): number {
    const { n, m, R, G, values, gradValues, probs, coef, gp, invT, data } = this;
    const wiring = { faninA: this.faninA, faninB: this.faninB };
    const outStart = G - m;
    const eps = 1e-7;
    let loss = 0;
  // forward: per gate, the op mixture reduces to four minterm coefficients c_m = P(op has bit m)
  for (let g = 0; g < G; g++) {
    const base = g * 16;
    let mx = -Infinity;
    for (let k = 0; k < 16; k++) mx = Math.max(mx, logits[base + k]! * invT);
    let z = 0;
    for (let k = 0; k < 16; k++) z += probs[base + k] = Math.exp(logits[base + k]! * invT - mx);
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (let k = 0; k < 16; k++) {
      const p = (probs[base + k] = probs[base + k]! / z);
      if (k & 1) c0 += p;
      if (k & 2) c1 += p;
      if (k & 4) c2 += p;
      if (k & 8) c3 += p;
    }
    coef[g * 4] = c0;
    coef[g * 4 + 1] = c1;
    coef[g * 4 + 2] = c2;
    coef[g * 4 + 3] = c3;
    const ka = c1 - c0, kb = c2 - c0, kab = c0 - c1 - c2 + c3;
    const ya = wiring.faninA[g]! * R, yb = wiring.faninB[g]! * R, y = (n + g) * R;
    for (let r = 0; r < R; r++) {
      const a = values[ya + r]!, b = values[yb + r]!;
      values[y + r] = c0 + ka * a + kb * b + kab * a * b;
    }
  }
  // loss: binary cross-entropy over the cared (row, output) pairs
  gradValues.fill(0);
  loss = 0;
  for (let k = 0; k < m; k++) {
    const y = (n + outStart + k) * R;
    for (let r = 0; r < R; r++) {
      if (!data.care[k * R + r]) continue;
      const p = Math.min(1 - eps, Math.max(eps, values[y + r]!));
      const t = data.targets[k * R + r]!;
      loss -= t ? Math.log(p) : Math.log(1 - p);
      gradValues[y + r] = (p - t) / (p * (1 - p)) / data.carePairs;
    }
  }
  loss /= data.carePairs;
  // backward, gates in reverse order
  grad.fill(0);
  for (let g = G - 1; g >= 0; g--) {
    const c0 = coef[g * 4]!, c1 = coef[g * 4 + 1]!, c2 = coef[g * 4 + 2]!, c3 = coef[g * 4 + 3]!;
    const ka = c1 - c0, kb = c2 - c0, kab = c0 - c1 - c2 + c3;
    const ya = wiring.faninA[g]! * R, yb = wiring.faninB[g]! * R, y = (n + g) * R;
    let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
    for (let r = 0; r < R; r++) {
      const gy = gradValues[y + r]!;
      if (gy === 0) continue;
      const a = values[ya + r]!, b = values[yb + r]!;
      g0 += gy * (1 - a) * (1 - b);
      g1 += gy * a * (1 - b);
      g2 += gy * (1 - a) * b;
      g3 += gy * a * b;
      gradValues[ya + r] = gradValues[ya + r]! + gy * (ka + kab * b);
      gradValues[yb + r] = gradValues[yb + r]! + gy * (kb + kab * a);
    }
    // through c_m = sum of p_k over ops k with bit m, then the softmax
    const base = g * 16;
    let dot = 0;
    for (let k = 0; k < 16; k++) {
      gp[k] = (k & 1 ? g0 : 0) + (k & 2 ? g1 : 0) + (k & 4 ? g2 : 0) + (k & 8 ? g3 : 0);
      dot += probs[base + k]! * gp[k]!;
    }
    for (let k = 0; k < 16; k++) grad[base + k] = probs[base + k]! * (gp[k]! - dot) * invT;
  }
    return loss;
  }
}

function checkOptions(o: DiffLogicOptions): void {
  const bad = (what: string): never => {
    throw new UsageError(`difflogic: ${what}`, 'bad-param');
  };
  if (!Number.isInteger(o.hiddenLayers) || o.hiddenLayers < 0 || o.hiddenLayers > 64) bad(`hiddenLayers must be an integer in 0..64, got ${o.hiddenLayers}`);
  if (o.width !== undefined && (!Number.isInteger(o.width) || o.width < 1 || o.width > 4096)) bad(`width must be an integer in 1..4096, got ${o.width}`);
  if (!Number.isInteger(o.steps) || o.steps < 0) bad(`steps must be a non-negative integer, got ${o.steps}`);
  if (!Number.isInteger(o.attempts) || o.attempts < 1) bad(`attempts must be a positive integer, got ${o.attempts}`);
  if (!Number.isInteger(o.checkEvery) || o.checkEvery < 1) bad(`checkEvery must be a positive integer, got ${o.checkEvery}`);
  if (!(o.learningRate > 0) || !(o.temperature > 0) || !(o.initScale >= 0) || !Number.isFinite(o.residualInit) || !(o.logitBound >= 0)) bad('learningRate and temperature must be positive, initScale and logitBound non-negative, residualInit finite');
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) bad(`seed must be an integer in 0..2^32-1, got ${o.seed}`);
}
