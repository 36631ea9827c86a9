/** The cone toolkit (src/core/cone.ts) shared by cuts, census-windows, improve and window equivalence. */
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { coneCircuit, coneFunctions, coneNodes, fanoutInfo, mffcNodes, nodesSize, reachableLeafPatterns } from '../../src/core/cone.js';
import { exhaustiveNodeValues, simulateNodes, simulateTruthTables } from '../../src/core/simulate.js';
import { ValidationError } from '../../src/errors.js';
import { createFromFunction, fillProjection, toHex, wordCount } from '../../src/tt/truth-table.js';
import { caught } from '../helpers/fixtures.js';
import { mixedCircuit } from '../helpers/mixed-circuit.js';
import { randomCircuit } from '../helpers/random-circuit.js';

/** x = a AND b (node 4), y = x XOR c (node 5), z = x OR c (node 6); outputs y, z. */
function shared() {
  const b = new CircuitBuilder({ strash: false });
  const [a, bb, c] = b.addInputs(3);
  const x = b.and(a!, bb!);
  b.addOutput(b.xor(x, c!));
  b.addOutput(b.and(x ^ 1, c! ^ 1) ^ 1);
  return b.build();
}

describe('cone toolkit', () => {
  it('fanoutInfo lists consumers by node and marks output drivers', () => {
    const info = fanoutInfo(shared());
    expect(info.fanouts[4]).toEqual([5, 6]);
    expect(info.fanouts[3]).toEqual([5, 6]);
    expect([...info.isPo]).toEqual([0, 0, 0, 0, 0, 1, 1]);
  });

  it('the MFFC of one root stops at a gate shared with another cone; of both roots it takes it', () => {
    const c = shared();
    const info = fanoutInfo(c);
    expect([...mffcNodes([5], coneNodes(c, [5], [1, 2, 3]), info)].sort()).toEqual([5]);
    expect([...mffcNodes([5, 6], coneNodes(c, [5, 6], [1, 2, 3]), info)].sort()).toEqual([4, 5, 6]);
    expect(nodesSize(c, [4, 5, 6])).toBe(3);
  });

  it('coneCircuit copies the cone with the leaves as inputs, output polarities and names', () => {
    const c = shared();
    const sub = coneCircuit(c, [4, 3], [5, 6], [10, 13], { input: (i) => `l${i}`, output: (k) => `r${k}` });
    expect(sub.inputNames).toEqual(['l0', 'l1']);
    expect(sub.outputNames).toEqual(['r0', 'r1']);
    // over (x, c): x XOR c = 6; literal 13 = NOT(node 6) = NOT(NOT x AND NOT c) = x OR c = e
    expect(simulateTruthTables(sub).map(toHex)).toEqual(['6', 'e']);
    expect(caught(() => coneCircuit(c, [3], [5], [10]))).toMatchObject({ code: 'not-a-cut' });
  });

  it('coneFunctions over all inputs agrees with simulating the whole circuit (random circuits, seeds 1..40)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const c = randomCircuit(seed);
      const leaves = Array.from({ length: c.numInputs }, (_, i) => i + 1);
      const roots = Array.from({ length: c.numGates }, (_, g) => c.numInputs + 1 + g);
      const nv = exhaustiveNodeValues(c);
      const got = coneFunctions(c, roots, leaves);
      roots.forEach((v, j) => {
        const want = createFromFunction(c.numInputs, (m) => ((nv.values[v * nv.w + (m >>> 5)]! >>> (m & 31)) & 1) === 1);
        expect(toHex(got[j]!), `seed ${seed} node ${v}`).toBe(toHex(want));
      });
    }
  });

  it('coneFunctions evaluates every gate kind (the mixed fixture) like the simulator', () => {
    const c = mixedCircuit();
    const leaves = Array.from({ length: c.numInputs }, (_, i) => i + 1);
    const outs = Array.from(c.outputs, (o) => o);
    const viaCone = coneFunctions(c, outs.map((o) => o >>> 1), leaves).map((t, j) => (outs[j]! & 1 ? toHex(createFromFunction(t.numVars, (m) => !t.get(m))) : toHex(t)));
    expect(viaCone).toEqual(simulateTruthTables(c).map(toHex));
  });

  it('coneFunctions refuses a repeated leaf and a non-cut with ValidationError codes', () => {
    const c = shared();
    expect(caught(() => coneFunctions(c, [5], [4, 4, 3]))).toBeInstanceOf(ValidationError);
    expect(caught(() => coneFunctions(c, [5], [4, 4, 3]))).toMatchObject({ code: 'bad-window' });
    expect(caught(() => coneFunctions(c, [5], [4]))).toMatchObject({ code: 'not-a-cut' });
  });

  it('coneNodes with a node label names the input that leaks and its path to the root', () => {
    // shared(): y (node 5) = x XOR c, x (node 4) = a AND b; leaves [4] leave input c (node 3) reaching y
    const c = shared();
    const err = caught(() => coneNodes(c, [5], [4], (v) => `<${v}>`));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ code: 'not-a-cut' });
    expect((err as Error).message).toContain('<3> reaches a root without passing a leaf (path <3> -> <5>)');
    // without a label: the same error with the leaves and roots listed
    expect(caught(() => coneNodes(c, [5], [4]))).toMatchObject({ code: 'not-a-cut' });
    expect(coneNodes(c, [5], [4, 3], (v) => `<${v}>`)).toEqual([5]);
  });

  it('exhaustiveNodeValues equals simulateNodes on projections, and reachableLeafPatterns finds the patterns that occur', () => {
    const c = shared();
    const w = wordCount(3);
    const pats = [0, 1, 2].map((i) => {
      const p = new Uint32Array(w);
      fillProjection(p, i);
      return p;
    });
    expect([...exhaustiveNodeValues(c).values]).toEqual([...simulateNodes(c, pats).values]);
    // leaves (x = a AND b, a): x = 1 with a = 0 never occurs (pattern x0 = 1, x1 = 0: minterm 1)
    const reach = reachableLeafPatterns(exhaustiveNodeValues(c), 3, [4, 1]);
    expect(toHex(reach)).toBe('d');
  });
});
