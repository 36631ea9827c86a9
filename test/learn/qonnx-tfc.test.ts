import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError, UnsupportedError, ValidationError, WaterlooError } from '../../src/errors.js';
import { decodeQonnx, differentialCheck, isQonnxGraph, qonnxToIntNetwork, readModel, readQuantizedModel } from '../../src/learn/index.js';
import { Rng } from '../../src/util/rng.js';
import { BREVITAS, buildModel, FINN, matrix, QONNX, scalar, vector } from '../helpers/qonnx-builder.js';

const SLOW = process.env['WATERLOO_SLOW'] === '1';
const TFC = join(import.meta.dirname, '..', 'fixtures', 'qonnx', 'TFC_1W1A.onnx');
const tfcBytes = (): Uint8Array => new Uint8Array(readFileSync(TFC));

describe('TFC_1W1A (Brevitas export, FINN MNIST MLP)', () => {
  it('is the file the README names', () => {
    expect(createHash('sha256').update(tfcBytes()).digest('hex')).toBe('e875070d9b8af1ff55923ab03c7ed9dd8787d387cb3274872fe5fc6a2905b2db');
    expect(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'qonnx', 'README.md'), 'utf8')).toContain('e875070d9b8af1ff55923ab03c7ed9dd8787d387cb3274872fe5fc6a2905b2db');
  });

  it('imports to 784 bipolar inputs and 64-64-64 bipolar threshold layers with 10 class scores, argmax valid', async () => {
    const t0 = performance.now();
    const net = await readQuantizedModel(TFC);
    console.log(`TFC_1W1A import: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(net.inputs).toHaveLength(784);
    expect(net.inputs[17]).toEqual({ name: '0[17]', code: { kind: 'bipolar' } });
    expect(net.layers.map((l) => [l.weights.length, l.weights[0]!.length])).toEqual([[64, 784], [64, 64], [64, 64], [10, 64]]);
    expect(net.layers.slice(0, 3).every((l) => l.activation.kind === 'thresholds' && l.activation.code.kind === 'bipolar')).toBe(true);
    // binarized weights stay +-1 (the batch normalizations' scales go into the thresholds); the score layer's common offset is dropped
    expect(net.layers.every((l) => l.weights.every((r) => r.every((w) => w === 1n || w === -1n)))).toBe(true);
    expect(net.layers[3]!.bias.every((b) => b === 0n)).toBe(true);
    expect(net.argmax.valid).toBe(true);
    expect(net.argmax.reason).toMatch(/strictly increasing affine map common to all classes/);
    expect(net.outputNames[9]).toBe('74[9]');
    // provenance: the nodes each layer folds, from its linear op to its quantizer
    expect(net.layers.map((l) => l.source)).toEqual([
      'MatMul_16 -> BatchNormalization_17 -> BipolarQuant_19',
      'MatMul_24 -> BatchNormalization_25 -> BipolarQuant_27',
      'MatMul_32 -> BatchNormalization_33 -> BipolarQuant_35',
      'MatMul_40 -> Sub_41 -> Div_44 -> Mul_45 -> Add_46 -> output 74',
    ]);
    const read = await readModel(TFC);
    expect(read.kind).toBe('quantized');
    const plain = await readModel(join(import.meta.dirname, '..', 'fixtures', 'nn', 'fa-sign.onnx'));
    expect(plain.kind).toBe('bnn');
  });

  it(`agrees with the float interpreter of the graph on ${SLOW ? 10000 : 1500} inputs`, async () => {
    const bytes = tfcBytes();
    const net = await readQuantizedModel(TFC);
    const r = await differentialCheck(bytes, net, { samples: SLOW ? 10000 : 1500, seed: 17 });
    console.log(`TFC_1W1A differential check: ${r.checked} inputs, ${r.disagreements} disagreements, ${r.ties} ties, ${r.onThreshold} on a threshold, ${r.ms.toFixed(0)} ms`);
    expect(r.disagreements).toBe(0);
    expect(r.layersCompared).toBe(true);
    expect(r.onThreshold).toBeGreaterThan(0);
  }, 120_000);
});

describe('QONNX reader fuzz: mutated protobufs give only clean errors', () => {
  it('never crashes on truncated or mutated bytes (seeded)', async () => {
    const seed = 171717;
    console.log(`qonnx-fuzz seed ${seed}`);
    const rng = new Rng(seed);
    const small = [
      await buildModel({
        inputs: [{ name: 'x', dims: [1, 4] }],
        inits: { one: scalar(1), two: scalar(2), W: matrix([[1, -1], [1, 1], [-1, 1], [0.5, 1]]), b: vector([0.5, -0.25]), g: vector([1, -2]), m: vector([0, 1]), v: vector([2, 3]), V: matrix([[1, 0.5], [-1, 2]]) },
        nodes: [
          { op: 'Mul', inputs: ['x', 'two'], output: 'x2' },
          { op: 'BipolarQuant', domain: BREVITAS, inputs: ['x2', 'one'], output: 'xq' },
          { op: 'Gemm', inputs: ['xq', 'W', 'b'], output: 'a', attrs: { alpha: 0.5 } },
          { op: 'BatchNormalization', inputs: ['a', 'g', 'b', 'm', 'v'], output: 'n' },
          { op: 'BipolarQuant', domain: BREVITAS, inputs: ['n', 'one'], output: 'h' },
          { op: 'MatMul', inputs: ['h', 'V'], output: 'y' },
        ],
      }),
      await buildModel({
        inputs: [{ name: 'x', dims: [1, 3] }],
        inits: { s: scalar(0.5), z: scalar(0), b3: scalar(3), W: matrix([[1, -1], [2, 1], [-1, 1]]), T: matrix([[0, 1, 2], [-1, 0, 3]]), V: matrix([[1], [-1]]) },
        nodes: [
          { op: 'Quant', domain: QONNX, inputs: ['x', 's', 'z', 'b3'], output: 'q', attrs: { signed: 0 } },
          { op: 'MatMul', inputs: ['q', 'W'], output: 'm' },
          { op: 'MultiThreshold', domain: FINN, inputs: ['m', 'T'], output: 'h', attrs: { out_scale: 1, out_bias: 0 } },
          { op: 'MatMul', inputs: ['h', 'V'], output: 'o' },
          { op: 'Softmax', inputs: ['o'], output: 'y' },
        ],
      }),
    ];
    const tfc = tfcBytes();
    let accepted = 0, total = 0;
    for (let k = 0; k < 320; k++) {
      // a few TFC mutants (its import takes a second), the rest small models
      const base = k % 40 === 0 ? tfc : small[k % 2]!;
      let bytes: Uint8Array;
      if (k % 3 === 0) bytes = base.slice(0, rng.below(base.length));
      else {
        bytes = base.slice();
        for (let m = 0; m < 1 + rng.below(4); m++) bytes[rng.below(bytes.length)] = rng.below(256);
      }
      total++;
      try {
        const g = await decodeQonnx(bytes, `fuzz${k}.onnx`);
        if (isQonnxGraph(g)) qonnxToIntNetwork(g, k % 5 === 0 ? { inputBits: 2 } : {});
        accepted++;
      } catch (e) {
        // exit 3 classes only (bad input), never a usage, backend or internal error
        expect(e, `mutant ${k}: ${e instanceof Error ? e.stack : String(e)}`).toBeInstanceOf(WaterlooError);
        expect(e instanceof ParseError || e instanceof UnsupportedError || e instanceof ValidationError, `mutant ${k}: ${String(e)}`).toBe(true);
      }
    }
    expect(accepted).toBeLessThan(total);
  }, 60_000);
});
