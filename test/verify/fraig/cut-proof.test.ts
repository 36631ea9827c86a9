/**
 * The SAT-free parts of the sweep: the typed-array AIG hash (AigStrash,
 * combinePending) and the cut prover, checked against exhaustive simulation.
 */
import { describe, expect, it } from 'vitest';
import { strash } from '../../../src/core/cleanup.js';
import { simulateTruthTables } from '../../../src/core/simulate.js';
import { toAig } from '../../../src/core/to-aig.js';
import { Rng } from '../../../src/util/rng.js';
import { AigStrash } from '../../../src/verify/aig-strash.js';
import { CutProver } from '../../../src/verify/fraig/cut-proof.js';
import { combinePending } from '../../../src/verify/miter-aig.js';
import { mutateOneGate, randomCircuit } from '../../helpers/random-circuit.js';

const SEED = Number(process.env.WATERLOO_SEED ?? 77001);

/** Truth table words of a literal over all inputs, by exhaustive simulation of the extracted AIG. */
function tables(c: ReturnType<AigStrash['extract']>['circuit']): Uint32Array[] {
  return simulateTruthTables(c).map((t) => Uint32Array.from(t.words));
}

describe('AigStrash', () => {
  it(`hashes, folds and extracts cones that simulate like the source (seed ${SEED})`, () => {
    for (let t = 0; t < 300; t++) {
      const c = toAig(randomCircuit(SEED + t, { maxInputs: 7, maxGates: 40, aigOnly: true }));
      const s = new AigStrash(c.numInputs, 4);
      const ins = Array.from({ length: c.numInputs }, (_, i) => s.input(i));
      const outs = s.append(c, ins);
      // appending the same circuit again adds no gate
      const before = s.numGates;
      expect(s.append(c, ins)).toEqual(outs);
      expect(s.numGates).toBe(before);
      const { circuit, lits } = s.extract(outs, c.inputNames);
      expect(lits.length).toBe(outs.length);
      const got = tables(circuit);
      const want = simulateTruthTables(c);
      want.forEach((w, j) => expect(Array.from(got[j]!), `circuit ${t} output ${j} (seed ${SEED})`).toEqual(Array.from(w.words)));
    }
  });
});

describe('combinePending', () => {
  it(`keeps exactly the output pairs structural hashing cannot match (seed ${SEED})`, () => {
    let open = 0;
    for (let t = 0; t < 200; t++) {
      const a = randomCircuit(SEED * 3 + t, { maxInputs: 6, maxGates: 25 });
      const b = t % 2 ? toAig(a) : mutateOneGate(strash(a), SEED + t).circuit;
      if (b.numInputs !== a.numInputs || b.outputs.length !== a.outputs.length) continue;
      const pairs = Array.from(a.outputs, (_, j) => [j, j] as const);
      const p = combinePending(a, b, Array.from({ length: a.numInputs }, (_, i) => i), pairs);
      const tt = tables(p.aig);
      const ta = simulateTruthTables(a), tb = simulateTruthTables(b);
      for (const x of p.pending) {
        // the extracted literals compute A's and B's outputs of that pair
        const [ja, jb] = pairs[x.pair]!;
        const litWords = (lit: number): number[] => {
          const k = p.aig.outputs.indexOf(lit);
          return Array.from(tt[k]!);
        };
        expect(litWords(x.litA)).toEqual(Array.from(ta[ja]!.words));
        expect(litWords(x.litB)).toEqual(Array.from(tb[jb]!.words));
        open++;
      }
      // a pair left out hashed to one literal, so the outputs are equal
      const pendingPairs = new Set(p.pending.map((x) => x.pair));
      pairs.forEach(([ja, jb], k) => {
        if (!pendingPairs.has(k)) expect(Array.from(ta[ja]!.words)).toEqual(Array.from(tb[jb]!.words));
      });
    }
    expect(open).toBeGreaterThan(50);
  });
});

