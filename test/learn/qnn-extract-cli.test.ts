import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCircuitFile } from '../../src/io/formats.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { toHex } from '../../src/tt/truth-table.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

/** A waterloo-bnn JSON model with `inputs` inputs and one layer of `neurons` +-1 neurons (deterministic weights). */
function wideBnn(inputs: number, neurons: number): string {
  const weights = Array.from({ length: neurons }, (_, i) => Array.from({ length: inputs }, (_, j) => ((i * 7 + j * 13) % 5 < 2 ? -1 : 1)));
  return JSON.stringify({ format: 'waterloo-bnn', version: 1, inputs, inputEncoding: 'bipolar', layers: [{ weights, bias: weights.map(() => 1), activation: 'sign' }] });
}

describe('waterloo extract, integer-network path (--output / --provenance)', () => {
  it('extracts a BNN through the neuron-by-neuron proof and writes the provenance map keyed by the .bench names', () => {
    const dir = tempDir();
    const out = join(dir, 'fa.bench');
    const prov = join(dir, 'fa.prov.json');
    const r = runWaterloo(['extract', 'test/fixtures/nn/fa-sign.onnx', '--out', out, '--output', 'bits', '--provenance', prov, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ inputs: 3, inputBits: 3, outputs: 2, output: 'bits', status: 'proven', unproven: [] });
    expect(simulateTruthTables(readCircuitFile(out)).map(toHex)).toEqual(['96', 'e8']);
    const map = JSON.parse(readFileSync(prov, 'utf8'));
    expect(map.format).toBe('waterloo-provenance/1');
    const defined = new Set(readFileSync(out, 'utf8').split('\n').filter((l) => l.includes(' = ')).map((l) => l.split(' = ')[0]));
    expect(Object.keys(map.gates).length).toBeGreaterThan(0);
    for (const [name, label] of Object.entries(map.gates)) {
      expect(defined.has(name), name).toBe(true);
      expect(label).toMatch(/^L[12]\.n\d+(\.t\d+)?$/);
    }
  });

  it('refuses --output argmax and scores for a network without scores (exit 3, with the reason)', () => {
    const dir = tempDir();
    for (const output of ['argmax', 'scores']) {
      const r = runWaterloo(['extract', 'test/fixtures/nn/fa-sign.onnx', '--out', join(dir, 'x.aag'), '--output', output]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/needs a network whose last layer outputs scores/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('with a timeout too short for the proof, lists the unproven neurons, still writes the circuit, and exits 4', () => {
    const dir = tempDir();
    // 400 neurons of fan-in 20, each proven by simulation over 2^20 rows: far more than 5 s of proof
    const model = join(dir, 'many.json');
    const weights = Array.from({ length: 400 }, (_, i) => Array.from({ length: 20 }, (_, j) => ((i * 7 + j * 13 + i * j) % 7) - 3));
    writeFileSync(model, JSON.stringify({ format: 'waterloo-bnn', version: 1, inputs: 20, inputEncoding: 'bipolar', layers: [{ weights, bias: weights.map(() => 1), activation: 'sign' }] }));
    const out = join(dir, 'many.aag');
    const r = runWaterloo(['extract', model, '--out', out, '--output', 'bits', '--timeout', '5', '--json']);
    expect(r.code).toBe(4);
    const j = JSON.parse(r.stdout);
    expect(j.status).toBe('unproven');
    expect(j.unproven.length).toBeGreaterThan(0);
    expect(j.unproven[j.unproven.length - 1]).toEqual({ part: 'L1.n400', reason: 'the time limit was reached before its proof' });
    expect(readCircuitFile(out).outputs.length).toBe(400);
  }, 30_000);

  it('proves wide BNN neurons through their adder cells', () => {
    const dir = tempDir();
    const model = join(dir, 'wide.json');
    writeFileSync(model, wideBnn(300, 12));
    const ok = runWaterloo(['extract', model, '--out', join(dir, 'wide.aag'), '--output', 'bits', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).proof).toEqual({ 'adder-cells': 12 });
  });

  it('extracts TFC_1W1A (QONNX) with --output argmax into a circuit proven neuron by neuron that agrees with a float evaluation of the graph', () => {
    const dir = tempDir();
    const out = join(dir, 'tfc.aig');
    const r = runWaterloo(['extract', 'test/fixtures/qonnx/TFC_1W1A.onnx', '--out', out, '--output', 'argmax', '--check-samples', '1500', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ inputs: 784, inputBits: 784, outputs: 4, output: 'argmax', status: 'proven', unproven: [], proof: { 'adder-cells': 202, 'argmax-stages': 1 } });
    expect(readCircuitFile(out).numGates).toBe(j.gates);
    expect(j.differential).toMatchObject({ samples: 1500, circuitSamples: 1500, disagreements: 0, circuitDisagreements: 0 });
    expect(j.differential.onThreshold).toBeGreaterThan(0);
  }, 90_000);
});
