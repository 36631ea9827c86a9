import { describe, expect, it } from 'vitest';
import {
  CircuitBuilder,
  cutFunction,
  enumerateCuts,
  enumerateWindows,
  gateFanins,
  toHex,
  ttNot,
  UsageError,
  ValidationError,
  type Circuit,
} from '../../src/index.js';
import { randomCircuit } from '../helpers/random-circuit.js';

/** Whether `leaves` separates `root` from every primary input (constants need no leaf). */
function isCut(c: Circuit, root: number, leaves: ReadonlySet<number>): boolean {
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length) {
    const v = stack.pop()!;
    if (leaves.has(v) || seen.has(v) || v === 0) continue;
    if (v <= c.numInputs) return false;
    seen.add(v);
    for (const f of gateFanins(c, v - c.numInputs - 1)) stack.push(f >>> 1);
  }
  return true;
}

/** Brute force: all minimal cuts of `root` with at most k leaves (sorted leaf lists, as strings). */
function bruteForceCuts(c: Circuit, root: number, k: number): string[] {
  // candidate leaves: nodes in the transitive fanin of root (root included), constant excluded
  const tfi = new Set<number>();
  const stack = [root];
  while (stack.length) {
    const v = stack.pop()!;
    if (tfi.has(v) || v === 0) continue;
    tfi.add(v);
    if (v > c.numInputs) for (const f of gateFanins(c, v - c.numInputs - 1)) stack.push(f >>> 1);
  }
  const nodes = [...tfi].sort((a, b) => a - b);
  const cuts: number[][] = [];
  const pick: number[] = [];
  const rec = (start: number): void => {
    if (pick.length > 0 && isCut(c, root, new Set(pick))) {
      cuts.push([...pick]);
      return; // supersets are not minimal
    }
    if (pick.length === k) return;
    for (let i = start; i < nodes.length; i++) {
      pick.push(nodes[i]!);
      rec(i + 1);
      pick.pop();
    }
  };
  rec(0);
  // keep minimal ones (the recursion already stops at a cut, but a later superset may still contain an earlier cut)
  const minimal = cuts.filter((a) => !cuts.some((b) => b !== a && b.length < a.length && b.every((x) => a.includes(x))));
  // the empty cut of a root driven by constants only
  if (isCut(c, root, new Set())) return [''];
  return minimal.map((x) => x.join(',')).sort();
}

function fullAdder(): Circuit {
  const b = new CircuitBuilder();
  const [x, y, z] = b.addInputs(3) as [number, number, number];
  b.addOutput(b.xor(b.xor(x, y), z), 's');
  b.addOutput(b.maj(x, y, z), 'c');
  return b.build();
}