/** Truth tables (numInputs <= 10) of every node of a graph given by fanin arrays, by plain simulation. */
function nodeTables(numInputs: number, first: number, f0: Uint32Array, f1: Uint32Array, n: number): Uint32Array[] {
  const w = Math.max(1, (1 << numInputs) >>> 5);
  const tt: Uint32Array[] = [new Uint32Array(w)];
  for (let i = 0; i < numInputs; i++) {
    const x = new Uint32Array(w);
    for (let m = 0; m < 1 << numInputs; m++) if ((m >>> i) & 1) x[m >>> 5]! |= 1 << (m & 31);
    tt.push(x);
  }
  for (let v = first; v < n; v++) {
    const a = f0[v]!, b = f1[v]!;
    const x = new Uint32Array(w);
    for (let j = 0; j < w; j++) x[j] = (tt[a >>> 1]![j]! ^ -(a & 1)) & (tt[b >>> 1]![j]! ^ -(b & 1));
    tt.push(x);
  }
  return tt;
}

describe('CutProver', () => {
  it(`says equal only for equal nodes, and its counterexamples tell them apart (seed ${SEED})`, () => {
    let equal = 0, different = 0, unknown = 0;
    for (let t = 0; t < 300; t++) {
      const c = toAig(randomCircuit(SEED * 5 + t, { maxInputs: 9, maxGates: 60, aigOnly: true }));
      if (c.numGates < 2) continue;
      const rng = new Rng(SEED + t);
      const first = c.numInputs + 1;
      // c's gates, then for some gates g = AND(p, q) the equal but unhashed AND(p, AND(q, p))
      const extra = 10;
      const n = first + c.numGates + 2 * extra;
      const f0 = new Uint32Array(n), f1 = new Uint32Array(n);
      for (let g = 0; g < c.numGates; g++) {
        f0[first + g] = c.fanins[2 * g]!;
        f1[first + g] = c.fanins[2 * g + 1]!;
      }
      const twins: [number, number][] = [];
      for (let e = 0; e < extra; e++) {
        const v = first + rng.below(c.numGates);
        const u = first + c.numGates + 2 * e;
        f0[u] = f1[v]!;
        f1[u] = f0[v]!;
        f0[u + 1] = f0[v]!;
        f1[u + 1] = 2 * u;
        twins.push([v, u + 1]);
      }
      const tt = nodeTables(c.numInputs, first, f0, f1, n);
      const prover = new CutProver(n, first, f0, f1, 2 + rng.below(9), 4 + rng.below(60));
      const queries: [number, number][] = twins.map(([v, u]) => [2 * u, 2 * v]);
      for (let q = 0; q < 30; q++) queries.push([2 * (first + rng.below(n - first)) + rng.below(2), 2 * rng.below(n) + rng.below(2)]);
      for (const [a, b] of queries) {
        const flip = (a ^ b) & 1 ? 0xffffffff : 0;
        const really = tt[a >>> 1]!.every((w, i) => ((w ^ tt[b >>> 1]![i]! ^ flip) >>> 0) === 0);
        const r = prover.prove(a, b);
        if (r.kind === 'equal') {
          expect(really, `circuit ${t}: ${a} == ${b} claimed (seed ${SEED})`).toBe(true);
          equal++;
        } else if (r.kind === 'different') {
          let m = 0;
          r.inputs.forEach((v, i) => (m |= (r.values[i] ? 1 : 0) << (v - 1)));
          const bit = (lit: number): number => ((tt[lit >>> 1]![m >>> 5]! >>> (m & 31)) & 1) ^ (lit & 1);
          expect(bit(a), `circuit ${t}: counterexample for ${a} vs ${b} (seed ${SEED})`).not.toBe(bit(b));
          different++;
        } else unknown++;
      }
    }
    expect(equal).toBeGreaterThan(1000);
    expect(different).toBeGreaterThan(1000);
    expect(unknown).toBeGreaterThan(0);
  });
});
