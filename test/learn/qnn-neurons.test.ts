import { describe, expect, it } from 'vitest';
import { neuronsReport } from '../../src/learn/qnn/neurons-report.js';
import type { IntNetwork } from '../../src/learn/qnn/network.js';
import { runWaterloo } from '../helpers/cli.js';

describe('neurons report', () => {
  it('gives fan-in, weights, thresholds, support, constancy and small neurons\' tables, NPN classes and proven minimum sizes', async () => {
    const net: IntNetwork = {
      inputs: [{ name: 'a', code: { kind: 'bipolar' } }, { name: 'b', code: { kind: 'bipolar' } }, { name: 'c', code: { kind: 'bipolar' } }],
      layers: [
        {
          source: 'L1',
          weights: [[1n, 1n, 1n], [0n, 2n, 0n], [1n, -1n, 0n]],
          bias: [0n, 0n, 0n],
          // MAJ3; a constant (2b in [-2, 2] never reaches 3); a 2-bit count of a - b over thresholds -1, 1, 2
          activation: { kind: 'thresholds', code: { kind: 'unsigned', bits: 2 }, thresholds: [[1n], [3n], [2n, -1n, 1n]] },
        },
        { source: 'L2', weights: [[1n, 1n, 1n]], bias: [0n], activation: { kind: 'scores' } },
      ],
      outputNames: ['y'],
      argmax: { valid: true, reason: 'test' },
    };
    const r = await neuronsReport(net, { synthTimeLimitMs: 5000 });
    expect(r.map((n) => n.label)).toEqual(['L1.n1', 'L1.n2', 'L1.n3', 'L2.n1']);
    const [maj, constant, count, score] = r;
    expect(maj).toMatchObject({ fanin: 3, weights: { '1': 3 }, thresholds: ['1'], supportBits: 3, constant: false, sumRange: ['-3', '3'] });
    expect(maj!.functions![0]).toMatchObject({ bit: 0, table: 'e8', minSize: 4, sizeStatus: 'optimal' });
    expect(maj!.functions![1]).toMatchObject({ bit: 1, table: '00', minSize: 0 });
    expect(constant).toMatchObject({ fanin: 1, constant: true, support: ['b'] });
    // s = a - b: 0 when equal (count 1: only -1 reached), 2 for a=1,b=0 (count 3), -2 for a=0,b=1 (count 0);
    // over minterms (a, b) = 00, 10, 01, 11 the counts are 1, 3, 0, 1: bit 0 = 1011 (b), bit 1 = 0010 (2)
    expect(count!.thresholds).toEqual(['-1', '1', '2']);
    expect(count!.functions!.map((f) => f.table)).toEqual(['b', '2']);
    expect(score).toMatchObject({ thresholds: null, support: ['L1.n1', 'L1.n3'] });
    expect(score!.functions).toBeUndefined();
  });

  it('runs as waterloo neurons on a model file, with --json', () => {
    const r = runWaterloo(['neurons', 'test/fixtures/nn/fa-sign.onnx', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.neurons).toHaveLength(6);
    expect(j.neurons[0]).toMatchObject({ label: 'L1.n1', fanin: 3, functions: [{ table: 'e8', npnClass: '17', minSize: 4, sizeStatus: 'optimal' }] });
    const text = runWaterloo(['neurons', 'test/fixtures/nn/fa-sign.onnx']);
    expect(text.stdout).toMatch(/^L1\.n1: fan-in 3 \(3:3\), bias 0, thresholds 0, support 3 bits/m);
  });
});
