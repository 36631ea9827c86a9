import { describe, expect, it } from 'vitest';
import {
  applyNpn,
  composeNpn,
  equivalenceClasses,
  exactCanonize,
  identityNpn,
  invertNpn,
  npnCanonize,
  npnCanonizeHeuristic,
  npnClasses,
  type NpnTransform,
} from '../../src/tt/npn.js';
import { createFromFunction, fromHex, fromWords, toHex, ttCompare, ttEqual, type TruthTable } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';
import { UsageError } from '../../src/errors.js';

function randomTable(rng: Rng, n: number): TruthTable {
  const w = new Uint32Array(n <= 5 ? 1 : 1 << (n - 5));
  for (let i = 0; i < w.length; i++) w[i] = rng.nextU32();
  return fromWords(n, w);
}

function randomTransform(rng: Rng, n: number): NpnTransform {
  const perm = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  return { perm, inputNegations: rng.below(2 ** n), outputNegation: rng.below(2) === 1 };
}

/** Brute force: minimum over all transforms, by the reference applyNpn. */
function bruteCanon(tt: TruthTable): TruthTable {
  const n = tt.numVars;
  let best = tt;
  const perms: number[][] = [];
  const rec = (p: number[]): void => {
    if (p.length === n) perms.push(p);
    for (let i = 0; i < n; i++) if (!p.includes(i)) rec([...p, i]);
  };
  rec([]);
  for (const perm of perms) for (let neg = 0; neg < 2 ** n; neg++) for (const o of [false, true]) {
    const t = applyNpn(tt, { perm, inputNegations: neg, outputNegation: o });
    if (ttCompare(t, best) < 0) best = t;
  }
  return best;
}

describe('NPN transform semantics', () => {
  it('applyNpn feeds input i of f from input perm[i], negated by bit i', () => {
    // f = x0 AND NOT x1 (hex 2: minterm 1 = x0=1,x1=0)
    const f = fromHex('2', 2);
    // swap: g(x0,x1) = f(x1, x0) = x1 AND NOT x0 = minterm 2 -> hex 4
    expect(toHex(applyNpn(f, { perm: [1, 0], inputNegations: 0, outputNegation: false }))).toBe('4');
    // negate input 1 of f: g = f(x0, !x1) = x0 AND x1 -> 8
    expect(toHex(applyNpn(f, { perm: [0, 1], inputNegations: 2, outputNegation: false }))).toBe('8');
    // output negation
    expect(toHex(applyNpn(f, { perm: [0, 1], inputNegations: 0, outputNegation: true }))).toBe('d');
    // 3 inputs, non-symmetric f = x0 AND (x1 OR NOT x2); perm [2,0,1]: g(x) = f(x2, x0, x1)
    const f3 = createFromFunction(3, (m) => (m & 1) === 1 && ((m & 2) !== 0 || (m & 4) === 0));
    const g3 = applyNpn(f3, { perm: [2, 0, 1], inputNegations: 0, outputNegation: false });
    const want = createFromFunction(3, (m) => {
      const x = [m & 1, (m >> 1) & 1, (m >> 2) & 1];
      return x[2] === 1 && (x[0] === 1 || x[1] === 0);
    });
    expect(ttEqual(g3, want)).toBe(true);
  });

  it('invertNpn and composeNpn', () => {
    const rng = new Rng(7);
    for (let k = 0; k < 200; k++) {
      const n = rng.below(7);
      const f = randomTable(rng, n), t = randomTransform(rng, n), u = randomTransform(rng, n);
      expect(ttEqual(applyNpn(applyNpn(f, t), invertNpn(t)), f)).toBe(true);
      expect(ttEqual(applyNpn(f, composeNpn(t, u)), applyNpn(applyNpn(f, t), u))).toBe(true);
      expect(ttEqual(applyNpn(f, identityNpn(n)), f)).toBe(true);
    }
  });

  it('rejects malformed transforms', () => {
    const f = fromHex('e8', 3);
    expect(() => applyNpn(f, { perm: [0, 0, 1], inputNegations: 0, outputNegation: false })).toThrow(UsageError);
    expect(() => applyNpn(f, { perm: [0, 1], inputNegations: 0, outputNegation: false })).toThrow(UsageError);
    expect(() => applyNpn(f, { perm: [0, 1, 2], inputNegations: 8, outputNegation: false })).toThrow(UsageError);
  });
});

