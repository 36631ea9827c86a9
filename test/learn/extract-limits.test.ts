/**
 * Time and size limits of extraction: `extract --timeout S` ends on time and
 * says what it did not prove (exit 4), and models beyond the documented size
 * limits are refused with exit 3 before any work.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError, ValidationError } from '../../src/errors.js';
import { simulateRandom } from '../../src/core/simulate.js';
import { readCircuitFile } from '../../src/io/formats.js';
import { bnnTruthTables, bnnTruthTablesUntil, extractBnn, extractGateBound, MAX_BNN_WEIGHTS, MAX_EXTRACT_GATES, parseBnnJson, referenceCircuit, type BnnNetwork } from '../../src/learn/index.js';
import { Rng } from '../../src/util/rng.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

function modelJson(net: BnnNetwork): string {
  return JSON.stringify({ format: 'waterloo-bnn', version: 1, ...net });
}

/** One neuron over `n` inputs with weights in -3..3 (seeded): the reported 64-input case. */
function wideNeuron(n: number, seed: number, neurons = 1): BnnNetwork {
  const rng = new Rng(seed);
  const weights = Array.from({ length: neurons }, () => Array.from({ length: n }, () => rng.below(7) - 3));
  return { inputs: n, inputEncoding: 'binary', layers: [{ weights, bias: weights.map(() => 1), activation: 'step' }] };
}

describe('extract --timeout', () => {
  it('ends a 64-input neuron within the limit: the circuit is written and reported unproven (exit 4)', () => {
    const dir = tempDir();
    const model = join(dir, 'n64.json');
    writeFileSync(model, modelJson(wideNeuron(64, 5)));
    const out = join(dir, 'n64.aag');
    const t0 = Date.now();
    const r = runWaterloo(['extract', model, '--out', out, '--timeout', '5', '--json']);
    const ms = Date.now() - t0;
    console.log(`extract --timeout 5 on a 64-input neuron: exit ${r.code} after ${ms} ms`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(4);
    expect(ms).toBeLessThan(15_000);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ status: 'unproven', verification: 'unproven', inputs: 64 });
    expect(j.reason).toMatch(/SAT miter/);
    // the circuit was built and written; it agrees with the reference construction on random inputs
    const c = readCircuitFile(out);
    expect(simulateRandom(c, 4096, 1)).toEqual(simulateRandom(referenceCircuit(wideNeuron(64, 5)), 4096, 1));
  }, 30_000);

  it('says so and writes nothing when the circuit itself is not built in time', () => {
    const dir = tempDir();
    const model = join(dir, 'many.json');
    writeFileSync(model, modelJson(wideNeuron(64, 6, 80)));
    const out = join(dir, 'many.aag');
    const r = runWaterloo(['extract', model, '--out', out, '--timeout', '0.001']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/no circuit: the time limit .* was reached/);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('proves small models as before (exit 0, status proven)', () => {
    const dir = tempDir();
    const out = join(dir, 'fa.aag');
    const r = runWaterloo(['extract', 'test/fixtures/nn/fa-sign.json', '--out', out, '--timeout', '60', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'proven', verification: 'exhaustive' });
  });
});

describe('exhaustive evaluation under a deadline', () => {
  it('asks within a wide neuron, not only between neurons (a 200-input neuron over a 200-neuron layer)', () => {
    const rng = new Rng(9);
    const hidden = Array.from({ length: 200 }, () => Array.from({ length: 4 }, () => rng.below(5) - 2));
    const net: BnnNetwork = {
      inputs: 4,
      inputEncoding: 'binary',
      layers: [
        { weights: hidden, bias: hidden.map(() => 0), activation: 'sign' },
        { weights: [Array.from({ length: 200 }, () => 1 + rng.below(3))], bias: [0], activation: 'step' },
      ],
    };
    // 201 neurons: asked once per neuron, the 202nd question only comes from inside the wide one
    let calls = 0;
    expect(bnnTruthTablesUntil(net, () => ++calls > 201)).toBeUndefined();
    expect(bnnTruthTablesUntil(net, () => false)).toEqual(bnnTruthTables(net));
  });
});

describe('extract size limits', () => {
  it(`refuses more than ${MAX_BNN_WEIGHTS} weights at file:line:col (exit 3)`, () => {
    const n = 1001;
    const row = `[${Array(n).fill(0).join(',')}]`;
    const text = `{"format": "waterloo-bnn", "version": 1, "inputs": ${n}, "inputEncoding": "binary",\n "layers": [{"weights": [${Array(1000).fill(row).join(',')}], "bias": [${Array(1000).fill(0).join(',')}], "activation": "step"}]}`;
    let err: unknown;
    try {
      parseBnnJson(text, 'big.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).code).toBe('too-large');
    const dir = tempDir();
    const model = join(dir, 'big.json');
    writeFileSync(model, text);
    const r = runWaterloo(['extract', model, '--out', join(dir, 'x.aag')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/big\.json:2:\d+: layers\[0\]\.weights: the network has more than 1000000 weights/);
  });

  it(`refuses a model whose circuits could pass ${MAX_EXTRACT_GATES} gates, before building them (exit 3)`, async () => {
    // 20 neurons x 1000 inputs with weights near 2^20: few weights, but 31-bit accumulators (the reference circuit of this
    // model needed over 3M gates, past where structural hashing could merge different gates)
    const rng = new Rng(1);
    const weights = Array.from({ length: 20 }, () => Array.from({ length: 1000 }, () => (rng.below(2) ? 1 : -1) * (2 ** 20 - 1 - rng.below(1000))));
    const net: BnnNetwork = { inputs: 1000, inputEncoding: 'binary', layers: [{ weights, bias: weights.map(() => 0), activation: 'step' }] };
    expect(extractGateBound(net)).toBeGreaterThan(MAX_EXTRACT_GATES);
    const t0 = Date.now();
    await expect(extractBnn(net)).rejects.toSatisfy((e) => e instanceof ValidationError && e.code === 'too-large');
    expect(Date.now() - t0).toBeLessThan(2000);
    const dir = tempDir();
    const model = join(dir, 'wide.json');
    writeFileSync(model, modelJson(net));
    const r = runWaterloo(['extract', model, '--out', join(dir, 'x.aag')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/too large to extract/);
  }, 30_000);
});
