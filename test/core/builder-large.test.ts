import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import { GateKind } from '../../src/core/gate.js';
import { gateFanins } from '../../src/core/circuit.js';
import { PairMap } from '../../src/util/pair-map.js';

// Past 2^21 literals a key packed as lo * 2^32 + hi leaves the 53-bit integer
// range, and and(x, y), and(x, !y) once shared one key (and one node).
const INPUTS = 1_100_000; // literals of the inputs reach 2.2M > 2^21

describe('structural hashing above 2^21 literals', () => {
  it('keeps and(x, y), and(x, !y), and(!x, y), and(!x, !y) distinct for high literals', () => {
    const b = new CircuitBuilder({ strash: true });
    b.addInputs(INPUTS);
    const high = 2 * INPUTS; // literal of the last input
    expect(high).toBeGreaterThan(2 ** 21);
    const made = new Map<number, [number, number]>();
    for (let k = 0; k < 200; k++) {
      const x = high - 2 * (2 * k + 1), y = high - 4 * k;
      for (const [p, q] of [[x, y], [x, y ^ 1], [x ^ 1, y], [x ^ 1, y ^ 1]] as const) {
        const lit = b.and(p, q);
        expect(made.has(lit), `and(${p}, ${q}) merged with and(${made.get(lit)})`).toBe(false);
        made.set(lit, [p, q]);
        // asking again (either order, either API) hashes to the same node
        expect(b.and(q, p)).toBe(lit);
        expect(b.addGate(GateKind.And, [p, q])).toBe(lit);
      }
    }
    for (const [lit] of made) b.addOutput(lit);
    const c = b.build();
    expect(c.numGates).toBe(800);
    // each gate really has the fanins it was asked for
    for (const [lit, [p, q]] of made) {
      const g = (lit >>> 1) - INPUTS - 1;
      expect([...gateFanins(c, g)]).toEqual([Math.min(p, q), Math.max(p, q)]);
    }
  }, 20_000);
});

describe('PairMap', () => {
  it('stores pairs that one packed number would confuse, and grows', () => {
    const m = new PairMap(4);
    const a = 4_000_000, b = 3_000_000_000;
    expect(a * 4294967296 + b).toBe(a * 4294967296 + b + 1); // the old key collides here
    m.set(a, b, 7);
    m.set(a, b + 1, 8);
    m.set(0, 0, 9);
    for (let i = 0; i < 1000; i++) m.set(i, 2 ** 32 - 1 - i, i);
    expect(m.get(a, b)).toBe(7);
    expect(m.get(a, b + 1)).toBe(8);
    expect(m.get(0, 0)).toBe(9);
    expect(m.get(b, a)).toBeUndefined();
    for (let i = 0; i < 1000; i++) expect(m.get(i, 2 ** 32 - 1 - i)).toBe(i);
    m.set(a, b, 1);
    expect(m.get(a, b)).toBe(1);
    expect(m.size).toBe(1003);
  });
});
