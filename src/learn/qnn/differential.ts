/**
 * The differential check: an integer network against the float64
 * interpreter of the original graph (float-interpret.ts), on seeded inputs:
 * random values at several bit densities, and inputs found by local search
 * that put a first-layer sum exactly on one of its thresholds. Per sample it
 * compares the class scores (tensor ~ mul * score + add), argmax when the
 * network says argmax is valid, and, when the network has the importer's
 * layer structure, every layer's values against the graph tensors they stand
 * for. Decisions the interpreter counts as ties (within its tolerance of a
 * boundary) are taken on the >= side, which the exact network must match.
 */
import { codeBits, codeRange, codeValue, evaluateIntNetwork, firstArgmax, type IntNetwork } from './network.js';
import { interpretGraph } from './float-interpret.js';
import { decodeQonnx, type QGraph } from './qonnx-read.js';
import { qonnxToIntNetwork, type QonnxImportOptions } from './to-int-network.js';
import { Rng } from '../../util/rng.js';
import type { Circuit } from '../../core/circuit.js';
import { simulateOutputs } from '../../core/simulate.js';
import type { IntOutputMode } from './compile.js';

/** Options of {@link differentialCheck}. */
export interface DifferentialOptions extends QonnxImportOptions {
  /** Number of inputs to check (default 10,000). */
  readonly samples?: number;
  /** Seed of the input generator (default 1). */
  readonly seed?: number;
  /** Relative tolerance of value comparisons (default 1e-6) and of ties in the interpreter (default 1e-9). */
  readonly valueTolerance?: number;
  readonly tieTolerance?: number;
  /**
   * An extracted circuit to check too: each sample's input values are encoded
   * into its input bits (in the network's input order, each value's bits least
   * significant first), the circuit is simulated, and its outputs decoded and
   * compared with the graph's outputs (argmax, or scores through the import's
   * affine map); `bits` outputs are compared with the exact network's last layer.
   */
  readonly circuit?: CircuitUnderCheck;
}

/** The circuit side of a differential check. */
export interface CircuitUnderCheck {
  readonly circuit: Circuit;
  readonly output: IntOutputMode;
  /** Output bits per neuron of the last compiled layer (scores and bits), in output order. */
  readonly outputWidths: readonly number[];
}

/** One disagreement, replayable: the network's input values and what differed. */
export interface Disagreement {
  readonly sample: number;
  readonly inputValues: readonly bigint[];
  readonly what: string;
}

/** What the check found. */
export interface DifferentialResult {
  readonly checked: number;
  readonly disagreements: number;
  /** Interpreter decisions within tolerance of a boundary, over all samples. */
  readonly ties: number;
  /** Samples whose first-layer sum the search put exactly on a threshold. */
  readonly onThreshold: number;
  /** Whether hidden layers were compared too (the network has the importer's structure). */
  readonly layersCompared: boolean;
  readonly firstDisagreements: readonly Disagreement[];
  /** Samples on which the circuit's outputs were compared with the graph (0 without a circuit), and how many differed. */
  readonly circuitChecked: number;
  readonly circuitDisagreements: number;
  readonly ms: number;
}

const DENSITIES = [0.05, 0.25, 0.5, 0.75, 0.95];

