import { describe, expect, it } from 'vitest';
import {
  CircuitBuilder,
  circuitCost,
  cleanCircuit,
  datasetOfSpec,
  datasetOfTask,
  evaluateGateNetwork,
  extractCircuit,
  gateNetworkFromJson,
  gateNetworkToJson,
  IsomorphismTable,
  OPS,
  parseProblem,
  RelaxedGateNetwork,
  simulateTruthTables,
  specSatisfiedBy,
  trainDiffLogic,
  trainModel,
  ttEqual,
  ValidationError,
  type GateNetwork,
} from '../../src/index.js';
import { Rng } from '../../src/util/rng.js';

function net(numInputs: number, gates: [number, number, number][], outputs: number[]): GateNetwork {
  return {
    numInputs,
    layerWidths: [gates.length],
    ops: Uint8Array.from(gates.map((g) => g[0])),
    faninA: Int32Array.from(gates.map((g) => g[1])),
    faninB: Int32Array.from(gates.map((g) => g[2])),
    outputs: Int32Array.from(outputs),
    inputNames: Array.from({ length: numInputs }, (_, i) => `x${i}`),
    outputNames: outputs.map((_, k) => `y${k}`),
  };
}

describe('dataset', () => {
  it('keeps only care rows: addmod:3 has 9 valid (a, b) codes of 16', () => {
    const d = datasetOfTask(parseProblem('addmod:3'));
    expect(d.minterms.length).toBe(9);
    expect(d.carePairs).toBe(18);
    const full = datasetOfSpec(parseProblem('fa').spec);
    expect(full.minterms.length).toBe(8);
    // row 7 = a=b=c=1: sum 1, carry 1
    expect([full.targets[7], full.targets[8 + 7]]).toEqual([1, 1]);
  });
});

describe('relaxed network gradient', () => {
  it('matches central finite differences of the loss', () => {
    const seed = 12345;
    console.log(`gradient check seed ${seed}`);
    const rng = new Rng(seed);
    const data = datasetOfTask(parseProblem('fa'));
    // 3 inputs, 4 hidden gates, 2 output gates
    const faninA = Int32Array.of(0, 1, 2, 0, 3, 5), faninB = Int32Array.of(1, 2, 0, 4, 6, 4);
    const G = faninA.length;
    const relaxed = new RelaxedGateNetwork(data, faninA, faninB, 0.7);
    const logits = Float64Array.from({ length: G * 16 }, () => 2 * rng.nextFloat() - 1);
    const grad = new Float64Array(G * 16);
    relaxed.lossAndGradient(logits, grad);
    const scratch = new Float64Array(G * 16);
    let worst = 0;
    for (let i = 0; i < logits.length; i++) {
      const h = 1e-5, keep = logits[i]!;
      logits[i] = keep + h;
      const up = relaxed.lossAndGradient(logits, scratch);
      logits[i] = keep - h;
      const down = relaxed.lossAndGradient(logits, scratch);
      logits[i] = keep;
      worst = Math.max(worst, Math.abs((up - down) / (2 * h) - grad[i]!));
    }
    expect(worst).toBeLessThan(1e-6);
    expect(grad.some((g) => Math.abs(g) > 1e-4)).toBe(true);
  });
});

describe('extraction', () => {
  it('folds pass-throughs, constants, complements and duplicates', () => {
    // x0 x1; g0 = AND, g1 = NAND (complement of g0), g2 = pass-through of g0, g3 = XOR(x0, x0) = 0, g4 = OR(g2, g3) = g0
    const n = net(2, [[OPS.AND, 0, 1], [OPS.NAND, 0, 1], [OPS.A, 2, 1], [OPS.XOR, 0, 0], [OPS.OR, 4, 5]], [6, 3]);
    const c = extractCircuit(n);
    expect(c.numGates).toBe(1);
    expect(c.outputs[0]).toBe(c.outputs[1]! ^ 1);
    const tables = simulateTruthTables(c);
    evaluateGateNetwork(n).forEach((t, k) => expect(ttEqual(t, tables[k]!)).toBe(true));
  });

  it('merges functionally equal gates of different structure only when sweeping', () => {
    // g0 = x0 & x1, g1 = !( !x0 | !x1 ) built as NOR(NOT x0, NOT x1) via ops on x0, x1: g1 = NOR(g2, g3) where g2 = NOT x0, g3 = NOT x1
    const n = net(2, [[OPS.AND, 0, 1], [OPS.NOT_A, 0, 0], [OPS.NOT_A, 1, 1], [OPS.NOR, 3, 4], [OPS.XOR, 2, 5]], [6]);
    // g4 = XOR(g0, g0') = 0
    const swept = extractCircuit(n);
    expect(swept.numGates).toBe(0);
    const structural = extractCircuit(n, { sweep: false });
    // NOR(!x0, !x1) folds into AND(x0, x1) structurally too, so only the XOR could remain: it folds (x ^ x)
    expect(simulateTruthTables(structural)[0]!.words[0]! & 0xf).toBe(0);
  });

  it('cleans a circuit of n-ary and MAJ gates: equal function, redundant gates gone', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y, z] = b.addInputs(3);
    const m = b.maj(x!, y!, z!);
    const a3 = b.addGate(0, [x!, y!, z!]); // AND3
    const same = b.or(b.and(x!, y!), b.and(z!, b.or(x!, y!))); // MAJ again, as ANDs
    b.addOutput(m);
    b.addOutput(same ^ 1);
    b.addOutput(b.and(a3, m)); // = AND3
    const c = b.build();
    const cleaned = cleanCircuit(c);
    expect(simulateTruthTables(cleaned).map((t) => t.words[0])).toEqual(simulateTruthTables(c).map((t) => t.words[0]));
    // MAJ3 as 4 two-input gates, shared by both MAJ outputs; AND3 = 2 gates, one of which may be shared
    const cost = circuitCost(cleaned, 'B2');
    expect(cost.inBasis && cost.size).toBeLessThanOrEqual(6);
  });

  it('round-trips the network JSON and rejects a forward reference', () => {
    const n = net(2, [[OPS.AND, 0, 1], [OPS.XOR, 2, 0]], [3]);
    const back = gateNetworkFromJson(JSON.parse(JSON.stringify(gateNetworkToJson(n))));
    expect(Array.from(back.ops)).toEqual([OPS.AND, OPS.XOR]);
    expect(ttEqual(evaluateGateNetwork(back)[0]!, evaluateGateNetwork(n)[0]!)).toBe(true);
    const bad = { ...gateNetworkToJson(n), gates: [['8', 0, 3], ['6', 2, 0]] };
    expect(() => gateNetworkFromJson(bad)).toThrow(ValidationError);
  });
});

