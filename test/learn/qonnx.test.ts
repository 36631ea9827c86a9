import { describe, expect, it } from 'vitest';
import { UnsupportedError, UsageError } from '../../src/errors.js';
import { differentialCheck, importQonnx, readQuantizedModel } from '../../src/learn/index.js';
import { extractIntNetwork } from '../../src/learn/qnn/extract.js';
import type { IntNetwork } from '../../src/learn/qnn/network.js';
import { BREVITAS, buildModel, FINN, matrix, QONNX, scalar, vector, type ModelSpec, type NodeSpec } from '../helpers/qonnx-builder.js';

const SAMPLES = 10000;

/**
 * Imports the model, extracts its circuit (proven neuron by neuron), and runs
 * the differential check of network and circuit against the float graph; returns both.
 */
async function importAndCheck(spec: ModelSpec, options: { inputBits?: number; inputSigned?: boolean } = {}, seed = 5) {
  const bytes = await buildModel(spec);
  const imp = await importQonnx(bytes, 'm.onnx', options);
  const extracted = extractIntNetwork(imp.network);
  expect(extracted.status).toBe('proven');
  const last = extracted.compiled.layers[extracted.compiled.layers.length - 1]!;
  const circuit = { circuit: extracted.circuit, output: extracted.compiled.output, outputWidths: last.map((n) => n.outputs.length) };
  const check = await differentialCheck(bytes, imp.network, { ...options, samples: SAMPLES, seed, circuit });
  expect(check.disagreements, JSON.stringify(check.firstDisagreements, (_, v) => (typeof v === 'bigint' ? String(v) : v))).toBe(0);
  expect(check.circuitDisagreements, JSON.stringify(check.firstDisagreements, (_, v) => (typeof v === 'bigint' ? String(v) : v))).toBe(0);
  expect([check.checked, check.circuitChecked]).toEqual([SAMPLES, SAMPLES]);
  return { bytes, net: imp.network, check };
}

const thresholdsOf = (net: IntNetwork, l: number): bigint[][] => {
  const a = net.layers[l]!.activation;
  return a.kind === 'thresholds' ? a.thresholds.map((t) => [...t]) : [];
};

// a bipolar input from {0, 1} floats: x * 2 - 1, then BipolarQuant
const bipolarInput = (x: string, n: number): { nodes: NodeSpec[]; inits: ModelSpec['inits'] } => ({
  nodes: [
    { op: 'Mul', inputs: [x, 'two'], output: 'x2' },
    { op: 'Sub', inputs: ['x2', 'one'], output: 'x3' },
    { op: 'BipolarQuant', domain: BREVITAS, inputs: ['x3', 'one'], output: 'xq' },
  ],
  inits: { two: scalar(2), one: scalar(1), dummy: vector(new Array<number>(n).fill(0)) },
});

