import { describe, expect, it } from 'vitest';
import { InternalError, UnsupportedError, ValidationError } from '../../src/errors.js';
import { CircuitBuilder } from '../../src/core/builder.js';
import { gateFanins, type Circuit } from '../../src/core/circuit.js';
import { GateKind } from '../../src/core/gate.js';
import { exhaustiveNodeValues, litWords } from '../../src/core/simulate.js';
import { parseBench } from '../../src/io/bench-read.js';
import { writeBench } from '../../src/io/bench-write.js';
import { evaluateBnn, type BnnNetwork } from '../../src/learn/bnn/network.js';
import { compileIntNetwork, MAX_INT_EXTRACT_GATES, type CompiledIntNetwork } from '../../src/learn/qnn/compile.js';
import { extractIntNetwork } from '../../src/learn/qnn/extract.js';
import { bnnToIntNetwork } from '../../src/learn/qnn/from-bnn.js';
import { codeBits, codeValue, evaluateIntNetwork, firstArgmax, type IntNetwork, type ValueCode } from '../../src/learn/qnn/network.js';
import { proveCompiledNetwork } from '../../src/learn/qnn/neuron-proof.js';
import { provenanceJson, PROVENANCE_FORMAT } from '../../src/learn/qnn/provenance.js';
import { randomIntNetwork } from '../../src/learn/qnn/random-network.js';
import { caught } from '../helpers/fixtures.js';

/** Every input of the circuit against evaluateIntNetwork (independent of the compiler and the proof). */
function expectMatchesNetwork(net: IntNetwork, r: { circuit: Circuit; compiled: CompiledIntNetwork }, output: 'scores' | 'argmax' | 'bits'): void {
  const c = r.circuit;
  expect(c.numInputs).toBeLessThanOrEqual(16);
  const nv = exhaustiveNodeValues(c);
  const outs = Array.from(c.outputs, (o) => litWords(nv, o));
  const bit = (w: Uint32Array, m: number): boolean => ((w[m >>> 5]! >>> (m & 31)) & 1) === 1;
  for (let m = 0; m < 2 ** c.numInputs; m++) {
    let k = 0;
    const values = net.inputs.map((x) => codeValue(x.code, Array.from({ length: codeBits(x.code) }, () => ((m >>> k++) & 1) === 1)));
    const ev = evaluateIntNetwork(net, values);
    const got = outs.map((w) => bit(w, m));
    if (output === 'argmax') {
      const idx = got.reduce((a, b, i) => a + (b ? 1 << i : 0), 0);
      expect(idx, `minterm ${m}`).toBe(firstArgmax(ev.values[ev.values.length - 1]!));
    } else {
      const l = output === 'bits' && net.layers[net.layers.length - 1]!.activation.kind === 'scores' ? net.layers.length - 2 : net.layers.length - 1;
      const act = net.layers[l]!.activation;
      let at = 0;
      ev.values[l]!.forEach((v, i) => {
        const per = r.compiled.layers[l]![i]!.outputs.length;
        const bits = got.slice(at, (at += per));
        const value = act.kind === 'thresholds' ? codeValue(act.code, bits) : codeValue({ kind: 'signed', bits: per }, bits);
        expect(value, `minterm ${m} neuron ${i}`).toBe(v);
      });
    }
  }
}

const tiny: IntNetwork = {
  inputs: [
    { name: 'in[0]', code: { kind: 'bipolar' } },
    { name: 'in[1]', code: { kind: 'unsigned', bits: 2 } },
    { name: 'in[2]', code: { kind: 'signed', bits: 3 } },
    { name: 'in[3]', code: { kind: 'bipolar' } },
  ],
  layers: [
    {
      source: 'L1',
      weights: [[2n, -1n, 1n, 0n], [1n, 1n, -2n, 0n], [0n, 0n, 0n, 0n]],
      bias: [1n, 0n, 5n],
      activation: { kind: 'thresholds', code: { kind: 'unsigned', bits: 2 }, thresholds: [[-3n, 0n, 4n], [1n, 2n, 2n], [0n, 1n, 9n]] },
    },
    { source: 'L2', weights: [[1n, -1n, 1n], [2n, 1n, 0n], [-1n, 3n, 1n]], bias: [0n, -1n, 2n], activation: { kind: 'scores' } },
  ],
  outputNames: ['y[0]', 'y[1]', 'y[2]'],
  argmax: { valid: true, reason: 'test' },
};

