/**
 * Symmetry-breaking cross-checks (percy's *_equivalence tests): the optimum
 * with every rule on equals the optimum with every rule off, for all 256
 * functions of 3 inputs and for samples of larger, multi-output and
 * incompletely specified specs; and the B2 size distribution of the 3-input
 * functions equals an independent brute-force enumeration of circuits.
 */
import { describe, expect, test } from 'vitest';
import type { BasisName } from '../../src/core/basis.js';
import { evalOpWord } from '../../src/core/gate.js';
import { makeSpec, type FunctionSpec } from '../../src/tt/spec.js';
import { npnClasses } from '../../src/tt/npn.js';
import { fromWords } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';
import { DEFAULT_SYMMETRY_BREAKING, NO_SYMMETRY_BREAKING, synthesize, verifyCircuit, type SymmetryBreaking } from '../../src/synth/index.js';

const SLOW = process.env['WATERLOO_SLOW'] !== undefined;

async function optimum(spec: FunctionSpec, basis: BasisName, sb: Partial<SymmetryBreaking>): Promise<number> {
  const r = await synthesize(spec, { basis, symmetryBreaking: sb, cegar: false });
  if (r.status !== 'optimal') throw new Error(`expected optimal, got ${r.status}`);
  expect(verifyCircuit(r.circuit, spec).ok).toBe(true);
  return r.size;
}

/**
 * Minimum number of two-input gates (any of the 16 ops, outputs may be any
 * node in either polarity) for every n-input function, by breadth-first
 * search over the sets of node functions; functions not reached within
 * `maxGates` get -1. Independent of the SAT encoding.
 */
function bruteForceSizes(n: number, maxGates: number): Int32Array {
  const bits = 1 << n;
  const mask = bits === 32 ? 0xffffffff : (1 << bits) - 1;
  const cost = new Int32Array(2 ** bits).fill(-1);
  const proj: number[] = [];
  for (let j = 0; j < n; j++) {
    let t = 0;
    for (let m = 0; m < bits; m++) if ((m >> j) & 1) t |= 1 << m;
    proj.push(t >>> 0);
  }
  const note = (t: number, c: number): void => {
    for (const u of [t & mask, ~t & mask]) if (cost[u >>> 0] === -1) cost[u >>> 0] = c;
  };
  note(0, 0);
  for (const p of proj) note(p, 0);
  let level = new Map<string, number[]>([[proj.join(','), proj]]);
  for (let size = 1; size <= maxGates; size++) {
    const next = new Map<string, number[]>();
    for (const nodes of level.values()) {
      for (let k = 1; k < nodes.length; k++) {
        for (let j = 0; j < k; j++) {
          for (let op = 0; op < 16; op++) {
            const t = (evalOpWord(op, nodes[j]!, nodes[k]!) & mask) >>> 0;
            note(t, size);
            if (size === maxGates || nodes.includes(t)) continue;
            const added = [...nodes.slice(0, n), ...[...nodes.slice(n), t].sort((a, b) => a - b)];
            next.set(added.join(','), added);
          }
        }
      }
    }
    level = next;
  }
  return cost;
}

/**
 * Number of 3-input functions per B2 size (free output negation), as computed
 * by {@link bruteForceSizes}; the same counts as Knuth, TAOCP 4A 7.1.2 (cited
 * in encoders-cross-check.test.ts).
 */
const KNOWN_3_INPUT_B2_DISTRIBUTION = { 0: 8, 1: 30, 2: 114, 3: 80, 4: 24 };

describe('brute force reference', () => {
  test('2-input functions: 6 cost 0 (constants, literals), 10 cost 1', () => {
    const c = bruteForceSizes(2, 2);
    expect([...c].filter((x) => x === 0).length).toBe(6);
    expect([...c].filter((x) => x === 1).length).toBe(10);
  });
});

describe('symmetry breaking on = off, all 256 functions of 3 inputs (B2)', () => {
  test('sizes equal, circuits verified, distribution = brute force', async () => {
    const brute = bruteForceSizes(3, 4);
    expect([...brute].every((x) => x >= 0)).toBe(true); // every 3-input function has B2 cost <= 4
    const dist = new Map<number, number>();
    for (let f = 0; f < 256; f++) {
      const spec = makeSpec(3, [fromWords(3, Uint32Array.of(f))]);
      const on = await optimum(spec, 'B2', DEFAULT_SYMMETRY_BREAKING);
      const off = await optimum(spec, 'B2', NO_SYMMETRY_BREAKING);
      expect({ f, on }).toEqual({ f, on: off });
      expect({ f, on }).toEqual({ f, on: brute[f] });
      dist.set(on, (dist.get(on) ?? 0) + 1);
    }
    // the distribution (as computed by the brute force above; recorded here so a change shows up)
    const bruteDist = new Map<number, number>();
    for (const c of brute) bruteDist.set(c, (bruteDist.get(c) ?? 0) + 1);
    expect(dist).toEqual(bruteDist);
    expect(Object.fromEntries(dist)).toEqual(KNOWN_3_INPUT_B2_DISTRIBUTION);
  });
});

