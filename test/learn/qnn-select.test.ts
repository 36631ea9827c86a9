import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseBench } from '../../src/io/bench-read.js';
import { writeBench } from '../../src/io/bench-write.js';
import { extractIntNetwork } from '../../src/learn/qnn/extract.js';
import { provenanceJson } from '../../src/learn/qnn/provenance.js';
import { randomIntNetwork } from '../../src/learn/qnn/random-network.js';
import { selectByProvenance } from '../../src/learn/qnn/select-neurons.js';
import { caught } from '../helpers/fixtures.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

describe('cutting neurons and layers out of an extracted circuit by provenance', () => {
  it('cuts exactly the gates labelled with the neuron or the layer, from the circuit read back from its .bench file', () => {
    const net = randomIntNetwork({ seed: 4, inputs: 8, inputCode: { kind: 'bipolar' }, hidden: [3, 2], hiddenCode: { kind: 'bipolar' }, scores: 0, maxWeight: 2 });
    const r = extractIntNetwork(net);
    const map = provenanceJson(r.circuit, r.provenance);
    const read = parseBench(writeBench(r.circuit));
    const count = (sel: string): number => Object.values(map.gates).filter((l) => l === sel || l.startsWith(sel + '.')).length;
    for (const sel of ['L1.n1', 'L1.n2', 'L2.n1', 'L1', 'L2']) {
      const sub = selectByProvenance(read, map, sel);
      expect(sub.numGates, sel).toBe(count(sel));
      expect(sub.outputs.length, sel).toBeGreaterThan(0);
    }
    // a first-layer neuron reads model inputs only; the second layer reads first-layer outputs
    expect(selectByProvenance(read, map, 'L1.n1').inputNames.every((n) => n.startsWith('global_in['))).toBe(true);
    const e = caught(() => selectByProvenance(read, map, 'L7'));
    expect(e).toBeInstanceOf(UsageError);
    expect(caught(() => selectByProvenance(read, map, 'layer one'))).toBeInstanceOf(UsageError);
  });

  it('find --neuron recognises the majority neuron of the full-adder network', () => {
    const dir = tempDir();
    const out = join(dir, 'fa.bench');
    const prov = join(dir, 'fa.json');
    expect(runWaterloo(['extract', 'test/fixtures/nn/fa-sign.onnx', '--out', out, '--output', 'bits', '--provenance', prov]).code).toBe(0);
    expect(JSON.parse(readFileSync(prov, 'utf8')).format).toBe('waterloo-provenance/1');
    const r = runWaterloo(['find', out, '--provenance', prov, '--neuron', 'L1.n1', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).matches.map((m: { name: string }) => m.name)).toContain('MAJ_3');
    const bad = runWaterloo(['find', out, '--neuron', 'L1.n1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--neuron needs --provenance/);
  });
});

describe('provenance of AIGER files', () => {
  it('keys an .aag file\'s map by the ids a reader generates, which the explorer\'s parser and find --layer accept; argmax gates are left out', async () => {
    const { parseProvenanceMap } = await import('../../src/explore/provenance-map.js');
    const { readCircuitFile } = await import('../../src/io/formats.js');
    const dir = tempDir();
    const net = randomIntNetwork({ seed: 9, inputs: 10, inputCode: { kind: 'bipolar' }, hidden: [3], hiddenCode: { kind: 'bipolar' }, scores: 3, maxWeight: 2 });
    const r = extractIntNetwork(net, { output: 'argmax' });
    const out = join(dir, 'net.aag');
    await (await import('../../src/io/formats.js')).writeCircuitFile(r.circuit, out);
    const map = provenanceJson(r.circuit, r.provenance, 'generated');
    expect(Object.values(map.gates)).not.toContain('argmax');
    writeFileSync(join(dir, 'net.prov.json'), JSON.stringify(map));
    const read = readCircuitFile(out);
    const parsed = parseProvenanceMap(JSON.stringify(map), read);
    expect(parsed.size).toBe(Object.keys(map.gates).length);
    expect(selectByProvenance(read, map, 'L2').numGates).toBe(Object.values(map.gates).filter((l) => l.startsWith('L2.')).length);
    const f = runWaterloo(['find', out, '--provenance', join(dir, 'net.prov.json'), '--layer', 'L1', '--json']);
    expect(f.code).toBe(0);
  });
});

describe('experiment real-networks', () => {
  it('writes per-layer tables (kept / constant / removed, fan-in, gates, minimal small neurons, find) for the models given', () => {
    const dir = tempDir();
    const r = runWaterloo(['experiment', 'real-networks', 'test/fixtures/nn/fa-sign.onnx', '--out-dir', dir, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(join(dir, 'real-networks.json'), 'utf8'));
    const layers = j.tables.find((t: { title: string }) => t.title === 'Layers');
    expect(layers.rows).toMatchObject([
      { model: 'fa-sign.onnx', layer: 'L1', neurons: 4, kept: 4, constant: 0, removed: 0, 'fan-in': '1/2/3', gates: 6 },
      { model: 'fa-sign.onnx', layer: 'L2', neurons: 2, kept: 2, constant: 0, removed: 0, 'fan-in': '4/4/4', gates: 32 },
    ]);
    // L1.n1 is MAJ3 over three inputs built with 6 AIG gates (the minimum is 4); the three one-input neurons are single literals (minimum 0)
    expect(layers.rows[0]).toMatchObject({ small: 4, minimal: 3 });
    expect(layers.rows[1].find).toContain('MAJ_3');
    expect(readFileSync(join(dir, 'real-networks.md'), 'utf8')).toContain('| fa-sign.onnx | L2 |');
    expect(runWaterloo(['experiment', 'real-networks', '--out-dir', dir]).code).toBe(2);
  });
});