describe('QONNX import: every op folds exactly (extracted, proven, and differential-checked on 10,000 inputs each)', () => {
  it('BipolarQuant input, Gemm (alpha, beta, transB), BatchNormalization with a negative gamma, per-class rational output scales', async () => {
    const inp = bipolarInput('x', 8);
    const spec: ModelSpec = {
      inputs: [{ name: 'x', dims: [1, 8] }],
      inits: {
        ...inp.inits,
        W: matrix([[0.5, -1.25, 1, 0.75, -0.5, 1, 0.25, -1], [1, 1, 1, 1, -1, -1, -1, -1], [0.3, -0.7, 0.1, 0.9, 0.2, -0.4, 0.6, 0.05], [2, 0, -2, 1, 0, 0, 1, -1]]),
        C: vector([0.1, -0.5, 0.25, 0]),
        gamma: vector([1.5, -0.75, 2, -1]), beta: vector([0.2, 0.1, -0.3, 0.05]), mean: vector([0.5, -0.25, 0, 1]), var: vector([2, 0.3, 1.7, 4]),
        W2: matrix([[1, -1, 0.5], [-0.5, 1, 1], [1, 1, -1], [0.25, -0.75, 1]]), b2: vector([0.125, 0, -0.375]), cls: vector([0.5, 0.25, 2], [1, 3]),
      },
      nodes: [
        ...inp.nodes,
        { op: 'Gemm', inputs: ['xq', 'W', 'C'], output: 'g', attrs: { transB: 1, alpha: 0.5, beta: 2 } },
        { op: 'BatchNormalization', inputs: ['g', 'gamma', 'beta', 'mean', 'var'], output: 'bn', attrs: { epsilon: 1e-5 } },
        { op: 'BipolarQuant', domain: BREVITAS, inputs: ['bn', 'half'], output: 'h' },
        { op: 'MatMul', inputs: ['h', 'W2'], output: 'm' },
        { op: 'Add', inputs: ['m', 'b2'], output: 'a' },
        { op: 'Mul', inputs: ['a', 'cls'], output: 'y' },
      ],
    };
    (spec.inits as Record<string, unknown>)['half'] = scalar(0.5);
    const { net } = await importAndCheck(spec);
    expect(net.inputs.map((i) => i.name)).toEqual(Array.from({ length: 8 }, (_, k) => `x[${k}]`));
    expect(net.inputs.every((i) => i.code.kind === 'bipolar')).toBe(true);
    expect(net.layers.map((l) => l.activation.kind)).toEqual(['thresholds', 'scores']);
    // gamma < 0 flips the comparison: neuron 1's weights are the negated Gemm row (times its common denominator)
    const row1 = net.layers[0]!.weights[1]!;
    expect(row1.slice(0, 4).every((w) => w < 0n) && row1.slice(4).every((w) => w > 0n)).toBe(true);
    expect(net.argmax.valid).toBe(true);
    expect(net.argmax.reason).toMatch(/exactly \d+ times the model outputs.*per-class scales/);
  });

  it('Quant input (unsigned 4 bits, narrow: 15 never occurs), Quant-folded per-channel weights, Add bias, Relu + Quant activation, Gemm, Softmax', async () => {
    const spec: ModelSpec = {
      inputs: [{ name: 'in', dims: [1, 6] }],
      inits: {
        s: scalar(0.25), z: scalar(0), b4: scalar(4), b3: scalar(3), b2: scalar(2),
        Wf: matrix([[0.9, -0.3, 0.5, 1.2, -1.1], [0.2, 0.4, -0.8, 0.1, 0.6], [-0.5, 0.7, 0.3, -0.2, 0.9], [1.0, -1.0, 0.2, 0.3, -0.4], [0.05, 0.6, -0.6, 0.8, 0.1], [-0.9, 0.2, 0.4, -0.7, 0.3]]),
        ws: vector([0.25, 0.5, 0.125, 0.375, 0.3], [1, 5]), bias: vector([0.5, -1, 0.2, 0, 1.5]), as: scalar(0.3),
        G: matrix([[1, 0.5, -0.5], [-1, 1, 0.25], [0.5, -0.5, 1], [1, 1, 1], [-0.25, 0.75, -1]]), gb: vector([0.1, 0.2, 0.3]),
      },
      nodes: [
        { op: 'Quant', domain: QONNX, inputs: ['in', 's', 'z', 'b4'], output: 'q', attrs: { signed: 0, narrow: 1, rounding_mode: 'ROUND' } },
        { op: 'Quant', domain: QONNX, inputs: ['Wf', 'ws', 'z', 'b3'], output: 'W', attrs: { signed: 1, narrow: 1 } },
        { op: 'MatMul', inputs: ['q', 'W'], output: 'm' },
        { op: 'Add', inputs: ['m', 'bias'], output: 'a' },
        { op: 'Relu', inputs: ['a'], output: 'r' },
        { op: 'Quant', domain: QONNX, inputs: ['r', 'as', 'z', 'b2'], output: 'h', attrs: { signed: 0 } },
        { op: 'Gemm', inputs: ['h', 'G', 'gb'], output: 'logits' },
        { op: 'Softmax', inputs: ['logits'], output: 'p', attrs: { axis: -1 } },
      ],
    };
    const { net } = await importAndCheck(spec);
    expect(net.inputs[0]).toEqual({ name: 'in[0]', code: { kind: 'unsigned', bits: 4 } });
    const act = net.layers[0]!.activation;
    expect(act.kind === 'thresholds' && act.code).toEqual({ kind: 'unsigned', bits: 2 });
    expect(net.argmax.valid).toBe(true);
    expect(net.argmax.reason).toMatch(/Softmax/);
  });

  for (const mode of ['ROUND', 'HALF_UP', 'HALF_DOWN', 'CEIL', 'FLOOR', 'UP', 'DOWN']) {
    it(`Quant activation, signed narrow with a zero point, rounding ${mode}: sums land exactly on rounding boundaries`, async () => {
      const inp = bipolarInput('x', 6);
      const spec: ModelSpec = {
        inputs: [{ name: 'x', dims: [1, 6] }],
        inits: {
          ...inp.inits, s: scalar(0.25), zp: scalar(mode === 'ROUND' ? 0 : 1), b3: scalar(3),
          W: { dims: [6, 3], values: [0.125, 0.5, -0.375, -0.25, 0.5, 0.125, 0.375, -0.25, 0.25, 0.5, 0.125, -0.5, -0.125, 0.125, 0.375, 0.25, -0.375, 0.125] },
          b: vector([0.0625, 0, 0]),
          V: matrix([[1, -1], [0.5, 1], [-1, 0.25]]),
        },
        nodes: [
          ...inp.nodes,
          { op: 'MatMul', inputs: ['xq', 'W'], output: 'm' },
          { op: 'Add', inputs: ['m', 'b'], output: 'a' },
          { op: 'Quant', domain: QONNX, inputs: ['a', 's', 'zp', 'b3'], output: 'h', attrs: { signed: 1, narrow: 1, rounding_mode: mode.toLowerCase() } },
          { op: 'MatMul', inputs: ['h', 'V'], output: 'y' },
        ],
      };
      const { check } = await importAndCheck(spec);
      // sums of multiples of 1/8 divided by 1/4: halves are reached, and the float interpreter sees them as ties
      expect(check.ties).toBeGreaterThan(0);
      expect(check.onThreshold).toBeGreaterThan(0);
    });
  }

  it('MultiThreshold (finn domain, unsorted per-channel thresholds, out_scale / out_bias) on integer inputs given by inputBits', async () => {
    const spec: ModelSpec = {
      inputs: [{ name: 'v', dims: [1, 4] }],
      inits: {
        W: matrix([[1, -2, 0.5], [3, 1, -1], [-1, 0.5, 2], [0, 1, 1]]),
        T: matrix([[2.5, -1, 0, 4], [3, 1, -2, 0.5], [1, 1, 6, -3]]),
        V: matrix([[1, 0], [0, 1], [-1, 1]]),
      },
      nodes: [
        { op: 'MatMul', inputs: ['v', 'W'], output: 'm' },
        { op: 'MultiThreshold', domain: FINN, inputs: ['m', 'T'], output: 'h', attrs: { out_scale: 0.5, out_bias: -1, out_dtype: 'INT3' } },
        { op: 'MatMul', inputs: ['h', 'V'], output: 'y' },
      ],
    };
    const { net, check } = await importAndCheck(spec, { inputBits: 3 });
    expect(net.inputs[2]).toEqual({ name: 'v[2]', code: { kind: 'unsigned', bits: 3 } });
    expect(check.ties).toBeGreaterThan(0);
    const signed = await importAndCheck(spec, { inputBits: 4, inputSigned: true });
    expect(signed.net.inputs[0]!.code).toEqual({ kind: 'signed', bits: 4 });
  });

  it('Trunc (version 1 and version 2) after an integer accumulator', async () => {
    const base = (trunc: NodeSpec, extra: NonNullable<ModelSpec['inits']>): ModelSpec => ({
      inputs: [{ name: 'x', dims: [1, 5] }],
      inits: {
        s1: scalar(1), z: scalar(0), b4: scalar(4), in8: scalar(8), out5: scalar(5), out3: scalar(3),
        W: matrix([[3, -5, 7], [-2, 6, 1], [4, 4, -3], [7, -1, 2], [-6, 3, 5]]), V: matrix([[1, -1], [2, 1], [-1, 1]]), ...extra,
      },
      nodes: [
        { op: 'Quant', domain: QONNX, inputs: ['x', 's1', 'z', 'b4'], output: 'q', attrs: { signed: 1 } },
        { op: 'MatMul', inputs: ['q', 'W'], output: 'acc' },
        trunc,
        { op: 'MatMul', inputs: ['t', 'V'], output: 'y' },
      ],
    });
    await importAndCheck(base({ op: 'Trunc', domain: QONNX, inputs: ['acc', 's1', 'z', 'in8', 'out5'], output: 't' }, {}));
    await importAndCheck(base({ op: 'Trunc', domain: QONNX, inputs: ['acc', 's1', 'z', 'in8', 'os', 'out3'], output: 't', attrs: { rounding_mode: 'ROUND', signed: 1 } }, { os: scalar(8) }));
  });

  it('Sign: three values when a sum can be 0, a bipolar code when it cannot', async () => {
    const model = (bias: number): ModelSpec => {
      const inp = bipolarInput('x', 4);
      return {
        inputs: [{ name: 'x', dims: [1, 4] }],
        inits: { ...inp.inits, W: matrix([[1, 1], [1, -1], [-1, 1], [1, 1]]), b: vector([bias, bias]), V: matrix([[1, 2], [-1, 1]]) },
        nodes: [...inp.nodes, { op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'Add', inputs: ['m', 'b'], output: 'a' }, { op: 'Sign', inputs: ['a'], output: 'h' }, { op: 'MatMul', inputs: ['h', 'V'], output: 'y' }],
      };
    };
    const three = await importAndCheck(model(0));
    const a3 = three.net.layers[0]!.activation;
    expect(a3.kind === 'thresholds' && a3.code).toEqual({ kind: 'unsigned', bits: 2 });
    const two = await importAndCheck(model(0.5));
    const a2 = two.net.layers[0]!.activation;
    expect(a2.kind === 'thresholds' && a2.code).toEqual({ kind: 'bipolar' });
  });

  it('plumbing: Shape -> Gather -> Unsqueeze -> Concat -> Reshape, Transpose, Flatten, Identity, Div, Neg, Pow, Sqrt folded on constants, IntQuant name', async () => {
    const spec: ModelSpec = {
      inputs: [{ name: 'img', dims: [1, 1, 2, 3] }],
      inits: {
        zero: { dims: [], values: [0], int64: true }, minus1: { dims: [1], values: [-1], int64: true }, half: scalar(0.5), one: scalar(1), nine: scalar(9), p: scalar(0.5), four: scalar(4),
        Wt: matrix([[1, -1, 1, 1, -1, 0.5], [0.5, 1, -1, 1, 1, -1], [-1, 0.25, 1, -0.5, 1, 1], [1, 1, 1, -1, -1, -1]]), b8: scalar(8), s: scalar(0.5), z: scalar(0), V: matrix([[1, -1], [1, 1], [-1, 1], [0.5, 0.5]]),
      },
      nodes: [
        { op: 'Shape', inputs: ['img'], output: 'sh' },
        { op: 'Gather', inputs: ['sh', 'zero'], output: 'n', attrs: { axis: 0 } },
        { op: 'Unsqueeze', inputs: ['n'], output: 'n1', attrs: { axes: [0] } },
        { op: 'Concat', inputs: ['n1', 'minus1'], output: 'shape', attrs: { axis: 0 } },
        { op: 'Reshape', inputs: ['img', 'shape'], output: 'flat' },
        { op: 'Div', inputs: ['flat', 'half'], output: 'd' },
        { op: 'Sub', inputs: ['d', 'one'], output: 'c' },
        { op: 'Identity', inputs: ['c'], output: 'ci' },
        { op: 'BipolarQuant', domain: QONNX, inputs: ['ci', 'one'], output: 'xq' },
        { op: 'Pow', inputs: ['nine', 'p'], output: 'three' },
        { op: 'Sqrt', inputs: ['four'], output: 'two' },
        { op: 'Transpose', inputs: ['Wt'], output: 'W0', attrs: { perm: [1, 0] } },
        { op: 'Mul', inputs: ['W0', 'three'], output: 'W1' },
        { op: 'Div', inputs: ['W1', 'two'], output: 'W2' },
        { op: 'Neg', inputs: ['W2'], output: 'W' },
        { op: 'MatMul', inputs: ['xq', 'W'], output: 'm' },
        { op: 'Flatten', inputs: ['m'], output: 'mf', attrs: { axis: 1 } },
        { op: 'IntQuant', domain: QONNX, inputs: ['mf', 's', 'z', 'b8'], output: 'h', attrs: { signed: 1 } },
        { op: 'MatMul', inputs: ['h', 'V'], output: 'y' },
      ],
    };
    const { net } = await importAndCheck(spec);
    expect(net.inputs.map((i) => i.name)).toEqual(['img[0]', 'img[1]', 'img[2]', 'img[3]', 'img[4]', 'img[5]']);
  });

  it('a 2W2A layer as Brevitas exports it: 2-bit Quant weights, BatchNormalization (one gamma negative), 2-bit signed Quant activation', async () => {
    const inp = bipolarInput('x', 10);
    const rng = (k: number): number => Math.sin(k * 12.9898) * 0.9; // fixed pseudo-random weights
    const spec: ModelSpec = {
      inputs: [{ name: 'x', dims: [1, 10] }],
      inits: {
        ...inp.inits, ws: scalar(0.4), z: scalar(0), b2: scalar(2), as: scalar(0.5),
        Wf: { dims: [6, 10], values: Array.from({ length: 60 }, (_, k) => rng(k)) },
        g: vector([1.2, -0.8, 0.5, 2, -1.5, 0.9]), b: vector([0.1, -0.2, 0.3, 0, 0.25, -0.4]), m: vector([0.4, -1.2, 0, 2, 0.8, -0.4]), v: vector([3.1, 0.7, 5, 1.3, 2.2, 0.9]),
        V: matrix([[1, -1, 0.5], [0.5, 1, -1], [-1, 0.5, 1], [1, 1, 1], [-0.5, -1, 0.5], [0.25, 0.5, -0.75]]),
      },
      nodes: [
        ...inp.nodes,
        { op: 'Quant', domain: QONNX, inputs: ['Wf', 'ws', 'z', 'b2'], output: 'Wq', attrs: { signed: 1, narrow: 1 } },
        { op: 'Transpose', inputs: ['Wq'], output: 'W', attrs: { perm: [1, 0] } },
        { op: 'MatMul', inputs: ['xq', 'W'], output: 'mm' },
        { op: 'BatchNormalization', inputs: ['mm', 'g', 'b', 'm', 'v'], output: 'bn' },
        { op: 'Quant', domain: QONNX, inputs: ['bn', 'as', 'z', 'b2'], output: 'h', attrs: { signed: 1, narrow: 0 } },
        { op: 'MatMul', inputs: ['h', 'V'], output: 'y' },
      ],
    };
    const { net } = await importAndCheck(spec);
    const act = net.layers[0]!.activation;
    expect(act.kind === 'thresholds' && act.thresholds.some((t) => t.length === 3 && t[0]! < t[1]! && t[1]! < t[2]!)).toBe(true);
  });

  it('Gemm with transA (a column input) and beta on a broadcast C', async () => {
    const spec: ModelSpec = {
      inputs: [{ name: 'col', dims: [5, 1] }],
      inits: { one: scalar(1), B: matrix([[1, -0.5], [0.25, 1], [-1, 1], [0.5, 0.5], [1, -1]]), C: vector([0.3, -0.1], [1, 2]), V: matrix([[1, -1, 0.5], [2, 1, -1]]) },
      nodes: [
        { op: 'BipolarQuant', domain: QONNX, inputs: ['col', 'one'], output: 'xq' },
        { op: 'Gemm', inputs: ['xq', 'B', 'C'], output: 'g', attrs: { transA: 1, beta: 0.5 } },
        { op: 'BipolarQuant', domain: QONNX, inputs: ['g', 'one'], output: 'h' },
        { op: 'Gemm', inputs: ['h', 'V'], output: 'y' },
      ],
    };
    const { net } = await importAndCheck(spec);
    expect(net.inputs.map((i) => i.name)).toEqual(['col[0]', 'col[1]', 'col[2]', 'col[3]', 'col[4]']);
  });

  it('per-class irrational output maps (a batch normalization per class): scores before the map, argmax not claimed', async () => {
    const inp = bipolarInput('x', 3);
    const { net } = await importAndCheck({
      inputs: [{ name: 'x', dims: [1, 3] }],
      inits: { ...inp.inits, W: matrix([[1, -1], [1, 1], [-1, 1]]), g: vector([1, 2]), b: vector([0, 0.5]), m: vector([0, 0]), v: vector([2, 3]) },
      nodes: [...inp.nodes, { op: 'MatMul', inputs: ['xq', 'W'], output: 's' }, { op: 'BatchNormalization', inputs: ['s', 'g', 'b', 'm', 'v'], output: 'y' }],
    });
    expect(net.argmax.valid).toBe(false);
    expect(net.argmax.reason).toMatch(/per-class irrational/);
  });

  it('the differential check finds a network that is off by one threshold', async () => {
    const inp = bipolarInput('x', 6);
    const bytes = await buildModel({
      inputs: [{ name: 'x', dims: [1, 6] }],
      inits: { ...inp.inits, W: { dims: [6, 2], values: [1, 1, -1, 1, 1, -1, 1, 1, -1, -1, 1, 1] }, V: matrix([[1, -1], [1, 1]]) },
      nodes: [...inp.nodes, { op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'BipolarQuant', domain: BREVITAS, inputs: ['m', 'one'], output: 'h' }, { op: 'MatMul', inputs: ['h', 'V'], output: 'y' }],
    });
    const { network } = await importQonnx(bytes, 'm.onnx');
    const t = thresholdsOf(network, 0);
    const broken: IntNetwork = {
      ...network,
      layers: network.layers.map((l, i) => (i === 0 && l.activation.kind === 'thresholds' ? { ...l, activation: { ...l.activation, thresholds: [[t[0]![0]! + 1n], t[1]!] } } : l)),
    };
    expect((await differentialCheck(bytes, network, { samples: 2000 })).disagreements).toBe(0);
    expect((await differentialCheck(bytes, broken, { samples: 2000 })).disagreements).toBeGreaterThan(0);
  });

  it('the differential check compares an extracted circuit with the graph (scores, argmax and bits) and finds one output flipped', async () => {
    const inp = bipolarInput('x', 6);
    const bytes = await buildModel({
      inputs: [{ name: 'x', dims: [1, 6] }],
      inits: { ...inp.inits, W: { dims: [6, 3], values: [1, 1, -1, 1, 1, -1, 1, 1, -1, -1, 1, 1, 1, -1, -1, 1, 1, 1] }, V: matrix([[1, -1], [1, 1], [-1, 1]]) },
      nodes: [...inp.nodes, { op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'BipolarQuant', domain: BREVITAS, inputs: ['m', 'one'], output: 'h' }, { op: 'MatMul', inputs: ['h', 'V'], output: 'y' }],
    });
    const { network } = await importQonnx(bytes, 'm.onnx');
    for (const output of ['scores', 'argmax', 'bits'] as const) {
      const r = extractIntNetwork(network, { output });
      const last = r.compiled.layers[r.compiled.layers.length - 1]!;
      const outputWidths = output === 'argmax' ? [r.circuit.outputs.length] : last.map((n) => n.outputs.length);
      const good = await differentialCheck(bytes, network, { samples: 1000, circuit: { circuit: r.circuit, output, outputWidths } });
      expect([good.circuitChecked, good.circuitDisagreements, good.disagreements], output).toEqual([1000, 0, 0]);
      // the same circuit with its first output complemented
      const flipped = { ...r.circuit, outputs: r.circuit.outputs.map((lit, k) => (k === 0 ? lit ^ 1 : lit)) };
      const bad = await differentialCheck(bytes, network, { samples: 1000, circuit: { circuit: flipped, output, outputWidths } });
      expect(bad.circuitDisagreements, output).toBeGreaterThan(0);
      expect(bad.firstDisagreements[0]!.what, output).toMatch(/^circuit: /);
    }
  });
});

