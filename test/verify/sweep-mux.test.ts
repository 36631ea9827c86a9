/**
 * Multiplexers encoded as one if-then-else in the sweep's SAT queries. The
 * queries go straight to SAT (a structural-only sweep: no simulation merges,
 * no cut proofs), node against node, on random multiplexer networks written
 * in two forms, and every answer is checked against exhaustive simulation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import type { Circuit } from '../../src/core/circuit.js';
import { evaluate, simulateTruthTables } from '../../src/core/simulate.js';
import { readCircuitFile } from '../../src/io/formats.js';
import { createSolver, resolveBackendName } from '../../src/sat/registry.js';
import { ttEqual } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';
import { checkEquivalence } from '../../src/verify/equivalence.js';
import { DEFAULT_SWEEP_PARAMS, SatSweeper } from '../../src/verify/sweep.js';

const SEED = Number(process.env.WATERLOO_SEED ?? 20261206);
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A random network of multiplexers s ? t : e, built twice over the same
 * inputs: as multiplexers, and as (s & t) | (!s & e) | (t & e) (the same
 * function in another structure) with one gate's else-input complemented.
 * Output 2j is gate j of the first copy, output 2j + 1 gate j of the second.
 */
function twoForms(seed: number, inputs: number, gates: number): Circuit {
  const r = new Rng(seed);
  const b = new CircuitBuilder({ strash: false });
  const xs = b.addInputs(inputs);
  const mutated = r.below(gates);
  const picks: [number, number, number][] = [];
  for (let g = 0; g < gates; g++) {
    // fanins among the recent gates, so the network is deep
    const near = (): number => (g === 0 || r.below(4) === 0 ? -1 - r.below(inputs) : g - 1 - r.below(Math.min(g, 8)));
    picks.push([near(), near(), near()].map((k) => 2 * k + r.below(2)) as [number, number, number]);
  }
  for (const consensus of [false, true]) {
    const lits: number[] = [];
    const lit = (code: number): number => {
      const k = code >> 1;
      return (k < 0 ? xs[-1 - k]! : lits[k]!) ^ (code & 1);
    };
    picks.forEach(([cs, ct, ce], g) => {
      const s = lit(cs), t = lit(ct), e = lit(ce) ^ (consensus && g === mutated ? 1 : 0);
      lits.push(consensus ? b.or(b.or(b.and(s, t), b.and(s ^ 1, e)), b.and(t, e)) : b.mux(s, t, e));
    });
    if (!consensus) lits.forEach((l) => b.addOutput(l));
    else lits.forEach((l, g) => b.addOutput(l, `c${g}`));
  }
  // interleave: output 2j and 2j + 1 are gate j of the two copies
  const c = b.build();
  const outs = Array.from({ length: gates }, (_, j) => [c.outputs[j]!, c.outputs[gates + j]!]).flat();
  return { ...c, outputs: Uint32Array.from(outs), outputNames: outs.map((_, j) => `o${j}`) };
}

describe('multiplexers encoded as if-then-else', () => {
  it(`every SAT answer over multiplexer encodings agrees with exhaustive simulation (random networks, seed ${SEED})`, { timeout: 120_000 }, async () => {
    const backend = await resolveBackendName('auto');
    let muxEncoded = 0, equal = 0, different = 0;
    for (let t = 0; t < 40; t++) {
      const c = twoForms(SEED + t, 8 + (t % 5), 30 + (t % 4) * 10);
      const tts = simulateTruthTables(c);
      const s = new SatSweeper(c, { ...DEFAULT_SWEEP_PARAMS, makeSolver: () => createSolver(backend), structuralOnly: true });
      try {
        await s.run();
        for (let j = 0; 2 * j + 1 < c.outputs.length; j++) {
          const la = c.outputs[2 * j]!, lb = c.outputs[2 * j + 1]!;
          const r = await s.prove(la, lb, Number.POSITIVE_INFINITY);
          const same = ttEqual(tts[2 * j]!, tts[2 * j + 1]!);
          expect(r.kind, `network ${t} gate ${j} (seed ${SEED})`).toBe(same ? 'equal' : 'different');
          if (r.kind === 'different') {
            const v = evaluate(c, r.counterexample);
            expect(v[2 * j], `network ${t} gate ${j} counterexample (seed ${SEED})`).not.toBe(v[2 * j + 1]);
            different++;
          } else equal++;
        }
        muxEncoded += s.stats.muxEncoded;
      } finally {
        s.close();
      }
    }
    // both answers occur, and the queries went through the multiplexer encoding
    expect(equal).toBeGreaterThan(100);
    expect(different).toBeGreaterThan(100);
    expect(muxEncoded).toBeGreaterThan(500);
  });

  it('are used on EPFL max vs its best LUT network (comparators selecting words), which stays equivalent', { timeout: 60_000 }, async () => {
    const a = readCircuitFile(join(ROOT, 'circuits', 'epfl', 'arithmetic', 'max.aig'));
    const b = readCircuitFile(join(ROOT, 'circuits', 'epfl', 'best_results_size', 'max_size_2024.blif'));
    const v = await checkEquivalence(a, b, { match: 'position', method: 'sat' });
    expect(v.verdict).toBe('equivalent');
    expect(v.stats.muxEncoded ?? 0).toBeGreaterThan(1000);
  });
});
