import { describe, expect, it } from 'vitest';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { ParseError, UnsupportedError, ValidationError, WaterlooError } from '../../src/errors.js';
import {
  bnnTruthTables,
  evaluateBnn,
  extractBnn,
  extractBnnCircuit,
  parseBnnJson,
  referenceCircuit,
  trainBnn,
  validateBnn,
  writeBnnJson,
  type BnnLayer,
  type BnnNetwork,
} from '../../src/learn/index.js';
import { parseProblem } from '../../src/problems/index.js';
import { specSatisfiedBy } from '../../src/tt/spec.js';
import { toHex, ttEqual } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';

const MAJ3: BnnNetwork = { inputs: 3, inputEncoding: 'bipolar', layers: [{ weights: [[1, 1, 1]], bias: [0], activation: 'sign' }] };

/** A random network: 1-3 layers, weights in [-3, 3], random encodings and activations. */
function randomNetwork(rng: Rng, inputs: number): BnnNetwork {
  const layers: BnnLayer[] = [];
  let width = inputs;
  const depth = 1 + rng.below(3);
  for (let l = 0; l < depth; l++) {
    const outs = 1 + rng.below(4);
    layers.push({
      weights: Array.from({ length: outs }, () => Array.from({ length: width }, () => rng.below(7) - 3)),
      bias: Array.from({ length: outs }, () => rng.below(2 * width + 3) - width - 1),
      activation: rng.below(2) ? 'sign' : 'step',
    });
    width = outs;
  }
  return { inputs, inputEncoding: rng.below(2) ? 'bipolar' : 'binary', layers };
}

describe('network semantics', () => {
  it('evaluates sums >= 0 as 1 under both encodings (hand-checked)', () => {
    expect(toHex(bnnTruthTables(MAJ3)[0]!)).toBe('e8');
    // binary inputs, step: x0 + x1 - 2 >= 0 is AND; then a sign layer reading {0,1} as 1/0
    const and2: BnnNetwork = { inputs: 2, inputEncoding: 'binary', layers: [{ weights: [[1, 1]], bias: [-2], activation: 'step' }] };
    expect(toHex(bnnTruthTables(and2)[0]!)).toBe('8');
    // next layer sees a step layer's 0 as 0 and a sign layer's 0 as -1
    const viaStep: BnnNetwork = { inputs: 1, inputEncoding: 'binary', layers: [{ weights: [[1]], bias: [-1], activation: 'step' }, { weights: [[1]], bias: [0], activation: 'sign' }] };
    const viaSign: BnnNetwork = { ...viaStep, layers: [{ ...viaStep.layers[0]!, activation: 'sign' }, viaStep.layers[1]!] };
    expect(evaluateBnn(viaStep, [false])).toEqual([true]); // 0 + 0 >= 0
    expect(evaluateBnn(viaSign, [false])).toEqual([false]); // -1 + 0 < 0
    expect(toHex(bnnTruthTables(viaStep)[0]!)).toBe('3');
    expect(toHex(bnnTruthTables(viaSign)[0]!)).toBe('2');
  });
  it('refuses non-integer weights and bad shapes with the path', () => {
    const bad = { ...MAJ3, layers: [{ weights: [[1, 0.5, 1]], bias: [0], activation: 'sign' as const }] };
    expect(() => validateBnn(bad)).toThrow(/layers\[0\]\.weights\[0\]\[1\]: not an integer/);
    expect(() => validateBnn({ ...MAJ3, inputs: 2 })).toThrow(ValidationError);
  });
});

