import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { UnsupportedError, WaterlooError } from '../../src/errors.js';
import { bnnTruthTables, extractBnn, parseBnnJson, parseOnnx, writeOnnx, type BnnNetwork } from '../../src/learn/index.js';
import { toHex } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'nn');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe('ONNX import', () => {
  it('reads the exporter-made fixture as the same network as its JSON twin, and extracts the full adder', async () => {
    const fromJson = parseBnnJson(readFileSync(join(FIXTURES, 'fa-sign.json'), 'utf8'), 'fa-sign.json');
    const net = await parseOnnx(fixture('fa-sign.onnx'), 'fa-sign.onnx');
    expect(net.layers).toEqual(fromJson.layers);
    expect(net.inputEncoding).toBe('bipolar');
    const r = await extractBnn(net);
    // fa: sum = x0 ^ x1 ^ x2 (96), carry = maj (e8)
    expect(simulateTruthTables(r.circuit).map(toHex)).toEqual(['96', 'e8']);
    expect(r.stats.verification).toBe('exhaustive');
  });
  it('reads the hand-written fixture (MatMul + Sub + Greater + Cast, MatMul + LessOrEqual, bool output)', async () => {
    const net = await parseOnnx(fixture('exact1-maj3-byhand.onnx'), 'byhand.onnx');
    expect(net.inputEncoding).toBe('binary');
    expect(net.layers.map((l) => l.activation)).toEqual(['step', 'step']);
    // exactly one of three inputs set (minterms 1, 2, 4) and majority
    expect(bnnTruthTables(net).map(toHex)).toEqual(['16', 'e8']);
    const r = await extractBnn(net, { basis: 'B2' });
    expect(simulateTruthTables(r.circuit).map(toHex)).toEqual(['16', 'e8']);
  });
  it('round-trips random networks through writeOnnx/parseOnnx', async () => {
    const rng = new Rng(11);
    for (let k = 0; k < 20; k++) {
      const inputs = 1 + rng.below(4);
      const net: BnnNetwork = {
        inputs,
        inputEncoding: rng.below(2) ? 'binary' : 'bipolar',
        layers: [
          { weights: [[...Array(inputs)].map(() => rng.below(5) - 2), [...Array(inputs)].map(() => rng.below(5) - 2)], bias: [rng.below(5) - 2, rng.below(5) - 2], activation: rng.below(2) ? 'sign' : 'step' },
          { weights: [[rng.below(5) - 2, rng.below(5) - 2]], bias: [rng.below(3) - 1], activation: rng.below(2) ? 'sign' : 'step' },
        ],
      };
      const back = await parseOnnx(await writeOnnx(net), `rt${k}.onnx`);
      expect(back.layers, `network ${k}`).toEqual(net.layers);
      expect(bnnTruthTables(back).map(toHex)).toEqual(bnnTruthTables(net).map(toHex));
    }
  });
  it('refuses unsupported ops naming op and node, and Sign that can see 0', async () => {
    const bytes = fixture('exact1-maj3-byhand.onnx');
    // rename the op "LessOrEqual" (same length) to an unsupported one
    const text = Buffer.from(bytes).toString('latin1').replace('LessOrEqual', 'LessOrEqulX');
    await expect(parseOnnx(new Uint8Array(Buffer.from(text, 'latin1')), 'x.onnx')).rejects.toThrow(/node "le1" \(LessOrEqulX\): operator LessOrEqulX is not supported/);
    // integer bias with an even fan-in of +-1 inputs: sum 0 reachable, Sign(0) = 0 is not a bit
    const net: BnnNetwork = { inputs: 2, inputEncoding: 'bipolar', layers: [{ weights: [[1, 1]], bias: [0], activation: 'sign' }] };
    const exported = Buffer.from(await writeOnnx(net));
    const half = exported.indexOf(Buffer.from([0, 0, 0, 0x3f])); // the bias 0.5f the exporter writes
    expect(half).toBeGreaterThan(0);
    exported[half + 3] = 0; // bias 0.0f
    await expect(parseOnnx(new Uint8Array(exported), 's.onnx')).rejects.toThrow(/sign0.*neuron 0 can have sum exactly 0/);
    exported[half + 2] = 0x80;
    exported[half + 3] = 0x3f; // bias 1.0f: sum + 1 is odd, never 0, accepted
    expect(toHex(bnnTruthTables(await parseOnnx(new Uint8Array(exported), 's.onnx'))[0]!)).toBe('e');
    await expect(parseOnnx(new Uint8Array(Buffer.from('not a protobuf at all, just text'.repeat(3))), 'junk.onnx')).rejects.toBeInstanceOf(WaterlooError);
  });
  it('never crashes on truncated or mutated bytes (seeded fuzz)', async () => {
    const seed = 424242;
    console.log(`onnx-fuzz seed ${seed}`);
    const rng = new Rng(seed);
    const bases = [fixture('fa-sign.onnx'), fixture('exact1-maj3-byhand.onnx')];
    let accepted = 0;
    for (let k = 0; k < 300; k++) {
      const base = bases[k % 2]!;
      let bytes: Uint8Array;
      if (k % 3 === 0) bytes = base.slice(0, rng.below(base.length));
      else {
        bytes = base.slice();
        for (let m = 0; m < 1 + rng.below(4); m++) bytes[rng.below(bytes.length)] = rng.below(256);
      }
      try {
        const net = await parseOnnx(bytes, `fuzz${k}.onnx`);
        if (net.inputs <= 6) await extractBnn(net, { exactFanin: 0 });
        accepted++;
      } catch (e) {
        expect(e, `mutant ${k}`).toBeInstanceOf(WaterlooError);
      }
    }
    expect(accepted).toBeLessThan(300);
  });
  it('UnsupportedError for a graph whose output is not binarized', async () => {
    const text = Buffer.from(fixture('fa-sign.onnx')).toString('latin1');
    expect(text).toContain('Sign');
    const mutated = text.replace(/Sign/g, 'Relu'); // same length; Relu is not supported
    await expect(parseOnnx(new Uint8Array(Buffer.from(mutated, 'latin1')), 'relu.onnx')).rejects.toBeInstanceOf(UnsupportedError);
  });
});
