/**
 * Distance-1 neighbours of SAT counterexamples in the sweep: they split
 * classes that random simulation left together, so fewer SAT queries are
 * asked, within a budget of simulated node-words.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Circuit } from '../../src/core/circuit.js';
import { readCircuitFile } from '../../src/io/formats.js';
import { createSolver, resolveBackendName } from '../../src/sat/registry.js';
import { combinePending } from '../../src/verify/miter-aig.js';
import { DEFAULT_SWEEP_PARAMS, SatSweeper, type SweepParams } from '../../src/verify/sweep.js';

const ROOT = join(import.meta.dirname, '..', '..');

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
async function sweepPriority(params: Partial<SweepParams>): Promise<{ stats: SatSweeper['stats']; proved: boolean }> {
  const { aig, pairs } = priorityPair();
  const backend = await resolveBackendName('auto');
  const s = new SatSweeper(aig, { ...DEFAULT_SWEEP_PARAMS, makeSolver: () => createSolver(backend), ...params });
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
    // measured: 267 SAT calls without, 171 with; most rounds split some class
    expect(on.stats.satCalls).toBeLessThan(0.8 * off.stats.satCalls);
    expect(4 * on.stats.neighbourSplits).toBeGreaterThanOrEqual(on.stats.neighbourRounds);
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
});