describe('npnCanonize', () => {
  it('known representatives (smallest table as an unsigned number)', () => {
    // every 2-input AND-like function is in the class of NOR? smallest member of {AND, OR, NAND, ...} is 1 (NOR)
    expect(toHex(npnCanonize(fromHex('8', 2)).representative)).toBe('1');
    expect(toHex(npnCanonize(fromHex('6', 2)).representative)).toBe('6');
    expect(toHex(npnCanonize(fromHex('e8', 3)).representative)).toBe('17');
    expect(toHex(npnCanonize(fromHex('96', 3)).representative)).toBe('69');
    expect(toHex(npnCanonize(fromHex('ff', 3)).representative)).toBe('00');
    expect(toHex(npnCanonize(fromHex('aa', 3)).representative)).toBe('0f');
    expect(toHex(npnCanonize(createFromFunction(0, () => true)).representative)).toBe('0');
  });

  it('agrees with brute force and round-trips for every function of n <= 3', () => {
    for (let n = 0; n <= 3; n++) {
      for (let f = 0; f < 2 ** 2 ** n; f++) {
        const tt = fromWords(n, Uint32Array.of(f));
        const r = npnCanonize(tt);
        expect(ttEqual(r.representative, bruteCanon(tt))).toBe(true);
        expect(ttEqual(applyNpn(tt, r.transform), r.representative)).toBe(true);
        expect(ttEqual(applyNpn(r.representative, invertNpn(r.transform)), tt)).toBe(true);
      }
    }
  });

  it('census of all 65,536 4-input functions: 222 classes, fast, round trip', () => {
    const t0 = performance.now();
    const reps = new Set<number>();
    for (let f = 0; f < 65536; f++) reps.add(npnCanonize(fromWords(4, Uint32Array.of(f))).representative.words[0]!);
    const ms = performance.now() - t0;
    console.log(`npn census n=4: ${reps.size} classes in ${ms.toFixed(0)} ms (including the lookup table, built on first use)`);
    expect(reps.size).toBe(222);
    expect(ms).toBeLessThan(1000);
    for (let f = 0; f < 65536; f += 97) {
      const tt = fromWords(4, Uint32Array.of(f));
      const r = npnCanonize(tt);
      expect(ttEqual(applyNpn(r.representative, invertNpn(r.transform)), tt)).toBe(true);
      // the lookup table and the exhaustive walk agree
      expect(ttEqual(exactCanonize(tt, 'NPN').representative, r.representative)).toBe(true);
    }
  });

  it('n = 5 and 6: invariant under random transforms, round trip, brute force on a sample; timing', () => {
    const rng = new Rng(2024);
    for (const n of [5, 6]) {
      const count = 30;
      let ms = 0;
      for (let k = 0; k < count; k++) {
        const f = randomTable(rng, n);
        const t0 = performance.now();
        const r = npnCanonize(f);
        ms += performance.now() - t0;
        expect(ttEqual(applyNpn(f, r.transform), r.representative)).toBe(true);
        expect(ttEqual(applyNpn(r.representative, invertNpn(r.transform)), f)).toBe(true);
        const g = applyNpn(f, randomTransform(rng, n));
        expect(ttEqual(npnCanonize(g).representative, r.representative)).toBe(true);
        if (k < 2 && n === 5) expect(ttEqual(r.representative, bruteCanon(f))).toBe(true);
      }
      console.log(`npn exact n=${n}: ${(ms / count).toFixed(3)} ms per function`);
    }
  });

  it('refuses n > 6', () => {
    expect(() => npnCanonize(createFromFunction(7, () => false))).toThrow(UsageError);
  });
});

describe('class enumeration', () => {
  it('counts match the literature (all functions of n variables, constants included)', () => {
    // OEIS A000370 (NPN), A000616 (NP; its offset is -1), A003180 (P); "n or fewer variables" = all 2^(2^n) tables
    expect([0, 1, 2, 3, 4].map((n) => npnClasses(n).length)).toEqual([1, 2, 4, 14, 222]);
    expect([0, 1, 2, 3, 4].map((n) => equivalenceClasses(n, 'NP').length)).toEqual([2, 3, 6, 22, 402]);
    expect([0, 1, 2, 3, 4].map((n) => equivalenceClasses(n, 'P').length)).toEqual([2, 4, 12, 80, 3984]);
  });

  it('representatives are ascending canonical forms', () => {
    const reps = npnClasses(3);
    expect(reps.map(toHex)).toEqual([...new Set(reps.map(toHex))].sort());
    for (const r of npnClasses(4)) expect(ttEqual(npnCanonize(r).representative, r)).toBe(true);
    for (const r of equivalenceClasses(3, 'P')) expect(ttEqual(exactCanonize(r, 'P').representative, r)).toBe(true);
    expect(() => npnClasses(5)).toThrow(UsageError);
  });
});

describe('npnCanonizeHeuristic', () => {
  it('returns an exact transform and is never below the exact representative', () => {
    const rng = new Rng(99);
    for (let k = 0; k < 100; k++) {
      const n = 1 + rng.below(8);
      const f = randomTable(rng, n);
      const r = npnCanonizeHeuristic(f);
      expect(ttEqual(applyNpn(f, r.transform), r.representative)).toBe(true);
      expect(ttEqual(applyNpn(r.representative, invertNpn(r.transform)), f)).toBe(true);
      expect(ttCompare(r.representative, f) <= 0 || ttCompare(r.representative, applyNpn(f, { ...identityNpn(n), outputNegation: true })) <= 0).toBe(true);
      if (n <= 6) expect(ttCompare(npnCanonize(f).representative, r.representative)).toBeLessThanOrEqual(0);
    }
  });
  it('handles 0 inputs', () => {
    expect(toHex(npnCanonizeHeuristic(createFromFunction(0, () => true)).representative)).toBe('0');
  });
});