/** Runs the check; see the module doc. `model` is the QONNX bytes (or its decoded graph). */
export async function differentialCheck(model: Uint8Array | QGraph, net: IntNetwork, options: DifferentialOptions = {}): Promise<DifferentialResult> {
  const t0 = performance.now();
  const g = model instanceof Uint8Array ? await decodeQonnx(model) : model;
  const imp = qonnxToIntNetwork(g, options);
  const samples = options.samples ?? 10000;
  const rng = new Rng(options.seed ?? 1);
  const vtol = options.valueTolerance ?? 1e-6;
  const sameShape = imp.network.layers.length === net.layers.length && imp.network.layers.every((l, i) => l.bias.length === net.layers[i]!.bias.length);
  const evaluate = fastEvaluator(net);
  let disagreements = 0, ties = 0, onThreshold = 0;
  const first: Disagreement[] = [];
  // with a circuit: every sample's input values, graph outputs and whether the graph's argmax was a tie
  const kept: { values: bigint[]; y: Float64Array; argmaxTie: boolean; layers: (number | bigint)[][] }[] = [];
  // input values the model's quantizers can produce (narrow ranges leave one value of the code out)
  const bounds = imp.rawInputs.flatMap((m) => {
    const len = m.dims.reduce((p, d) => p * d, 1);
    return Array.from({ length: len }, (_, e) => (m.kind === 'quantized' ? { min: m.min[e]!, max: m.max[e]! } : undefined));
  });
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= vtol * Math.max(1, Math.abs(a), Math.abs(b));

  for (let s = 0; s < samples; s++) {
    const density = DENSITIES[s % DENSITIES.length]!;
    const values = net.inputs.map((inp) => {
      if (inp.code.kind === 'bipolar') return rng.nextFloat() < density ? 1n : -1n;
      const bits = Array.from({ length: codeBits(inp.code) }, () => rng.nextFloat() < density);
      return codeValue(inp.code, bits);
    });
    if (s % 3 === 2 && hitThreshold(net, values, rng, bounds)) onThreshold++;
    clampToBounds(values, bounds);
    // raw graph inputs
    let r = 0;
    const raw = imp.rawInputs.map((m) => {
      const len = m.dims.reduce((p, d) => p * d, 1);
      const x = new Float64Array(len);
      for (let e = 0; e < len; e++, r++) x[e] = m.kind === 'integer' ? Number(values[r]!) : m.scale[e]! * Number(values[r]!) + m.offset[e]!;
      return x;
    });
    const run = interpretGraph(g, raw, { tieTolerance: options.tieTolerance ?? 1e-9 });
    ties += run.ties;
    const layerValues = evaluate(values);
    const scores = layerValues[layerValues.length - 1]!;
    const problems: string[] = [];
    const y = run.values.get(imp.scores.tensor)!.data;
    scores.forEach((sc, k) => {
      const want = imp.scores.mul[k]! * Number(sc) + imp.scores.add[k]!;
      if (!close(y[k]!, want)) problems.push(`score ${k}: graph ${y[k]}, network ${sc} (stands for ${want})`);
    });
    if (net.argmax.valid) {
      let best = 0;
      for (let k = 1; k < y.length; k++) if (y[k]! > y[best]!) best = k;
      const tie = Array.from(y).some((v, k) => k !== best && close(v, y[best]!));
      if (!tie && firstArgmax(scores.map((v) => BigInt(v))) !== best) problems.push(`argmax: graph ${best}, network ${firstArgmax(scores.map((v) => BigInt(v)))}`);
    }
    if (sameShape) {
      imp.layerMaps.forEach((m, l) => {
        const t = run.values.get(m.tensor)!.data;
        m.elements.forEach((el, i) => {
          const want = m.base[i]! + m.step[i]! * Number(layerValues[l]![i]!);
          if (!close(t[el]!, want)) problems.push(`layer ${l} neuron ${i}: graph ${t[el]}, network ${want}`);
        });
      });
    }
    if (options.circuit !== undefined) {
      let best = 0;
      for (let k = 1; k < y.length; k++) if (y[k]! > y[best]!) best = k;
      kept.push({ values: [...values], y: Float64Array.from(y), argmaxTie: Array.from(y).some((v, k) => k !== best && close(v, y[best]!)), layers: layerValues.map((l) => [...l]) });
    }
    if (problems.length) {
      disagreements++;
      if (first.length < 5) first.push({ sample: s, inputValues: values, what: problems.slice(0, 3).join('; ') });
    }
  }
  let circuitDisagreements = 0;
  if (options.circuit !== undefined) {
    const bad = compareCircuit(options.circuit, net, kept, imp.scores, close);
    circuitDisagreements = bad.length;
    for (const b of bad) if (first.length < 5) first.push({ sample: b.sample, inputValues: kept[b.sample]!.values, what: `circuit: ${b.what}` });
  }
  return {
    checked: samples,
    disagreements,
    ties,
    onThreshold,
    layersCompared: sameShape,
    firstDisagreements: first,
    circuitChecked: options.circuit === undefined ? 0 : kept.length,
    circuitDisagreements,
    ms: performance.now() - t0,
  };
}

/**
 * Simulates the circuit on every kept sample (bit-parallel, 32 samples a
 * word) and compares its decoded outputs with the graph's; returns the
 * samples that differ.
 */