describe('training', () => {
  it('is deterministic per seed', () => {
    const data = datasetOfTask(parseProblem('fa'));
    const a = trainDiffLogic(data, { seed: 3, attempts: 1, steps: 60 });
    const b = trainDiffLogic(data, { seed: 3, attempts: 1, steps: 60 });
    expect(JSON.stringify(gateNetworkToJson(a.network))).toBe(JSON.stringify(gateNetworkToJson(b.network)));
    expect(a.loss).toBe(b.loss);
  });

  it('bnn: the extracted circuit equals the network and implements fa for seed 1', () => {
    const r = trainModel(parseProblem('fa'), 'bnn', 1);
    expect(r.implementsSpec).toBe(true);
    expect(r.size).toBeGreaterThanOrEqual(5);
  });

  for (const name of ['fa', 'mul:2', 'addmod:3']) {
    it(`reaches 100% on ${name} for some seed in 1..3, and the circuit implements it`, () => {
      const task = parseProblem(name);
      let solved = 0;
      for (let seed = 1; seed <= 3; seed++) {
        const r = trainModel(task, 'gates', seed);
        // the circuit always equals the network (extractCircuit checks it); it implements the task exactly when accuracy is 1
        expect(r.implementsSpec).toBe(r.accuracy === 1);
        if (r.implementsSpec) {
          solved++;
          expect(specSatisfiedBy(task.spec, simulateTruthTables(r.circuit))).toBe(true);
          const cost = circuitCost(r.circuit, 'B2');
          expect(cost.inBasis && cost.size).toBe(r.size);
        }
      }
      expect(solved).toBeGreaterThan(0);
    });
  }
});

describe('isomorphism keys', () => {
  it('ignore gate order, fanin order and gate complementation, and see structure', () => {
    const build = (variant: number): ReturnType<CircuitBuilder['build']> => {
      const b = new CircuitBuilder({ strash: false });
      const [x, y, z] = b.addInputs(3);
      if (variant === 0) {
        const g = b.op2(OPS.AND, x!, y!);
        const h = b.op2(OPS.XOR, g, z!);
        b.addOutput(h);
      } else if (variant === 1) {
        const g = b.op2(OPS.NAND, y!, x!); // complement of AND, fanins swapped
        const h = b.op2(OPS.XNOR, z!, g); // XOR(!g, z) written as XNOR(z, g)
        b.addOutput(h);
      } else {
        const g = b.op2(OPS.OR, x!, y!);
        b.addOutput(b.op2(OPS.XOR, g, z!));
      }
      return b.build();
    };
    const iso = new IsomorphismTable();
    expect(iso.key(build(0))).toBe(iso.key(build(1)));
    expect(iso.key(build(0))).not.toBe(iso.key(build(2)));
  });
});

// Issue 7's acceptance: for every task, some seed trains to 100% with each model and its
// extracted circuit implements the task (trainModel checks it against the network and the
// spec by exhaustive simulation). A few seconds in all, so it runs in every test run.
describe('all issue-7 tasks', () => {
  for (const name of ['xor:5', 'maj:5', 'fa', 'add:2', 'mul:2', 'mod3:4:0', 'addmod:3']) {
    for (const model of ['gates', 'bnn'] as const) {
      it(`${name} (${model}): some seed in 1..5 reaches 100%`, () => {
        const task = parseProblem(name);
        const seed = [1, 2, 3, 4, 5].find((s) => trainModel(task, model, s).implementsSpec);
        console.log(`${name} (${model}): first seed reaching 100%: ${seed ?? 'none'}`);
        expect(seed).toBeDefined();
      }, 120_000);
    }
  }
});
