/**
 * Multiplexers encoded as one if-then-else in the sweep's SAT queries. The
 * queries go straight to SAT (a structural-only sweep: no simulation merges,
 * no cut proofs), node against node, on random multiplexer networks written
 * in two forms, and every answer is checked against exhaustive simulation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../../src/core/builder.js';
import type { Circuit } from '../../../src/core/circuit.js';
import { evaluate, simulateTruthTables } from '../../../src/core/simulate.js';
import { readCircuitFile } from '../../../src/io/formats.js';
import { createSolver, resolveBackendName } from '../../../src/sat/registry.js';
import { ttEqual } from '../../../src/tt/truth-table.js';
import { Rng } from '../../../src/util/rng.js';
import { checkEquivalence } from '../../../src/verify/equivalence.js';
import { DEFAULT_FRAIG_PARAMS, SatSweeper } from '../../../src/verify/fraig/sweeper.js';

const SEED = Number(process.env.WATERLOO_SEED ?? 20261206);
const ROOT = join(import.meta.dirname, '..', '..', '..');

/** x XOR y as ANDs: an AND of two complemented ANDs over x and !x, which the encoding leaves as ANDs. */
function xorOfAnds(b: CircuitBuilder, x: number, y: number): number {
  return b.or(b.and(x, y ^ 1), b.and(x ^ 1, y));
}

/**
 * A random network of multiplexers s ? t : e, built twice over the same
 * inputs: as multiplexers, and as e ^ (s & (t ^ e)) (the same function with
 * no multiplexer in its structure) with one gate's else-input complemented.
 * Fanins are inputs or recent gates in any order, so every fanin order the
 * encoder distinguishes occurs. Output 2j is gate j of the first copy,
 * output 2j + 1 gate j of the second.
 */
function twoForms(seed: number, inputs: number, gates: number): Circuit {
  const r = new Rng(seed);
  const b = new CircuitBuilder({ strash: false });
  const xs = b.addInputs(inputs);
  const mutated = r.below(gates);
  const picks: { s: number; t: number; e: number }[] = [];
  for (let g = 0; g < gates; g++) {
    // fanins among the recent gates, so the network is deep
    const near = (): number => (g === 0 || r.below(4) === 0 ? -1 - r.below(inputs) : g - 1 - r.below(Math.min(g, 8)));
    const code = (): number => 2 * near() + r.below(2);
    picks.push({ s: code(), t: code(), e: code() });
  }
  for (const xorForm of [false, true]) {
    const lits: number[] = [];
    const lit = (code: number): number => {
      const k = code >> 1;
      return (k < 0 ? xs[-1 - k]! : lits[k]!) ^ (code & 1);
    };
    picks.forEach((p, g) => {
      const s = lit(p.s), t = lit(p.t), e = lit(p.e) ^ (xorForm && g === mutated ? 1 : 0);
      lits.push(xorForm ? xorOfAnds(b, e, b.and(s, xorOfAnds(b, t, e))) : b.mux(s, t, e));
    });
    lits.forEach((l) => b.addOutput(l));
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
      const s = new SatSweeper(c, { ...DEFAULT_FRAIG_PARAMS, makeSolver: () => createSolver(backend), structuralOnly: true });
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