function compareCircuit(
  under: CircuitUnderCheck,
  net: IntNetwork,
  kept: readonly { values: bigint[]; y: Float64Array; argmaxTie: boolean; layers: (number | bigint)[][] }[],
  scores: { readonly mul: readonly number[]; readonly add: readonly number[] },
  close: (a: number, b: number) => boolean,
): { sample: number; what: string }[] {
  const c = under.circuit;
  const widths = net.inputs.map((i) => codeBits(i.code));
  const totalBits = widths.reduce((a, b) => a + b, 0);
  if (totalBits !== c.numInputs) return [{ sample: 0, what: `the circuit has ${c.numInputs} inputs, the network ${totalBits} input bits` }];
  // input bit k of sample s
  const firstBit: number[] = [];
  widths.reduce((acc, w) => (firstBit.push(acc), acc + w), 0);
  const owner = new Int32Array(totalBits), bitIndex = new Int32Array(totalBits);
  widths.forEach((w, j) => {
    for (let b = 0; b < w; b++) [owner[firstBit[j]! + b], bitIndex[firstBit[j]! + b]] = [j, b];
  });
  const inputBit = (s: number, k: number): boolean => {
    const v = kept[s]!.values[owner[k]!]!;
    const code = net.inputs[owner[k]!]!.code;
    return code.kind === 'bipolar' ? v > 0n : ((BigInt.asUintN(widths[owner[k]!]!, v) >> BigInt(bitIndex[k]!)) & 1n) === 1n;
  };
  const words = Math.ceil(kept.length / 32);
  const outs = simulateOutputs(c, words, (input, firstWord, dst) => {
    for (let w = 0; w < dst.length; w++) {
      let word = 0;
      for (let b = 0; b < 32; b++) {
        const s = (firstWord + w) * 32 + b;
        if (s < kept.length && inputBit(s, input)) word |= 1 << b;
      }
      dst[w] = word >>> 0;
    }
  });
  const outBit = (o: number, s: number): boolean => ((outs[o]![s >>> 5]! >>> (s & 31)) & 1) === 1;
  const unsigned = (from: number, width: number, s: number): bigint => {
    let v = 0n;
    for (let k = 0; k < width; k++) if (outBit(from + k, s)) v |= 1n << BigInt(k);
    return v;
  };
  const starts: number[] = [];
  under.outputWidths.reduce((acc, w) => (starts.push(acc), acc + w), 0);
  if (under.output !== 'argmax' && starts.length && starts[starts.length - 1]! + under.outputWidths[under.outputWidths.length - 1]! !== c.outputs.length) {
    return [{ sample: 0, what: `output widths ${under.outputWidths.join('+')} do not add up to the circuit's ${c.outputs.length} outputs` }];
  }
  // bits: the last threshold layer (a trailing scores layer is not compiled in that mode)
  const bitsLayer = net.layers[net.layers.length - 1]!.activation.kind === 'scores' ? net.layers.length - 2 : net.layers.length - 1;
  const bad: { sample: number; what: string }[] = [];
  for (let s = 0; s < kept.length; s++) {
    const { y, argmaxTie, layers } = kept[s]!;
    let what: string | undefined;
    if (under.output === 'argmax') {
      let best = 0;
      for (let k = 1; k < y.length; k++) if (y[k]! > y[best]!) best = k;
      const got = Number(unsigned(0, c.outputs.length, s));
      if (!argmaxTie && got !== best) what = `argmax: graph ${best}, circuit ${got}`;
    } else if (under.output === 'scores') {
      for (let k = 0; k < under.outputWidths.length && what === undefined; k++) {
        const v = BigInt.asIntN(under.outputWidths[k]!, unsigned(starts[k]!, under.outputWidths[k]!, s));
        const want = scores.mul[k]! * Number(v) + scores.add[k]!;
        if (!close(y[k]!, want)) what = `score ${k}: graph ${y[k]}, circuit ${v} (stands for ${want})`;
      }
    } else {
      const act = net.layers[bitsLayer]!.activation;
      const bipolar = act.kind === 'thresholds' && act.code.kind === 'bipolar';
      for (let i = 0; i < under.outputWidths.length && what === undefined; i++) {
        const got = unsigned(starts[i]!, under.outputWidths[i]!, s);
        const want = BigInt(layers[bitsLayer]![i]!);
        if (bipolar ? (got === 1n) !== want > 0n : got !== want) what = `neuron ${i} of the last threshold layer: network ${want}, circuit ${got}`;
      }
    }
    if (what !== undefined) bad.push({ sample: s, what });
  }
  return bad;
}

/**
 * Exact layer values (sums for scores, activation values otherwise) of the
 * network: in doubles when every sum is provably below 2^53 in magnitude,
 * else with evaluateIntNetwork's bigints.
 */
