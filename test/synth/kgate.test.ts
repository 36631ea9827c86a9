/**
 * Three-input gates (the kgate encoder): MIG and LUT3.
 *
 * MIG known values (Soeken, Amarù, Gaillardon, De Micheli, "Exact synthesis of
 * majority-inverter graphs and its applications", TCAD 2017, and Amarù et al.,
 * "Majority-inverter graph", DAC 2014): MAJ3 = 1 gate, XOR3 = 3, the full
 * adder (sum, carry) = 3 (carry = MAJ(a, b, c), sum = MAJ(!carry, MAJ(a, b, !c), c)).
 * The census of all 256 3-input functions is cross-checked against an
 * exhaustive enumeration of MIGs with up to 3 gates (a function not reached
 * with 3 must get more from SAT, whose circuit is simulated).
 *
 * LUT3: the census of the 4-input NPN classes against an exhaustive
 * enumeration of 1- and 2-gate LUT3 circuits (every 4-input function has a
 * 3-gate circuit: x3 ? g1(x0..x2) : g0(x0..x2)).
 */
import { describe, expect, test } from 'vitest';
import { circuitCost } from '../../src/core/cost.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import type { BasisName } from '../../src/core/basis.js';
import { MAJ_OPS } from '../../src/synth/encoders/kgate.js';
import { synthesize } from '../../src/synth/index.js';
import { npnClasses } from '../../src/tt/npn.js';
import { specFromHex, specSatisfiedBy, type FunctionSpec } from '../../src/tt/spec.js';
import { mulberry32 } from '../helpers/mulberry32.js';
import { expectOptimal } from './expect-optimal.js';

const SLOW = process.env['WATERLOO_SLOW'] !== undefined && process.env['WATERLOO_SLOW'] !== '0';
const SEED = 20;

async function size(spec: FunctionSpec, basis: BasisName): Promise<number> {
  const r = await synthesize(spec, { basis, backend: 'minisat' });
  if (r.status !== 'optimal') throw new Error(`status ${r.status}`);
  expect(specSatisfiedBy(spec, simulateTruthTables(r.circuit))).toBe(true);
  const cost = circuitCost(r.circuit, basis);
  expect(cost.inBasis && cost.size).toBe(r.size);
  return r.size;
}

/** 3-input op applied to three 2^n-bit tables. */
function apply3(op: number, a: number, b: number, c: number, bits: number): number {
  let r = 0;
  for (let t = 0; t < bits; t++) if ((op >> (((a >> t) & 1) | (((b >> t) & 1) << 1) | (((c >> t) & 1) << 2))) & 1) r |= 1 << t;
  return r >>> 0;
}

/** Least gate count (<= maxGates) of each function over `ops` on the nodes [0, inputs...], up to output negation; -1 when above. */
function enumerateMinSizes(n: number, ops: readonly number[], maxGates: number): Int8Array {
  const bits = 2 ** n;
  const full = (2 ** bits - 1) >>> 0;
  const best = new Int8Array(2 ** bits).fill(-1);
  const note = (f: number, s: number): void => {
    for (const g of [f, (f ^ full) >>> 0]) if (best[g] === -1 || best[g]! > s) best[g] = s;
  };
  const nodes = [0];
  for (let j = 0; j < n; j++) {
    let v = 0;
    for (let t = 0; t < bits; t++) if ((t >> j) & 1) v |= 1 << t;
    nodes.push(v >>> 0);
  }
  for (const v of nodes) note(v, 0);
  const dfs = (depth: number): void => {
    if (depth === maxGates) return;
    const N = nodes.length;
    for (let l = 2; l < N; l++) for (let k = 1; k < l; k++) for (let j = 0; j < k; j++) {
      for (const op of ops) {
        const f = apply3(op, nodes[j]!, nodes[k]!, nodes[l]!, bits);
        note(f, depth + 1);
        nodes.push(f);
        dfs(depth + 1);
        nodes.pop();
      }
    }
  };
  dfs(0);
  return best;
}

describe('MIG (majority-inverter graphs)', () => {
  test('MAJ3 = 1, XOR3 = 3, full adder = 3, AND = 1, with certificates', async () => {
    await expectOptimal(specFromHex(['e8'], 3), 'MIG', 1);
    await expectOptimal(specFromHex(['8'], 2), 'MIG', 1);
    await expectOptimal(specFromHex(['96'], 3), 'MIG', 3);
    await expectOptimal(specFromHex(['96', 'e8'], 3), 'MIG', 3);
  });

  test('the 14 NPN classes of 3 inputs (all 256 functions when slow) agree with exhaustive enumeration up to 3 gates', async () => {
    const enumerated = enumerateMinSizes(3, MAJ_OPS, 3);
    const hist: number[] = [];
    // MIG size is NPN invariant (complemented edges, free output negation, symmetric gates)
    for (const f of SLOW ? [...Array(256).keys()] : npnClasses(3).map((t) => t.words[0]!)) {
      const s = await size(specFromHex([f.toString(16).padStart(2, '0')], 3), 'MIG');
      if (enumerated[f]! >= 0) expect(s, f.toString(16)).toBe(enumerated[f]);
      else expect(s, f.toString(16)).toBeGreaterThan(3);
      hist[s] = (hist[s] ?? 0) + 1;
    }
    console.log(`MIG 3-input size histogram ${JSON.stringify(hist)}`);
  }, 120_000);
});

describe('LUT3 (three-input operators)', () => {
  test('4-input NPN classes (a seeded sample; all 222 when slow) agree with exhaustive enumeration up to 2 gates', async () => {
    const all = Array.from({ length: 256 }, (_, op) => op);
    const enumerated = enumerateMinSizes(4, all, 2);
    const hist: number[] = [];
    const classes = npnClasses(4);
    const rnd = mulberry32(SEED);
    console.log(`LUT3 sample seed ${SEED}`);
    for (const rep of SLOW ? classes : Array.from({ length: 12 }, () => classes[Math.floor(rnd() * classes.length)]!)) {
      const f = rep.words[0]!;
      const s = await size(specFromHex([f.toString(16).padStart(4, '0')], 4), 'LUT3');
      expect(s, f.toString(16)).toBe(enumerated[f]! >= 0 ? enumerated[f] : 3);
      hist[s] = (hist[s] ?? 0) + 1;
    }
    console.log(`LUT3 4-input NPN class size histogram ${JSON.stringify(hist)}`);
  }, 120_000);
});