describe('JSON format', () => {
  it('round-trips a network, names included', () => {
    const net: BnnNetwork = { ...randomNetwork(new Rng(5), 4), inputNames: ['a', 'b', 'c', 'd'] };
    const text = writeBnnJson(net, 'round trip');
    const back = parseBnnJson(text, 'rt.json');
    expect(back).toEqual(net);
    expect(writeBnnJson(back, 'round trip')).toBe(text);
  });
  it('names file, line, column and path in errors', () => {
    const text = writeBnnJson(MAJ3).replace('[1, 1, 1]', '[1, 1.5, 1]');
    let err: unknown;
    try {
      parseBnnJson(text, 'm.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    const pe = err as ParseError;
    expect(pe.message).toMatch(/^m\.json:\d+:\d+: layers\[0\]\.weights\[0\]\[1\]: not an integer$/);
    const line = text.split('\n')[pe.line - 1]!;
    expect(line.slice(pe.column - 1)).toMatch(/^1\.5/);
    for (const [mutate, re] of [
      [(s: string) => s.replace('"sign"', '"relu"'), /activation: expected "sign" or "step"/],
      [(s: string) => s.replace('"inputs": 3', '"inputs": 4'), /weights\[0\]: has 3 entries, the layer has 4 inputs/],
      [(s: string) => s.replace('"version": 1,', '"version": 1, "extra": 0,'), /extra: unknown key/],
      [(s: string) => s.replace('"format": "waterloo-bnn",', ''), /missing key "format"/],
      [(s: string) => s.slice(0, 40), /unexpected end|unterminated|expected/],
    ] as const) {
      expect(() => parseBnnJson(mutate(writeBnnJson(MAJ3)), 'm.json')).toThrow(re);
    }
  });
  it('never crashes on mutated text (seeded fuzz)', () => {
    const seed = 20261125;
    console.log(`bnn-json-fuzz seed ${seed}`);
    const rng = new Rng(seed);
    const base = writeBnnJson(randomNetwork(rng, 3));
    const alphabet = '{}[],:"0123456789.-e x';
    for (let k = 0; k < 400; k++) {
      const chars = [...base];
      for (let m = 0; m < 1 + rng.below(3); m++) {
        const at = rng.below(chars.length);
        const op = rng.below(3);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, alphabet[rng.below(alphabet.length)]!);
        else chars[at] = alphabet[rng.below(alphabet.length)]!;
      }
      try {
        const net = parseBnnJson(chars.join(''), 'fuzz.json');
        validateBnn(net);
      } catch (e) {
        expect(e, `mutant ${k}`).toBeInstanceOf(WaterlooError);
      }
    }
  });
});

describe('extraction', () => {
  it('is equal to the network on every input (random networks, seeded)', () => {
    const seed = 77;
    console.log(`bnn-extract property seed ${seed}`);
    const rng = new Rng(seed);
    for (let k = 0; k < 60; k++) {
      const net = randomNetwork(rng, 1 + rng.below(6));
      const c = extractBnnCircuit(net);
      const got = simulateTruthTables(c);
      bnnTruthTables(net).forEach((t, j) => expect(ttEqual(t, got[j]!), `network ${k} output ${j}`).toBe(true));
      // the independent reference construction agrees too
      const ref = simulateTruthTables(referenceCircuit(net));
      bnnTruthTables(net).forEach((t, j) => expect(ttEqual(t, ref[j]!), `reference ${k} output ${j}`).toBe(true));
    }
  });
  it('uses exact synthesis for small neurons and verifies (MAJ3 = 4 AIG gates, B2 = 4)', async () => {
    const aig = await extractBnn(MAJ3, { basis: 'AIG' });
    expect(aig.stats).toMatchObject({ exactNeurons: 1, verification: 'exhaustive', gatesAfterCleanup: 4 });
    const b2 = await extractBnn(MAJ3, { basis: 'B2' });
    expect(b2.circuit.numGates).toBe(4);
    expect(toHex(simulateTruthTables(b2.circuit)[0]!)).toBe('e8');
  });
  it('proves a 22-input network by a SAT miter against the reference circuit', async () => {
    const rng = new Rng(3);
    const net: BnnNetwork = {
      inputs: 22,
      inputEncoding: 'binary',
      layers: [
        { weights: Array.from({ length: 3 }, () => Array.from({ length: 22 }, () => rng.below(3) - 1)), bias: [0, -2, 3], activation: 'step' },
        { weights: [[1, -1, 1]], bias: [-1], activation: 'sign' },
      ],
    };
    expect(() => extractBnnCircuit(net)).toThrow(UnsupportedError);
    const r = await extractBnn(net, { exactFanin: 0 });
    expect(r.stats.verification).toBe('sat');
  }, 30000);
});

describe('training (STE)', () => {
  for (const name of ['maj:3', 'xor:3']) {
    it(`reaches 100% on ${name} and extracts to a circuit meeting the spec`, () => {
      const task = parseProblem(name);
      const r = trainBnn(task, { seed: 1 });
      expect(r.accuracy).toBe(1);
      expect(r.network.layers.flatMap((l) => l.weights.flat()).every(Number.isInteger)).toBe(true);
      const c = extractBnnCircuit(r.network);
      expect(specSatisfiedBy(task.spec, simulateTruthTables(c))).toBe(true);
      // deterministic for a seed
      expect(trainBnn(task, { seed: 1 }).network).toEqual(r.network);
    });
  }
});
