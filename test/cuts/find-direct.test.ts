import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder, coneNodes, DEFAULT_LIBRARY, findFunctions, readCircuitFile, UsageError, writeBench, type FindFunctionsResult } from '../../src/index.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

/** The cones of the disjoint matches share no gate, and their sizes add up to coveredGates. */
function expectDisjoint(r: FindFunctionsResult, coneOf: (i: number) => readonly number[]): void {
  const seen = new Set<number>();
  let total = 0;
  for (const i of r.disjointMatches) {
    for (const v of coneOf(i)) {
      expect(seen.has(v), `gate ${v} in two disjoint matches`).toBe(false);
      seen.add(v);
    }
    total += r.matches[i]!.coneGates;
  }
  expect(r.coveredGates).toBe(total);
  expect(r.coveredGates).toBeLessThanOrEqual(r.overlappingCoveredGates);
  expect(r.overlappingCoveredGates).toBeLessThanOrEqual(r.gates);
}

describe('find: outputs and named nodes are tested over their whole input support', () => {
  it('reports MAJ_5 at the output of a trained BNN for maj:5 (seed 1) with the default cut limit', () => {
    const dir = tempDir();
    const file = join(dir, 'maj5.bench');
    const t = runWaterloo(['train', '--task', 'maj:5', '--model', 'bnn', '--seed', '1', '--out', file]);
    expect(t.code, t.stderr).toBe(0);
    const c = readCircuitFile(file);
    // the case that was missed: a big cone (the priority cuts at the output never reach the primary inputs)
    expect(c.numGates).toBeGreaterThan(100);
    const r = runWaterloo(['find', '--json', file]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as FindFunctionsResult;
    const out = c.outputs[0]! >>> 1;
    const m = j.matches.find((x) => x.name === 'MAJ_5' && x.roots.join() === String(out));
    expect(m, 'MAJ_5 at the output').toBeDefined();
    expect(m!.leaves).toEqual([1, 2, 3, 4, 5]);
    expect(j.direct).toEqual([{ node: out, name: c.outputNames[0], why: 'output', status: 'matched', support: 5, match: 'MAJ_5' }]);
    expect(runWaterloo(['find', file]).stdout).toMatch(new RegExp(`^  output ${c.outputNames[0]} \\(node ${out}\\): MAJ_5 of its 5 inputs$`, 'm'));
  });

  it('--node NAME tests a named node; an unknown name is bad input', () => {
    const b = new CircuitBuilder();
    const [x, y, z, w] = b.addInputs(4, ['x', 'y', 'z', 'w']) as [number, number, number, number];
    const m = b.maj(b.xor(x, w), y, z);
    b.nameGate(m, 'inner');
    b.addOutput(b.and(m, b.or(x, w)), 'out');
    const dir = tempDir();
    const file = join(dir, 'named.bench');
    writeFileSync(file, writeBench(b.build()));
    const r = runWaterloo(['find', '--json', '--node', 'inner', '--node', 'x', file]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as FindFunctionsResult;
    expect(j.direct.map((d) => [d.why, d.name, d.status])).toEqual([
      ['output', 'out', 'no-match'],
      ['named', 'inner', 'no-match'],
      ['named', 'x', 'not-a-gate'],
    ]);
    expect(runWaterloo(['find', '--node', 'nosuch', file]).code).toBe(3);
  });

  it('an output whose cone has more inputs than the largest entry is not tested directly', async () => {
    const b = new CircuitBuilder();
    const xs = b.addInputs(7);
    b.addOutput(b.andN(xs), 'a7');
    const r = await findFunctions(b.build());
    expect(r.direct).toEqual([{ node: expect.any(Number), name: 'a7', why: 'output', status: 'support-too-wide', support: 7 }]);
    await expect(findFunctions(b.build(), { nodes: [99] })).rejects.toThrow(UsageError);
  });
});

describe('find: coverage counts disjoint matches', () => {
  it('two matches sharing a gate are not both counted', async () => {
    // g1 = a & b, g2 = !a & !b, x = !(!g1 & !g2) = XNOR(a, b): 3 gates; y = g1 & c = AND_3(a, b, c): 2 gates (g1, y).
    // The cones {g1, g2, x} and {g1, y} share g1: summed they count 5 gates of 4. The greedy choice (largest cone first)
    // takes the 3-gate cone and skips every cone meeting g1: 3 of 4 gates (75%); overlapping matches cover 4 of 4.
    const b = new CircuitBuilder({ strash: false });
    const [a, bb, c] = b.addInputs(3, ['a', 'b', 'c']) as [number, number, number];
    const g1 = b.and(a, bb);
    const g2 = b.and(a ^ 1, bb ^ 1);
    const x = b.and(g1 ^ 1, g2 ^ 1) ^ 1;
    b.addOutput(x, 'x');
    b.addOutput(b.and(g1, c), 'y');
    const circuit = b.build();
    expect(circuit.numGates).toBe(4);
    const r = await findFunctions(circuit);
    const names = r.matches.map((m) => m.name);
    expect(names.some((n) => /^XN?OR_2$/.test(n))).toBe(true);
    expect(names).toContain('AND_3');
    expect(r.matches.reduce((s, m) => s + m.coneGates, 0)).toBeGreaterThan(r.gates);
    expect([r.coveredGates, r.gates, r.coverage]).toEqual([3, 4, 0.75]);
    expect([r.overlappingCoveredGates, r.overlappingCoverage]).toEqual([4, 1]);
    expect(r.disjointMatches).toHaveLength(1);
    expect(r.matches[r.disjointMatches[0]!]!.coneGates).toBe(3);
    expectDisjoint(r, (i) => coneNodes(circuit, r.matches[i]!.roots, r.matches[i]!.leaves));
  });

  it('the disjoint matches of the trained MAJ_5 network share no gate', async () => {
    const dir = tempDir();
    const file = join(dir, 'maj5.bench');
    expect(runWaterloo(['train', '--task', 'maj:5', '--model', 'bnn', '--seed', '2', '--out', file]).code).toBe(0);
    const c = readCircuitFile(file);
    // without the 5-input entries (MAJ_5 = THR_5^3) the output is not one match, and the disjoint figure is below the overlapping one
    const r = await findFunctions(c, { library: DEFAULT_LIBRARY.filter((e) => e.numInputs !== 5) });
    expectDisjoint(r, (i) => coneNodes(c, r.matches[i]!.roots, r.matches[i]!.leaves));
    expect(r.coveredGates).toBeLessThan(r.overlappingCoveredGates);
  });
});
