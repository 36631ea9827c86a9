import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCircuitFile } from '../../src/io/formats.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { toHex } from '../../src/tt/truth-table.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

describe('waterloo extract', () => {
  it('extracts the ONNX fixture into a verified AIGER file and reports sizes', () => {
    const dir = tempDir();
    const out = join(dir, 'fa.aag');
    const r = runWaterloo(['extract', 'test/fixtures/nn/fa-sign.onnx', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ inputs: 3, outputs: 2, neurons: 6, basis: 'AIG', verification: 'exhaustive' });
    const c = readCircuitFile(out);
    expect(simulateTruthTables(c).map(toHex)).toEqual(['96', 'e8']);
    expect(c.numGates).toBe(j.gates);
  });
  it('extracts a neuron whose weights skip a bit position (4x0 + 4x1 + x2 >= 5; crashed with exit 70 before)', () => {
    const dir = tempDir();
    const model = join(dir, 'gap.json');
    writeFileSync(model, '{"format": "waterloo-bnn", "version": 1, "inputs": 3, "inputEncoding": "binary", "layers": [{"weights": [[4, 4, 1]], "bias": [-5], "activation": "step"}]}');
    const out = join(dir, 'gap.aag');
    const r = runWaterloo(['extract', model, '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // 1 iff 4 x0 + 4 x1 + x2 >= 5: minterms 5, 6, 7 (x0 x2, x1 x2, x0 x1 x2) and 3 (x0 x1): 0b11101000
    expect(simulateTruthTables(readCircuitFile(out)).map(toHex)).toEqual(['e8']);
  });
  it('exits 3 on a bad model and 2 on bad usage, without stack traces', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": "waterloo-bnn", "version": 1, "inputs": 1, "inputEncoding": "binary", "layers": [{"weights": [[0.5]], "bias": [0], "activation": "step"}]}');
    const r = runWaterloo(['extract', bad, '--out', join(dir, 'x.aag')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/layers\[0\]\.weights\[0\]\[0\]: not an integer/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(runWaterloo(['extract', 'test/fixtures/nn/fa-sign.onnx']).code).toBe(2);
    expect(runWaterloo(['extract', 'model.txt', '--out', join(dir, 'x.aag')]).code).toBe(2);
  });
});
