/**
 * Multiplicative complexity (`basis: 'MC'`, the mc encoder): known values
 * (Boyar, Peralta, Pochuev 2000; Turan and Peralta 2014: MC(x0 x1) = 1,
 * MC(parity) = 0, MC(MAJ3) = 1, MC(x0 x1 x2) = 2, full adder (sum, carry) = 1),
 * the optimum with the mc symmetry breaking equal to the optimum without it on
 * all 256 functions of 3 inputs (and the degree bound MC >= deg - 1 never
 * above it), and the affine classes of 4 inputs with the published maximum 3
 * (of 5 inputs, maximum 4, with WATERLOO_SLOW=1).
 */
import { describe, expect, test } from 'vitest';
import { circuitCost } from '../../src/core/cost.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { synthesize } from '../../src/synth/index.js';
import { NO_SYMMETRY_BREAKING } from '../../src/synth/types.js';
import { affineClasses } from '../../src/tt/affine.js';
import { mcAffineCensus } from '../../src/synth/mc-census.js';
import { specFromHex, specSatisfiedBy, type FunctionSpec } from '../../src/tt/spec.js';
import { mulberry32 } from '../helpers/mulberry32.js';
import { expectOptimal } from './expect-optimal.js';

const SLOW = process.env['WATERLOO_SLOW'] !== undefined && process.env['WATERLOO_SLOW'] !== '0';
const SEED = 20;

async function mc(spec: FunctionSpec, off = false): Promise<number> {
  const r = await synthesize(spec, { basis: 'MC', backend: 'minisat', ...(off ? { symmetryBreaking: NO_SYMMETRY_BREAKING } : {}) });
  if (r.status !== 'optimal') throw new Error(`status ${r.status}`);
  expect(specSatisfiedBy(spec, simulateTruthTables(r.circuit))).toBe(true);
  const cost = circuitCost(r.circuit, 'MC');
  expect(cost.inBasis && cost.size).toBe(r.size);
  return r.size;
}

describe('multiplicative complexity', () => {
  test('known values, each with the UNSAT certificate below', async () => {
    await expectOptimal(specFromHex(['8'], 2), 'MC', 1);
    await expectOptimal(specFromHex(['96'], 3), 'MC', 0);
    await expectOptimal(specFromHex(['6996'], 4), 'MC', 0);
    await expectOptimal(specFromHex(['e8'], 3), 'MC', 1);
    await expectOptimal(specFromHex(['80'], 3), 'MC', 2);
    await expectOptimal(specFromHex(['96', 'e8'], 3), 'MC', 1); // full adder
    const r = await expectOptimal(specFromHex(['8000'], 4), 'MC', 3); // x0 x1 x2 x3
    expect(r.stats.encoder).toBe('mc');
  });

  test('all 256 functions of 3 inputs against enumeration (MC <= 1 iff affine + a product of two affine forms); symmetry breaking on = off on a seeded sample (all when slow)', async () => {
    const hist = [0, 0, 0];
    // every affine function of 3 inputs as a table: c + sum of selected x_j
    const affine: number[] = [];
    for (let m = 0; m < 16; m++) {
      let t = m & 8 ? 0xff : 0;
      for (let j = 0; j < 3; j++) if ((m >> j) & 1) t ^= [0xaa, 0xcc, 0xf0][j]!;
      affine.push(t);
    }
    const mcAtMost1 = new Set<number>();
    for (const a of affine) for (const b of affine) for (const c of affine) mcAtMost1.add((a & b) ^ c);
    const rnd = mulberry32(SEED);
    const offSample = new Set(SLOW ? [...Array(256).keys()] : Array.from({ length: 24 }, () => Math.floor(rnd() * 256)));
    for (let f = 0; f < 256; f++) {
      const spec = specFromHex([f.toString(16).padStart(2, '0')], 3);
      const on = await mc(spec);
      expect(on, f.toString(16)).toBe(affine.includes(f) ? 0 : mcAtMost1.has(f) ? 1 : 2);
      if (offSample.has(f)) expect(await mc(spec, true), f.toString(16)).toBe(on);
      hist[on]!++;
    }
    // affine functions (16) have MC 0; every other 3-input function has MC 1 or 2 (Turan and Peralta)
    expect(hist[0]).toBe(16);
    expect(hist[0]! + hist[1]! + hist[2]!).toBe(256);
  }, 60_000);

  test('the 8 affine classes of 4 inputs: maximum 3 (Turan and Peralta)', async () => {
    const sizes: number[] = [];
    for (const c of affineClasses(4)) sizes.push(await mc(specFromHex([c.representative.toString(16).padStart(4, '0')], 4)));
    expect(Math.max(...sizes)).toBe(3);
  }, 60_000);

  test.runIf(SLOW)('the 48 affine classes of 5 inputs: maximum 4, each with its certificate (Turan and Peralta; Soeken 2020)', async () => {
    const entries = await mcAffineCensus(5, { backend: 'auto' });
    expect(entries.length).toBe(48);
    expect(entries.every((e) => e.status === 'optimal')).toBe(true);
    expect(entries.filter((e) => e.ands! > 0).every((e) => e.evidence.startsWith('unsat at'))).toBe(true);
    expect(Math.max(...entries.map((e) => e.ands!))).toBe(4);
  }, 1_800_000);
});