describe('enumerateCuts', () => {
  it('gives every node its trivial cut last, the constant the empty cut, inputs only the trivial cut', () => {
    const c = fullAdder();
    const r = enumerateCuts(c, { k: 3 });
    expect(r.cuts[0]).toEqual([{ root: 0, leaves: [], coneSize: 0 }]);
    for (let v = 1; v <= 3; v++) expect(r.cuts[v]).toEqual([{ root: v, leaves: [v], coneSize: 0 }]);
    for (let v = 4; v < r.cuts.length; v++) {
      const list = r.cuts[v]!;
      expect(list[list.length - 1]).toEqual({ root: v, leaves: [v], coneSize: 0 });
    }
    // the sum XOR3 (node 5) has the cut {x, y, z} with a 2-gate cone
    expect(r.cuts[5]!.map((x) => x.leaves)).toContainEqual([1, 2, 3]);
    expect(r.cuts[5]!.find((x) => x.leaves.join() === '1,2,3')!.coneSize).toBe(2);
    expect(r.stats.cuts).toBe(r.cuts.reduce((s, l) => s + l.length, 0));
  });

  it('sorts non-trivial cuts by leaves, then cone size, then leaf ids, and honours cutLimit', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const c = randomCircuit(seed, { maxInputs: 7, maxGates: 30 });
      const r = enumerateCuts(c, { k: 4, cutLimit: 3 });
      for (let v = c.numInputs + 1; v < r.cuts.length; v++) {
        const list = r.cuts[v]!.slice(0, -1);
        expect(list.length).toBeLessThanOrEqual(3);
        for (let i = 1; i < list.length; i++) {
          const a = list[i - 1]!, b = list[i]!;
          const firstDiff = a.leaves.findIndex((x, j) => x !== b.leaves[j]);
          const order = a.leaves.length - b.leaves.length || a.coneSize - b.coneSize || a.leaves[firstDiff]! - b.leaves[firstDiff]!;
          expect(order).toBeLessThan(0);
        }
        for (const cut of list) {
          expect([...cut.leaves].sort((x, y) => x - y)).toEqual(cut.leaves);
          expect(cut.leaves.length).toBeLessThanOrEqual(4);
        }
      }
    }
  });

  it('with no cut limit, equals a brute-force enumeration of all minimal k-feasible cuts (random circuits with n-ary gates, MAJ and LUTs)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const c = randomCircuit(seed, { maxInputs: 6, maxGates: 14 });
      for (const k of [2, 3, 4]) {
        const r = enumerateCuts(c, { k, cutLimit: 0 });
        for (let v = c.numInputs + 1; v < r.cuts.length; v++) {
          const got = r.cuts[v]!.filter((x) => x.coneSize > 0).map((x) => x.leaves.join(',')).sort();
          const want = bruteForceCuts(c, v, k).filter((s) => s !== String(v));
          expect(got, `seed ${seed} k ${k} node ${v}`).toEqual(want);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('counts the cuts of a small AIG exactly (a 2:1 mux)', () => {
    const b = new CircuitBuilder();
    const [s, d0, d1] = b.addInputs(3) as [number, number, number];
    b.addOutput(b.mux(s, d1, d0), 'y');
    const c = b.build();
    const r = enumerateCuts(c, { k: 3, cutLimit: 0 });
    const root = c.numInputs + c.numGates;
    // the mux output: {s, d0, d1}, and cuts through the two product gates
    const got = r.cuts[root]!.map((x) => x.leaves.join(','));
    // {a, b} (the two products), {s, d0, d1}, {s, d0, a}, {s, d1, b}, and the trivial cut
    expect(got).toHaveLength(5);
    expect([...got].sort()).toEqual(bruteForceCuts(c, root, 3));
    expect(got[got.length - 1]).toBe(String(root));
    expect(r.cuts[root]![0]!.leaves).toHaveLength(2);
    const f = cutFunction(c, root, [1, 2, 3]);
    // s ? d1 : d0 with x0 = s, x1 = d0, x2 = d1 is e4; the AIG's OR node is the complement (the output edge is negated)
    expect(toHex(c.outputs[0]! & 1 ? ttNot(f) : f)).toBe('e4');
  });

  it('rejects bad parameters with UsageError', () => {
    const c = fullAdder();
    expect(() => enumerateCuts(c, { k: 0 })).toThrow(UsageError);
    expect(() => enumerateCuts(c, { k: 9 })).toThrow(UsageError);
    expect(() => enumerateCuts(c, { cutLimit: -1 })).toThrow(UsageError);
    expect(() => enumerateWindows(c, { maxRoots: 1 })).toThrow(UsageError);
  });

  it('handles a circuit without gates and constant-driven gates', () => {
    const b = new CircuitBuilder({ strash: false });
    const x = b.addInput('x');
    const g = b.and(x, 1); // AND with constant true
    b.addOutput(g);
    const c = b.build();
    const r = enumerateCuts(c);
    expect(r.cuts[2]!.map((q) => q.leaves)).toEqual([[1], [2]]);
    expect(enumerateCuts(new CircuitBuilder().build()).cuts).toHaveLength(1);
  });
});

describe('cutFunction', () => {
  it('computes the sum and carry of a full adder over its inputs', () => {
    const c = fullAdder();
    expect(toHex(cutFunction(c, 5, [1, 2, 3]))).toBe('96');
    expect(toHex(cutFunction(c, 6, [1, 2, 3]))).toBe('e8');
    // leaf order matters: leaf j is x_j
    expect(toHex(cutFunction(c, 5, [4, 3]))).toBe('6');
  });

  it('refuses a non-cut with ValidationError not-a-cut', () => {
    const c = fullAdder();
    expect(() => cutFunction(c, 5, [1, 2])).toThrow(ValidationError);
    try {
      cutFunction(c, 5, [1, 2]);
    } catch (e) {
      expect((e as ValidationError).code).toBe('not-a-cut');
    }
  });
});

describe('enumerateWindows', () => {
  it('pairs the sum and carry of a full adder over the same leaves', () => {
    const c = fullAdder();
    const r = enumerateWindows(c, { k: 3, maxRoots: 2 });
    const w = r.windows.find((x) => x.leaves.join() === '1,2,3' && x.roots.join() === '5,6');
    expect(w).toBeDefined();
    expect(w!.functions.map(toHex)).toEqual(['96', 'e8']);
    expect(r.stats.windows).toBe(r.windows.length);
    // every window's functions are the cut functions of its roots
    for (const x of r.windows) x.roots.forEach((root, i) => expect(toHex(cutFunction(c, root, x.leaves))).toBe(toHex(x.functions[i]!)));
  });
});
