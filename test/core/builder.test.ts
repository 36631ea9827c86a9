import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { validateCircuit } from '../../src/core/circuit.js';
import { OPS } from '../../src/core/gate.js';
import { evaluate, simulateTruthTables, simulateRandom } from '../../src/core/simulate.js';
import { toAig, isAig } from '../../src/core/to-aig.js';
import { strash, cleanup } from '../../src/core/cleanup.js';
import { depth } from '../../src/core/analysis.js';
import { circuitCost } from '../../src/core/cost.js';
import { createFromFunction, fromHex, toHex } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';

function fullAdder(strashOn = true) {
  const b = new CircuitBuilder({ strash: strashOn });
  const [x, y, z] = b.addInputs(3);
  const s1 = b.op2(OPS.XOR, x!, y!);
  b.addOutput(b.op2(OPS.XOR, s1, z!), 'sum');
  const c = b.op2(OPS.OR, b.op2(OPS.AND, x!, y!), b.op2(OPS.AND, s1, z!));
  b.addOutput(c, 'carry');
  return b.build();
}

describe('CircuitBuilder', () => {
  it('builds a full adder in B2 with 5 gates', () => {
    const c = fullAdder();
    validateCircuit(c);
    expect(c.numGates).toBe(5);
    expect(simulateTruthTables(c).map(toHex)).toEqual(['96', 'e8']);
    expect(circuitCost(c, 'B2')).toMatchObject({ inBasis: true, size: 5 });
    expect(circuitCost(c, 'U2').inBasis).toBe(false);
    expect(depth(c)).toBe(3);
  });
  it('hashes structurally and folds trivial gates', () => {
    const b = new CircuitBuilder();
    const [x, y] = b.addInputs(2);
    const a1 = b.and(x!, y!);
    expect(b.and(y!, x!)).toBe(a1);
    expect(b.and(x!, x!)).toBe(x);
    expect(b.and(x!, x! ^ 1)).toBe(0);
    expect(b.and(x!, 1)).toBe(x);
    expect(b.xor(x!, x!)).toBe(0);
    expect(b.xor(x! ^ 1, y!)).toBe(b.xor(x!, y!) ^ 1);
    expect(b.maj(x!, x!, y!)).toBe(x);
    expect(b.maj(x! ^ 1, y! ^ 1, a1 ^ 1)).toBe(b.maj(x!, y!, a1) ^ 1);
    // a LUT gate with a complemented fanin folds it into its table
    expect(b.op2(OPS.AND, x! ^ 1, y!)).toBe(b.op2(OPS.NOT_A_AND_B, x!, y!));
    // a LUT gate whose fanin order differs is the same gate
    expect(b.op2(OPS.A_AND_NOT_B, x!, y!)).toBe(b.op2(OPS.NOT_A_AND_B, y!, x!));
    expect(b.op2(OPS.A, x!, y!)).toBe(x);
    expect(b.op2(OPS.NOT_B, x!, y!)).toBe(y! ^ 1);
  });
  it('keeps structure exactly without strash', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y] = b.addInputs(2);
    b.and(x!, y!);
    b.and(x!, y!);
    expect(b.numGates).toBe(2);
  });
  it('refuses literals that do not exist and inputs after gates', () => {
    const b = new CircuitBuilder();
    const [x] = b.addInputs(1);
    expect(() => b.and(x!, 40)).toThrow(/refers to no existing node/);
    b.xor(x!, 1);
    b.and(x!, 3);
    b.and(x!, 2 ^ 1);
    b.and(x!, 0);
    const b2 = new CircuitBuilder({ strash: false });
    const [p, q] = b2.addInputs(2);
    b2.and(p!, q!);
    expect(() => b2.addInput()).toThrow(/before gates/);
  });
});

/** Random circuit with all gate kinds, for cross-checks of simulation and decomposition. */
function randomCircuit(seed: number) {
  const r = new Rng(seed);
  const b = new CircuitBuilder({ strash: false });
  const n = 1 + r.below(7);
  const lits = b.addInputs(n);
  lits.push(0, 1);
  for (let g = 0; g < 3 + r.below(25); g++) {
    const pick = () => lits[r.below(lits.length)]! ^ r.below(2);
    const kind = r.below(4);
    const k = kind === 2 ? 3 : 2 + r.below(3);
    const fs = Array.from({ length: k }, pick);
    const lit = kind === 3 ? b.lut(createFromFunction(k, () => r.below(2) === 1), fs) : b.addGate(kind as 0 | 1 | 2, fs);
    lits.push(lit);
  }
  for (let o = 0; o < 1 + r.below(4); o++) b.addOutput(lits[r.below(lits.length)]! ^ r.below(2));
  return b.build();
}

describe('simulation and decomposition', () => {
  const seed = 20261124;
  it(`exhaustive, single-vector and random simulation agree (seed ${seed})`, () => {
    for (let t = 0; t < 200; t++) {
      const c = randomCircuit(seed + t);
      validateCircuit(c);
      const tts = simulateTruthTables(c);
      for (let m = 0; m < 2 ** c.numInputs; m++) {
        const out = evaluate(c, Array.from({ length: c.numInputs }, (_, i) => ((m >> i) & 1) === 1));
        out.forEach((v, j) => expect(v).toBe(tts[j]!.get(m)));
      }
      const rnd = simulateRandom(c, 64, 7);
      expect(rnd[0]!.length).toBe(2);
    }
  });
  it(`toAig, strash and cleanup preserve every output function (seed ${seed})`, () => {
    for (let t = 0; t < 200; t++) {
      const c = randomCircuit(seed * 3 + t);
      const want = simulateTruthTables(c).map(toHex);
      const aig = toAig(c);
      expect(isAig(aig)).toBe(true);
      expect(simulateTruthTables(aig).map(toHex)).toEqual(want);
      expect(simulateTruthTables(strash(c)).map(toHex)).toEqual(want);
      expect(simulateTruthTables(cleanup(c)).map(toHex)).toEqual(want);
      expect(aig.inputNames).toEqual(c.inputNames);
    }
  });
  it('simulates 16-input circuits exhaustively', () => {
    const b = new CircuitBuilder();
    const xs = b.addInputs(16);
    b.addOutput(b.xorN(xs));
    b.addOutput(b.andN(xs));
    const [par, and] = simulateTruthTables(b.build());
    expect(par!.get(0b1011)).toBe(true);
    expect(par!.get(0b1001)).toBe(false);
    expect(and!.get(0xffff)).toBe(true);
    expect(and!.get(0xfffe)).toBe(false);
  });
  it('output negations are free by default and cost NOT gates in B2 on request', () => {
    const b = new CircuitBuilder();
    const [x, y] = b.addInputs(2);
    const g = b.and(x!, y!);
    b.addOutput(x! ^ 1);
    b.addOutput(g);
    b.addOutput(g ^ 1);
    const c = b.build();
    expect(circuitCost(c, 'AIG')).toMatchObject({ inBasis: true, size: 1 });
    expect(circuitCost(c, 'B2')).toMatchObject({ inBasis: true, size: 1, notGates: 0 });
    expect(circuitCost(c, 'B2', { outputNegations: 'gate' })).toMatchObject({ inBasis: true, size: 3, notGates: 2 });
    expect(circuitCost(c, 'AIG', { outputNegations: 'gate' })).toMatchObject({ inBasis: true, size: 1 });
    expect(toHex(simulateTruthTables(c)[0]!)).toBe(toHex(fromHex('5', 2)));
  });
});
