/**
 * Sweeping in passes: a query given up at a pass's conflict limit is asked
 * again at once with ten times the limit (a few of them), and the rest again
 * of the graph that pass reduced, with a hundred times the limit. Conflict limits
 * of 1 force many passes on small random pairs; every verdict must still agree
 * with exhaustive simulation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../../src/core/builder.js';
import { gateFanins, type Circuit } from '../../../src/core/circuit.js';
import type { GateKind } from '../../../src/core/gate.js';
import { readCircuitFile } from '../../../src/io/formats.js';
import { createSolver } from '../../../src/sat/registry.js';
import { ttEqual } from '../../../src/tt/truth-table.js';
import { DEFAULT_FRAIG_PARAMS, SatSweeper } from '../../../src/verify/fraig/sweeper.js';
import { strash } from '../../../src/core/cleanup.js';
import { evaluate, simulateTruthTables } from '../../../src/core/simulate.js';
import { toAig } from '../../../src/core/to-aig.js';
import { cadicalNativeAvailable } from '../../../src/sat/backends/cadical-native.js';
import { checkEquivalence } from '../../../src/verify/equivalence.js';
import { mutateOneGate, randomCircuit } from '../../helpers/random-circuit.js';

const SEED = Number(process.env.WATERLOO_SEED ?? 20261125);
const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('checkEquivalence in sweeping passes', () => {
  it.skipIf(!cadicalNativeAvailable())(`agrees with exhaustive simulation at conflict limit 1 (seed ${SEED})`, async () => {
    let multiPass = 0, retried = 0, equal = 0, different = 0;
    for (let t = 0; t < 300; t++) {
      const a = randomCircuit(SEED + t, { minInputs: 6, maxInputs: 12, maxGates: 90, maxOutputs: 3 });
      const b = t % 3 ? toAig(a) : mutateOneGate(strash(a), SEED * 7 + t).circuit;
      if (b.outputs.length !== a.outputs.length || b.numInputs !== a.numInputs) continue;
      const ex = await checkEquivalence(a, b, { method: 'exhaustive', match: 'position' });
      const sat = await checkEquivalence(a, b, { method: 'sat', match: 'position', backend: 'cadical', sweepConflictLimit: 1 });
      expect(sat.verdict, `pair ${t} (seed ${SEED})`).toBe(ex.verdict);
      if (sat.verdict === 'different') {
        different++;
        expect(evaluate(a, sat.counterexample)[sat.output]).not.toBe(evaluate(b, sat.counterexample)[sat.output]);
      } else equal++;
      if ((sat.stats.passes ?? 0) > 1) multiPass++;
      if ((sat.stats.retries ?? 0) > 0) retried++;
    }
    console.log(`sweep passes (seed ${SEED}): ${equal} equal, ${different} different, ${multiPass} checks took more than one pass, ${retried} retried a query`);
    expect(equal).toBeGreaterThan(100);
    expect(different).toBeGreaterThan(30);
    // queries given up at one conflict are asked again at ten
    expect(retried).toBeGreaterThan(0);
  });

  it.skipIf(!cadicalNativeAvailable())('proves c7552 against its ABC rewrite at conflict limit 1, and finds mutations of it different', async () => {
    const a = readCircuitFile(join(ROOT, 'circuits', 'iscas85', 'c7552.bench'));
    const b = readCircuitFile(join(ROOT, 'test', 'fixtures', 'abc-opt', 'c7552.aig'));
    const v = await checkEquivalence(a, b, { method: 'sat', match: 'position', backend: 'cadical', sweepConflictLimit: 1 });
    expect(v.verdict).toBe('equivalent');
    // at limit 1 the first pass gives up on over a hundred queries (seen: 143)
    expect(v.stats.retries).toBeGreaterThan(0);
    expect(v.stats.undecided).toBeGreaterThan(0);
    let different = 0;
    for (let t = 0; t < 6; t++) {
      const m = mutateOneGate(strash(a), SEED + t).circuit;
      const w = await checkEquivalence(a, m, { method: 'sat', match: 'position', backend: 'cadical', sweepConflictLimit: 1 });
      expect(w.verdict).not.toBe('unknown');
      if (w.verdict === 'different') {
        different++;
        expect(evaluate(a, w.counterexample)[w.output]).not.toBe(evaluate(m, w.counterexample)[w.output]);
      }
    }
    // a mutation can leave the function unchanged (a gate no output depends on), but not all six
    expect(different).toBeGreaterThan(0);
  });

  it.skipIf(!cadicalNativeAvailable())(`the reduced graph keeps the function of every output (random AIGs, exhaustive, seed ${SEED})`, async () => {
    for (let t = 0; t < 40; t++) {
      const c = toAig(randomCircuit(SEED * 3 + t, { minInputs: 4, maxInputs: 10, maxGates: 120, maxOutputs: 4 }));
      // the circuit twice over the same inputs (outputs of the second copy complemented), so there is something to merge
      const doubled = toAig(concatWithComplement(c));
      const sweeper = new SatSweeper(doubled, { ...DEFAULT_FRAIG_PARAMS, makeSolver: () => createSolver('cadical'), conflictLimit: 1, retryBase: 0, retryShare: 0 });
      try {
        await sweeper.run();
        const { circuit, lits } = sweeper.reduced(Array.from(doubled.outputs));
        expect(circuit.numGates).toBeLessThanOrEqual(doubled.numGates);
        const reduced = { ...circuit, outputs: Uint32Array.from(lits), outputNames: lits.map((_, j) => `o${j}`) };
        const before = simulateTruthTables(doubled), after = simulateTruthTables(reduced);
        before.forEach((tt, j) => expect(ttEqual(tt, after[j]!), `circuit ${t} output ${j} (seed ${SEED})`).toBe(true));
      } finally {
        sweeper.close();
      }
    }
  });
});

/** `c` with a second copy of its gates over the same inputs appended, whose outputs are the first copy's complemented. */
function concatWithComplement(c: Circuit): Circuit {
  const b = new CircuitBuilder({ strash: false });
  const ins = b.addInputs(c.numInputs);
  const copy = (): Uint32Array => {
    const map = new Uint32Array(1 + c.numInputs + c.numGates);
    ins.forEach((lit, i) => (map[i + 1] = lit));
    for (let g = 0; g < c.numGates; g++) {
      const fs = Array.from(gateFanins(c, g), (f) => map[f >>> 1]! ^ (f & 1));
      map[c.numInputs + 1 + g] = b.addGate(c.kinds[g] as GateKind, fs, c.luts.get(g));
    }
    return map;
  };
  const m1 = copy(), m2 = copy();
  c.outputs.forEach((o) => b.addOutput(m1[o >>> 1]! ^ (o & 1)));
  c.outputs.forEach((o) => b.addOutput(m2[o >>> 1]! ^ (o & 1) ^ 1));
  return b.build();
}