describe('integer network extraction: compile, prove neuron by neuron, replay', () => {
  it('extracts a hand-made network with every code kind, proven and equal to the evaluator on every input, in all three output modes', () => {
    for (const output of ['scores', 'argmax', 'bits'] as const) {
      const r = extractIntNetwork(tiny, { output });
      expect(r.status).toBe('proven');
      expect(r.circuit.inputNames).toEqual(['in[0]', 'in[1].b0', 'in[1].b1', 'in[2].b0', 'in[2].b1', 'in[2].b2', 'in[3]']);
      expectMatchesNetwork(tiny, r, output);
    }
    // neuron 3 of L1 reads nothing and is constant (sum 5: thresholds 0, 1 reached); in[3] is read by no neuron
    const r = extractIntNetwork(tiny, { output: 'scores' });
    expect(r.layers[0]!.constant).toEqual(['L1.n3']);
    expect(r.unusedInputs).toEqual(['in[3]']);
    expect(r.circuit.numInputs).toBe(7);
  });

  it('extracts seeded random networks (codes, depths, outputs) that equal the evaluator on every input and are proven', () => {
    const codes: ValueCode[] = [{ kind: 'bipolar' }, { kind: 'unsigned', bits: 2 }, { kind: 'signed', bits: 2 }, { kind: 'unsigned', bits: 1 }];
    for (let seed = 1; seed <= 16; seed++) {
      const inputCode = codes[seed % 4]!;
      const hiddenCode = codes[(seed >> 2) % 2]!;
      const net = randomIntNetwork({ seed, inputs: Math.floor(10 / codeBits(inputCode)), inputCode, hidden: seed % 3 ? [4, 3] : [5], hiddenCode, scores: seed % 2 ? 3 : 0, maxWeight: 1 + (seed % 4), sparsity: 0.2 });
      const modes = seed % 2 ? (['scores', 'argmax', 'bits'] as const) : (['bits'] as const);
      for (const output of modes) {
        const r = extractIntNetwork(net, { output, seed });
        expect(r.status, `seed ${seed} ${output}`).toBe('proven');
        expectMatchesNetwork(net, r, output);
      }
    }
  });

  it('proves a fan-in-784 +-1 neuron through its adder cells, and fast', () => {
    const net = randomIntNetwork({ seed: 7, inputs: 784, inputCode: { kind: 'bipolar' }, hidden: [1], hiddenCode: { kind: 'bipolar' }, scores: 0, maxWeight: 1, binaryWeights: true });
    const compiled = compileIntNetwork(net);
    const t0 = performance.now();
    const proof = proveCompiledNetwork(net, compiled);
    const ms = performance.now() - t0;
    console.log(`one 784-input +-1 neuron: ${compiled.circuit.numGates} gates, proven in ${ms.toFixed(0)} ms`);
    expect(proof.status).toBe('proven');
    expect(proof.parts[0]!.method).toBe('adder-cells');
    expect(ms).toBeLessThan(2000);
  });

  it('proves wide scores with large weights (sums past 2^20) through the output adder cells, and their argmax through the comparator chains', () => {
    const big = 100003n; // odd: no common factor to divide out
    const weights = [0, 1, 2].map((i) => Array.from({ length: 32 }, (_, j) => BigInt(((i * 5 + j * 7) % 5) - 2) * big));
    const net: IntNetwork = {
      inputs: Array.from({ length: 32 }, (_, j) => ({ name: `in[${j}]`, code: { kind: 'bipolar' } as const })),
      layers: [{ source: 'wide scores', weights, bias: [12345n, -777n, 0n], activation: { kind: 'scores' } }],
      outputNames: ['y[0]', 'y[1]', 'y[2]'],
      argmax: { valid: true, reason: 'test' },
    };
    for (const output of ['scores', 'argmax'] as const) {
      const r = extractIntNetwork(net, { output, replayPatterns: 512 });
      expect(r.unproven, output).toEqual([]);
      expect(r.status).toBe('proven');
      expect(r.stats.methods['adder-cells']).toBe(3);
      expect(r.compiled.layers[0]![0]!.outputs.length).toBeGreaterThan(20);
    }
  });

  it('proves threshold neurons whose sums need more than 20 bits through their comparator chains', () => {
    const big = 100003n;
    // +1 on some weights: no common factor for the compiler to divide out
    const weights = [0, 1, 2].map((i) => Array.from({ length: 32 }, (_, j) => BigInt(((i * 5 + j * 7) % 5) - 2) * big + BigInt(j % 2)));
    for (const code of [{ kind: 'unsigned', bits: 2 }, { kind: 'bipolar' }] as const) {
      const thresholds = code.kind === 'bipolar' ? [[big], [-3n * big], [0n]] : [[-5n * big, big, 7n * big], [0n, 0n, 3n * big], [-big, 2n, 2n * big]];
      const net: IntNetwork = {
        inputs: Array.from({ length: 32 }, (_, j) => ({ name: `in[${j}]`, code: { kind: 'bipolar' } as const })),
        layers: [{ source: 'wide thresholds', weights, bias: [12345n, -777n, 0n], activation: { kind: 'thresholds', code, thresholds } }],
        outputNames: ['y[0]', 'y[1]', 'y[2]'],
        argmax: { valid: false, reason: 'no scores' },
      };
      const r = extractIntNetwork(net, { replayPatterns: 512 });
      expect(r.unproven, code.kind).toEqual([]);
      expect(r.stats.methods['adder-cells']).toBe(3);
      expect(r.compiled.layers[0]![0]!.sumBits.length).toBeGreaterThan(20);
    }
  });

  it('proves wide layers with 2-bit inputs and 2-bit activations through adder cells (checked against the evaluator on random inputs)', () => {
    const net = randomIntNetwork({ seed: 21, inputs: 60, inputCode: { kind: 'unsigned', bits: 2 }, hidden: [6, 12], hiddenCode: { kind: 'unsigned', bits: 2 }, scores: 3, maxWeight: 3 });
    const r = extractIntNetwork(net, { output: 'argmax', replayPatterns: 2048, seed: 21 });
    expect(r.unproven).toEqual([]);
    // the first layer reads 120 bits: adder cells; the others may be small enough to simulate whole
    expect(r.stats.methods['adder-cells']).toBeGreaterThanOrEqual(6);
    expect(Object.entries(r.stats.methods).filter(([m]) => m !== 'argmax-stages').reduce((a, [, k]) => a + k, 0)).toBe(6 + 12 + 3);
    expect(r.stats.replayed).toBe(2048);
  });

  it('catches a wrong gate: a flipped fanin makes the proof fail with an internal error (exhaustive and adder-cell paths)', () => {
    const small = compileIntNetwork(tiny, { output: 'scores' });
    const wide = randomIntNetwork({ seed: 5, inputs: 40, inputCode: { kind: 'bipolar' }, hidden: [2], hiddenCode: { kind: 'bipolar' }, scores: 0, maxWeight: 2 });
    const big = compileIntNetwork(wide);
    for (const [net, compiled] of [[tiny, small], [wide, big]] as const) {
      let failures = 0;
      // flip one fanin of every 7th gate in turn; any change the outputs can see must be caught
      for (let g = 0; g < compiled.circuit.numGates; g += 7) {
        const broken = flipFanin(compiled, g);
        try {
          const p = proveCompiledNetwork(net, broken);
          // a flip no output or comparator can see leaves it proven; it must then still be right
          if (p.status === 'proven' && net === tiny) expectMatchesNetwork(net, { circuit: broken.circuit, compiled: broken }, 'scores');
        } catch (e) {
          expect(e).toBeInstanceOf(InternalError);
          failures++;
        }
      }
      expect(failures).toBeGreaterThan(0);
    }
  });

  it('folds neurons constant on their reachable range and lists them; a proof of a wrong constant fails', () => {
    const net: IntNetwork = {
      inputs: [{ name: 'a', code: { kind: 'bipolar' } }, { name: 'b', code: { kind: 'bipolar' } }],
      layers: [
        { source: 'L1', weights: [[1n, 1n], [1n, 1n], [1n, -1n]], bias: [0n, 0n, 0n], activation: { kind: 'thresholds', code: { kind: 'bipolar' }, thresholds: [[3n], [-2n], [0n]] } },
        { source: 'L2', weights: [[1n, 1n, 0n]], bias: [0n], activation: { kind: 'thresholds', code: { kind: 'bipolar' }, thresholds: [[0n]] } },
      ],
      outputNames: ['y'],
      argmax: { valid: false, reason: 'no scores' },
    };
    const r = extractIntNetwork(net);
    expect(r.layers[0]!.constant).toEqual(['L1.n1', 'L1.n2']);
    expect(r.layers[1]!.constant).toEqual(['L2.n1']);
    expect(r.layers[0]!.removed).toEqual(['L1.n3']);
    expect(r.unusedInputs).toEqual(['a', 'b']);
    expect(r.circuit.outputs[0]).toBe(1); // -1 + 1 = 0 >= 0
    const compiled = compileIntNetwork(net);
    const lying: CompiledIntNetwork = { ...compiled, layers: [compiled.layers[0]!.map((n, i) => (i === 0 ? { ...n, outputs: [1] } : n)), compiled.layers[1]!] };
    expect(() => proveCompiledNetwork(net, lying)).toThrow(InternalError);
  });

  it('refuses argmax when the scores do not order like the outputs, bits without threshold layers, scores without a scores layer, and huge weights', () => {
    const noArgmax = { ...tiny, argmax: { valid: false, reason: 'the last affine map has a negative scale' } };
    const e = caught(() => compileIntNetwork(noArgmax, { output: 'argmax' }));
    expect(e).toBeInstanceOf(UnsupportedError);
    expect(e.code).toBe('output-mode');
    expect(e.message).toContain('negative scale');
    const scoresOnly: IntNetwork = { ...tiny, layers: [{ ...tiny.layers[1]!, weights: tiny.layers[1]!.weights.map((r) => [...r, 0n, 0n, 0n, 0n].slice(0, 4)) }] };
    expect(caught(() => compileIntNetwork(scoresOnly, { output: 'bits' })).code).toBe('output-mode');
    const noScores: IntNetwork = { ...tiny, layers: [tiny.layers[0]!], outputNames: ['a', 'b', 'c'] };
    expect(caught(() => compileIntNetwork(noScores, { output: 'scores' })).code).toBe('output-mode');
    const huge: IntNetwork = { ...tiny, layers: [{ ...tiny.layers[0]!, weights: [[2n ** 45n, 0n, 0n, 0n], [1n, 0n, 0n, 0n], [1n, 0n, 0n, 0n]] }, tiny.layers[1]!] };
    const h = caught(() => compileIntNetwork(huge));
    expect(h).toBeInstanceOf(ValidationError);
    expect(h.code).toBe('too-large');
  });

  it('lists every part as unproven when the deadline has passed, and still returns the circuit', () => {
    const net = randomIntNetwork({ seed: 2, inputs: 30, inputCode: { kind: 'bipolar' }, hidden: [3, 2], hiddenCode: { kind: 'bipolar' }, scores: 2, maxWeight: 1 });
    const compiled = compileIntNetwork(net, { output: 'argmax' });
    const p = proveCompiledNetwork(net, compiled, { deadline: 0 });
    expect(p.status).toBe('unproven');
    expect(p.unproven.map((u) => u.label)).toEqual(['L1.n1', 'L1.n2', 'L1.n3', 'L2.n1', 'L2.n2', 'L3.n1', 'L3.n2', 'argmax']);
    const r = extractIntNetwork(net, { output: 'argmax', timeLimitMs: 1e-9 });
    expect(r.status).toBe('unproven');
    expect(r.circuit.outputs.length).toBe(1);
  });

  it('labels every gate with its neuron or comparator, through cleanup, and keys the JSON map by the names in the written .bench', () => {
    const r = extractIntNetwork(tiny, { output: 'argmax' });
    expect(r.provenance.size).toBe(r.circuit.numGates);
    for (const label of r.provenance.values()) expect(label).toMatch(/^(L\d+\.n\d+(\.t\d+)?|argmax)$/);
    expect(new Set(r.provenance.values())).toContain('L1.n1.t3');
    const json = provenanceJson(r.circuit, r.provenance);
    expect(json.format).toBe(PROVENANCE_FORMAT);
    const text = writeBench(r.circuit);
    const defined = new Set(text.split('\n').filter((l) => l.includes(' = ')).map((l) => l.split(' = ')[0]!));
    for (const name of Object.keys(json.gates)) expect(defined.has(name), name).toBe(true);
    // neuron outputs are named gates in the file
    expect(text).toMatch(/^L1\.n\d+(\.b\d|\.t\d)? = /m);
    expect(parseBench(text).numInputs).toBe(7);
  });

  it('runs BNN models through the same pipeline (step and sign layers, binary and bipolar inputs)', () => {
    const bnn: BnnNetwork = {
      inputs: 5,
      inputEncoding: 'bipolar',
      layers: [
        { weights: [[1, -2, 1, 0, 3], [2, 2, -1, -1, 1], [-1, 1, 1, 1, 1]], bias: [0, -1, 2], activation: 'step' },
        { weights: [[1, -1, 2], [-2, 1, 1]], bias: [-1, 0], activation: 'sign' },
      ],
    };
    for (const enc of ['bipolar', 'binary'] as const) {
      const net = bnnToIntNetwork({ ...bnn, inputEncoding: enc });
      const r = extractIntNetwork(net);
      expect(r.status).toBe('proven');
      const nv = exhaustiveNodeValues(r.circuit);
      const outs = Array.from(r.circuit.outputs, (o) => litWords(nv, o));
      for (let m = 0; m < 32; m++) {
        const want = evaluateBnn({ ...bnn, inputEncoding: enc }, Array.from({ length: 5 }, (_, j) => ((m >>> j) & 1) === 1));
        expect(outs.map((w) => ((w[0]! >>> m) & 1) === 1)).toEqual(want);
      }
    }
  });

  it('builds and proves a circuit past 2^21 literals (over 2^20 nodes) without structural-hashing collisions', () => {
    // 4-bit inputs and weights up to 7: about 12 adder entries per input, 70k+ gates per neuron
    const net = randomIntNetwork({ seed: 11, inputs: 784, inputCode: { kind: 'unsigned', bits: 4 }, hidden: [27], hiddenCode: { kind: 'bipolar' }, scores: 0, maxWeight: 7 });
    const r = extractIntNetwork(net, { replayPatterns: 32 });
    console.log(`2^21-literal scale: ${r.stats.gatesAsBuilt} gates, compile ${r.stats.compileMs} ms, proof ${r.stats.proofMs} ms`);
    expect(r.stats.gatesAsBuilt + r.circuit.numInputs + 1).toBeGreaterThan(2 ** 20);
    expect(r.stats.gatesAsBuilt).toBeLessThan(MAX_INT_EXTRACT_GATES);
    expect(r.status).toBe('proven');
  }, 60_000);
});

/** A copy of the compiled network with fanin 0 of gate g complemented. */
function flipFanin(compiled: CompiledIntNetwork, g: number): CompiledIntNetwork {
  const c = compiled.circuit;
  const b = new CircuitBuilder({ strash: false });
  for (let i = 0; i < c.numInputs; i++) b.addInput(c.inputNames[i]);
  for (let k = 0; k < c.numGates; k++) {
    const fs = Array.from(gateFanins(c, k));
    if (k === g) fs[0] = fs[0]! ^ 1;
    b.addGate(c.kinds[k] as GateKind, fs);
  }
  c.outputs.forEach((o, j) => b.addOutput(o, c.outputNames[j]));
  return { ...compiled, circuit: b.build() };
}
