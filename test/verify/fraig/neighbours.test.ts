/**
 * Distance-1 neighbours of SAT counterexamples in the sweep: they split
 * classes that random simulation left together, so fewer SAT queries are
 * asked, within a budget of simulated node-words.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../../src/core/builder.js';
import type { Circuit } from '../../../src/core/circuit.js';
import { simulateTruthTables } from '../../../src/core/simulate.js';
import { readCircuitFile } from '../../../src/io/formats.js';
import { createSolver, resolveBackendName } from '../../../src/sat/registry.js';
import { ttEqual, ttNot } from '../../../src/tt/truth-table.js';
import { Rng } from '../../../src/util/rng.js';
import { combinePending } from '../../../src/verify/miter-aig.js';
import { emptyFraigStats } from '../../../src/verify/fraig/params.js';
import { ReducedGraph } from '../../../src/verify/fraig/reduced-graph.js';
import { SimClasses } from '../../../src/verify/fraig/sim-classes.js';
import { DEFAULT_FRAIG_PARAMS, SatSweeper, type FraigParams } from '../../../src/verify/fraig/sweeper.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SEED = Number(process.env.WATERLOO_SEED ?? 20261206);

/** EPFL priority against its best-known LUT network, as one AIG, with the output pairs' literals. */
function priorityPair(): { aig: Circuit; pairs: { litA: number; litB: number }[] } {
  const a = readCircuitFile(join(ROOT, 'circuits', 'epfl', 'random_control', 'priority.aig'));
  const b = readCircuitFile(join(ROOT, 'circuits', 'epfl', 'best_results_size', 'priority_size_2024.blif'));
  const pending = combinePending(
    a,
    b,
    Array.from({ length: a.numInputs }, (_, i) => i),
    Array.from(a.outputs, (_, j) => [j, j] as const),
  );
  return { aig: pending.aig, pairs: [...pending.pending] };
}

/** Sweeps the priority pair with the given parameters; the sweep's counters and whether every output pair was proved. */
async function sweepPriority(params: Partial<FraigParams>): Promise<{ stats: SatSweeper['stats']; proved: boolean }> {
  const { aig, pairs } = priorityPair();
  const backend = await resolveBackendName('auto');
  const s = new SatSweeper(aig, { ...DEFAULT_FRAIG_PARAMS, makeSolver: () => createSolver(backend), ...params });
  try {
    await s.run();
    let proved = true;
    for (const { litA, litB } of pairs) proved = (await s.prove(litA, litB, Number.POSITIVE_INFINITY)).kind === 'equal' && proved;
    return { stats: { ...s.stats }, proved };
  } finally {
    s.close();
  }
}

describe('neighbours of SAT counterexamples', () => {
  it('split classes on EPFL priority vs its best LUT network, so fewer SAT queries are asked', { timeout: 60_000 }, async () => {
    const off = await sweepPriority({ neighbourShare: 0 });
    const on = await sweepPriority({});
    expect(off.proved).toBe(true);
    expect(on.proved).toBe(true);
    expect(off.stats.neighbourRounds).toBe(0);
    expect(on.stats.neighbourRounds).toBeGreaterThan(0);
    // measured here: about a third fewer SAT calls, and nearly every round splits some class
    expect(on.stats.satCalls).toBeLessThan(0.8 * off.stats.satCalls);
    expect(2 * on.stats.neighbourSplits).toBeGreaterThanOrEqual(on.stats.neighbourRounds);
  });

  it('stop once their budget of simulated node-words is spent', { timeout: 60_000 }, async () => {
    const full = await sweepPriority({});
    // a round simulates ceil(128 / 32) = 4 words of up to 2.5k nodes: a budget of 10 x nodes allows a few rounds
    const small = await sweepPriority({ neighbourShare: 10 });
    expect(small.proved).toBe(true);
    expect(small.stats.neighbourRounds).toBeGreaterThan(0);
    expect(small.stats.neighbourRounds).toBeLessThanOrEqual(10);
    expect(small.stats.neighbourRounds).toBeLessThan(full.stats.neighbourRounds);
  });

  it('are skipped when one round would simulate more than neighbourRoundWork node-words', { timeout: 60_000 }, async () => {
    const { stats } = await sweepPriority({ neighbourRoundWork: 1 });
    expect(stats.neighbourRounds).toBe(0);
    expect(stats.refinements).toBeGreaterThan(0);
  });

  it(`never separate nodes equal up to complement (random AIGs, exhaustive, seed ${SEED})`, async () => {
    let splits = 0;
    for (let t = 0; t < 40; t++) {
      const c = randomAigWithTwins(SEED + t);
      // every node (the constant node 0 too) as an output, for its truth table
      const nodes = Array.from({ length: 1 + c.numInputs + c.numGates }, (_, k) => 2 * k);
      const tts = simulateTruthTables({ ...c, outputs: Uint32Array.from(nodes), outputNames: nodes.map((_, k) => `n${k}`) });
      const equal = (u: number, v: number): boolean => ttEqual(tts[u]!, tts[v]!) || ttEqual(tts[u]!, ttNot(tts[v]!));
      // one word of random simulation leaves coarse classes for the neighbours to split
      const stats = emptyFraigStats();
      const classes = new SimClasses(c, new ReducedGraph(c, stats), { ...DEFAULT_FRAIG_PARAMS, simWords: 1 }, new Rng(DEFAULT_FRAIG_PARAMS.seed ^ 0x5eed), stats);
      const before = classes.classMembers();
      const r = new Rng(SEED ^ t);
      for (let k = 0; k < 8; k++) classes.refineByNeighbours(Array.from({ length: c.numInputs }, () => r.below(2) === 1));
      splits += stats.neighbourSplits;
      for (const cls of before) {
        for (const u of cls) {
          for (const v of cls) {
            if (u < v && equal(u, v)) expect(classes.classIdOf(u), `circuit ${t}: nodes ${u} and ${v} are equal (seed ${SEED})`).toBe(classes.classIdOf(v));
          }
        }
      }
    }
    expect(splits).toBeGreaterThan(20);
  });
});

/**
 * A random AIG over 10 inputs whose gates come with twins: a copy of a gate
 * over the same fanins in the other order, and AND(!g, !g), the gate's
 * complement as a node (neither is hashed away: the builder does not hash).
 */
function randomAigWithTwins(seed: number): Circuit {
  const r = new Rng(seed);
  const b = new CircuitBuilder({ strash: false });
  const lits = b.addInputs(10);
  for (let g = 0; g < 120; g++) {
    const x = lits[r.below(lits.length)]! ^ r.below(2), y = lits[r.below(lits.length)]! ^ r.below(2);
    const v = b.and(x, y);
    lits.push(v);
    if (r.below(4) === 0) lits.push(b.and(y, x));
    if (r.below(4) === 0) lits.push(b.and(v ^ 1, v ^ 1));
  }
  b.addOutput(lits[lits.length - 1]!);
  return b.build();
}