describe('QONNX import refuses what it cannot fold exactly, naming node, op and domain', () => {
  const inp = bipolarInput('x', 4);
  const W = matrix([[1, -1], [1, 1], [-1, 1], [0.5, 1]]);
  /** A bipolar-input model with extra nodes after xq. */
  const model = (nodes: NodeSpec[], inits: NonNullable<ModelSpec['inits']> = {}, outputs?: string[]): ModelSpec => ({
    inputs: [{ name: 'x', dims: [1, 4] }],
    inits: { ...inp.inits, W, W2: matrix([[1, 0], [0, 1]]), ...inits },
    nodes: [...inp.nodes, ...nodes],
    ...(outputs ? { outputs } : {}),
  });
  async function refuses(spec: ModelSpec, message: RegExp, options: { inputBits?: number } = {}): Promise<void> {
    const err = await importQonnx(await buildModel(spec), 'bad.onnx', options).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedError);
    expect((err as UnsupportedError).code).toBe('onnx-unsupported');
    expect((err as Error).message).toMatch(/^bad\.onnx: /);
    expect((err as Error).message).toMatch(message);
  }

  it('an op that is not supported, with the list of supported ops', async () => {
    await refuses(model([{ op: 'Conv', name: 'conv', inputs: ['xq', 'W'], output: 'y' }]), /node "conv" \(op Conv, domain ""\) is not supported; supported: Quant, IntQuant, BipolarQuant, MultiThreshold, Trunc \(domains onnx\.brevitas, qonnx\.custom_op\.general, finn\.custom_op\.general\) and MatMul, Gemm, .*Softmax/);
  });
  it('a QONNX op in a domain that does not define it', async () => {
    await refuses(model([{ op: 'Quant', name: 'q', domain: 'my.domain', inputs: ['xq', 'one', 'one', 'one'], output: 'y' }]), /node "q" \(op Quant, domain "my\.domain"\) is not supported/);
  });
  it('an input with no quantizer, saying what to pass', async () => {
    await refuses(
      { inputs: [{ name: 'v', dims: [1, 4] }], inits: { W }, nodes: [{ op: 'MatMul', name: 'mm', inputs: ['v', 'W'], output: 'y' }] },
      /input "v" reaches node "mm" \(MatMul\) without a quantizer .*pass --input-bits N/,
    );
  });
  it('a product of two non-constant values', async () => {
    await refuses(model([{ op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'Mul', name: 'sq', inputs: ['m', 'm'], output: 'y' }]), /node "sq" \(op Mul, domain ""\): multiplies two non-constant values/);
  });
  it('a skip connection (values of two different layers added)', async () => {
    await refuses(
      model([
        { op: 'MatMul', inputs: ['xq', 'W'], output: 'm' },
        { op: 'BipolarQuant', domain: BREVITAS, inputs: ['m', 'one'], output: 'h' },
        { op: 'MatMul', inputs: ['h', 'W2'], output: 'm2' },
        { op: 'Add', name: 'skip', inputs: ['m2', 'm'], output: 'y' },
      ]),
      /node "skip" .*different layers/,
    );
  });
  it('a Relu output or a batch normalization entering a MatMul without a quantizer', async () => {
    await refuses(model([{ op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'Relu', inputs: ['m'], output: 'r' }, { op: 'MatMul', name: 'mm', inputs: ['r', 'W2'], output: 'y' }]), /node "mm" .*a Relu output enters a MatMul before a quantizer/);
    await refuses(
      model([{ op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'BatchNormalization', inputs: ['m', 'g', 'b', 'mu', 'v'], output: 'n' }, { op: 'MatMul', name: 'mm', inputs: ['n', 'W2'], output: 'y' }], { g: vector([1, 1]), b: vector([0, 0]), mu: vector([0, 0]), v: vector([2, 3]) }),
      /node "mm" .*irrational scale \(a batch normalization\) enters a MatMul/,
    );
  });
  it('a Softmax that is not the last op', async () => {
    await refuses(model([{ op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'Softmax', name: 'sm', inputs: ['m'], output: 's' }, { op: 'MatMul', inputs: ['s', 'W2'], output: 'y' }]), /node "sm" .*Softmax is supported only as the last op/);
  });
  it('an exponent other than an integer or 1/2, an unknown rounding mode, a non-positive scale, a quantizer too fine', async () => {
    await refuses(model([{ op: 'Pow', name: 'pw', inputs: ['two', 'third'], output: 'c' }, { op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'Mul', inputs: ['m', 'c'], output: 'y' }], { third: scalar(1 / 3) }), /node "pw" .*exponent \d+\/\d+ is not supported/);
    const quant = (attrs: Record<string, string | number>, s: number, bits: number): ModelSpec =>
      model([{ op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'Quant', name: 'q', domain: QONNX, inputs: ['m', 's', 'z', 'b'], output: 'h', attrs }, { op: 'MatMul', inputs: ['h', 'W2'], output: 'y' }], { s: scalar(s), z: scalar(0), b: scalar(bits) });
    await refuses(quant({ rounding_mode: 'BANKERS' }, 1, 4), /node "q" \(op Quant, domain "qonnx\.custom_op\.general"\): rounding mode BANKERS is not supported/);
    await refuses(quant({}, 0, 4), /node "q" .*the scale must be positive, it is 0/);
    await refuses(quant({}, 2 ** -14, 24), /node "q" .*reachable quantization steps \(at most 65535\)/);
  });
  it('several graph outputs', async () => {
    await refuses(model([{ op: 'MatMul', inputs: ['xq', 'W'], output: 'm' }, { op: 'Identity', inputs: ['m'], output: 'y' }], {}, ['m', 'y']), /exactly one output, it has 2/);
  });
  it('readQuantizedModel wants an .onnx file', async () => {
    await expect(readQuantizedModel('model.txt')).rejects.toMatchObject({ constructor: UsageError, code: 'unknown-format' });
  });
  it('bad input bits are a usage error', async () => {
    const bytes = await buildModel(model([{ op: 'MatMul', inputs: ['xq', 'W'], output: 'y' }]));
    await expect(importQonnx(bytes, 'm.onnx', { inputBits: 0 })).rejects.toMatchObject({ constructor: UsageError, code: 'bad-param' });
  });
});