describe('symmetry breaking on = off, samples', () => {
  const rng = new Rng(20240611);
  const randomTable = (n: number): ReturnType<typeof fromWords> => fromWords(n, Uint32Array.of(rng.nextU32()));

  // U2 with every rule off needs seconds per function of size >= 6: the default run takes the 14 NPN classes
  // (the all-off side only for optima <= 5), WATERLOO_SLOW all 256 functions.
  test('functions of 3 inputs in U2 (= AIG): NPN representatives, or all 256 when slow', async () => {
    const tables = SLOW ? [...Array(256).keys()] : npnClasses(3).map((t) => t.words[0]!);
    for (const f of tables) {
      const spec = makeSpec(3, [fromWords(3, Uint32Array.of(f))]);
      const on = await optimum(spec, 'U2', DEFAULT_SYMMETRY_BREAKING);
      expect(await optimum(spec, 'AIG', DEFAULT_SYMMETRY_BREAKING)).toBe(on);
      if (!SLOW && on > 5) continue;
      const off = await optimum(spec, 'U2', NO_SYMMETRY_BREAKING);
      expect({ f, on }).toEqual({ f, on: off });
    }
  });

  test('2-output functions of 3 inputs, with and without don\'t-cares, every rule alone', async () => {
    const rules = Object.keys(DEFAULT_SYMMETRY_BREAKING) as (keyof SymmetryBreaking)[];
    // with every rule off, sizes >= 6 take seconds each; the default run checks the smaller optima only
    for (let trial = 0; trial < (SLOW ? 12 : 8); trial++) {
      const outs = [randomTable(3), randomTable(3)];
      const care = trial % 2 === 0 ? undefined : [randomTable(3), undefined];
      const spec = makeSpec(3, outs, care);
      const basis: BasisName = trial % 3 === 0 ? 'AIG' : 'B2';
      const on = await optimum(spec, basis, DEFAULT_SYMMETRY_BREAKING);
      if (!SLOW && on > 5) continue;
      const off = await optimum(spec, basis, NO_SYMMETRY_BREAKING);
      expect(on).toBe(off);
      for (const rule of rules) expect({ trial, rule, size: await optimum(spec, basis, { ...NO_SYMMETRY_BREAKING, [rule]: true }) }).toEqual({ trial, rule, size: off });
    }
  }, 1_800_000);

  test('symmetric specs with don\'t-cares (symmetric-input rule)', async () => {
    // functions of the weight of the input, with symmetric don't-cares: totally symmetric specs
    const weight = (m: number): number => (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1) + ((m >> 3) & 1);
    for (let trial = 0; trial < 6; trial++) {
      const valueOf = rng.below(32), careOfW = 31 ^ (1 << rng.below(5));
      const f = fromWords(4, Uint32Array.of([...Array(16).keys()].reduce((a, m) => a | (((valueOf >> weight(m)) & 1) << m), 0)));
      const c = fromWords(4, Uint32Array.of([...Array(16).keys()].reduce((a, m) => a | (((careOfW >> weight(m)) & 1) << m), 0)));
      const spec = makeSpec(4, [f], [c]);
      const off = await optimum(spec, 'B2', { ...DEFAULT_SYMMETRY_BREAKING, symmetricInputs: false });
      expect(await optimum(spec, 'B2', DEFAULT_SYMMETRY_BREAKING)).toBe(off);
    }
  });

  test.skipIf(!SLOW)('random 4-input functions: all rules on = all off (slow)', async () => {
    for (let trial = 0; trial < 8; trial++) {
      const spec = makeSpec(4, [fromWords(4, Uint32Array.of(rng.nextU32() & 0xffff))]);
      expect(await optimum(spec, 'B2', DEFAULT_SYMMETRY_BREAKING)).toBe(await optimum(spec, 'B2', NO_SYMMETRY_BREAKING));
    }
  });
});