export function fastEvaluator(net: IntNetwork): (values: readonly bigint[]) => (number | bigint)[][] {
  const LIMIT = 2n ** 52n;
  let bound = net.inputs.reduce((p, i) => {
    const r = codeRange(i.code);
    const m = r.max > -r.min ? r.max : -r.min;
    return m > p ? m : p;
  }, 1n);
  let safe = true;
  for (const l of net.layers) {
    let worst = 0n;
    l.weights.forEach((row, i) => {
      let s = l.bias[i]! < 0n ? -l.bias[i]! : l.bias[i]!;
      for (const w of row) s += (w < 0n ? -w : w) * bound;
      if (s > worst) worst = s;
      if (l.activation.kind === 'thresholds') for (const t of l.activation.thresholds[i]!) if (t > LIMIT || -t > LIMIT) safe = false;
    });
    if (worst > LIMIT) safe = false;
    bound = l.activation.kind === 'scores' ? worst : l.activation.code.kind === 'bipolar' ? 1n : BigInt(Math.max(1, ...l.activation.thresholds.map((t) => t.length)));
  }
  if (!safe) return (values) => evaluateIntNetwork(net, values).values.map((v) => [...v]);
  const layers = net.layers.map((l) => ({
    w: l.weights.map((r) => Float64Array.from(r, Number)),
    b: l.bias.map(Number),
    act: l.activation,
    t: l.activation.kind === 'thresholds' ? l.activation.thresholds.map((ts) => ts.map(Number)) : [],
  }));
  return (values) => {
    let below = values.map(Number);
    const out: number[][] = [];
    for (const l of layers) {
      const v = l.w.map((row, i) => {
        let s = l.b[i]!;
        for (let j = 0; j < row.length; j++) if (row[j] !== 0) s += row[j]! * below[j]!;
        if (l.act.kind === 'scores') return s;
        let c = 0;
        for (const t of l.t[i]!) if (s >= t) c++;
        return l.act.code.kind === 'bipolar' ? (c > 0 ? 1 : -1) : c;
      });
      out.push(v);
      below = v;
    }
    return out;
  };
}

type Bounds = readonly ({ readonly min: bigint; readonly max: bigint } | undefined)[];

function clampToBounds(values: bigint[], bounds: Bounds): void {
  values.forEach((v, j) => {
    const b = bounds[j];
    if (b !== undefined) values[j] = v < b.min ? b.min : v > b.max ? b.max : v;
  });
}

/** Local search: changes input values (within their bounds) until some first-layer neuron's sum equals one of its thresholds. */
function hitThreshold(net: IntNetwork, values: bigint[], rng: Rng, bounds: Bounds): boolean {
  const l = net.layers[0]!;
  if (l.activation.kind !== 'thresholds' || l.bias.length === 0) return false;
  const i = rng.below(l.bias.length);
  const ts = l.activation.thresholds[i]!;
  const target = ts[rng.below(ts.length)]!;
  const row = l.weights[i]!;
  const support = row.flatMap((w, j) => (w !== 0n ? [j] : []));
  if (support.length === 0) return false;
  // doubles: exact while |sum| stays below 2^50 (checked), else no search
  clampToBounds(values, bounds);
  const ranges = support.map((j) => {
    const r = codeRange(net.inputs[j]!.code), b = bounds[j];
    return b === undefined ? r : { min: b.min > r.min ? b.min : r.min, max: b.max < r.max ? b.max : r.max };
  });
  const big = ranges.reduce((p, r, k) => p + abs(row[support[k]!]!) * (abs(r.min) > r.max ? abs(r.min) : r.max), abs(l.bias[i]!) + abs(target));
  if (big >= 2n ** 50n) return false;
  const w = support.map((j) => Number(row[j]!));
  const cands = support.map((j, k) => {
    const code = net.inputs[j]!.code, r = ranges[k]!;
    if (code.kind === 'bipolar') return [-1, 1];
    return r.max - r.min <= 16n ? Array.from({ length: Number(r.max - r.min) + 1 }, (_, c) => Number(r.min) + c) : [Number(r.min), Number(r.max)];
  });
  const v = support.map((j) => Number(values[j]!));
  const t = Number(target);
  let sum = Number(l.bias[i]!) + w.reduce((p, wk, k) => p + wk * v[k]!, 0);
  for (let step = 0; step < 4 * support.length + 64 && sum !== t; step++) {
    const k = rng.below(support.length);
    let bestV = v[k]!, bestD = Math.abs(sum - t);
    for (const c of cands[k]!) {
      const d = Math.abs(sum + w[k]! * (c - v[k]!) - t);
      if (d < bestD) [bestV, bestD] = [c, d];
    }
    sum += w[k]! * (bestV - v[k]!);
    v[k] = bestV;
  }
  support.forEach((j, k) => (values[j] = BigInt(v[k]!)));
  return sum === t;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
