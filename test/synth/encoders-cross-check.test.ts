/**
 * Cross-check of the two independent encoders (percy's `*_equivalence`
 * tests): the SSV encoder and the fence encoder must find the same optimum
 * for every function of 3 inputs in B2 (in U2: the NPN representatives and a
 * seeded sample, all 256 with WATERLOO_SLOW=1), a seeded sample of 4-input
 * functions (B2), and seeded specs with don't-cares and two outputs; every
 * circuit must be correct by simulation and have the claimed size.
 * Runs on the embedded MiniSat backend.
 */
import { describe, expect, test } from 'vitest';
import type { BasisName } from '../../src/core/basis.js';
import { circuitCost } from '../../src/core/cost.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { synthesize, type EncoderName } from '../../src/synth/index.js';
import { npnClasses } from '../../src/tt/npn.js';
import { specFromHex, specSatisfiedBy, type FunctionSpec } from '../../src/tt/spec.js';
import { mulberry32 } from '../helpers/mulberry32.js';

const SLOW = process.env['WATERLOO_SLOW'] !== undefined && process.env['WATERLOO_SLOW'] !== '0';

/** The optimum size by `encoder`, after checking the circuit by simulation and by cost. */
async function optimum(spec: FunctionSpec, basis: BasisName, encoder: EncoderName): Promise<number> {
  const r = await synthesize(spec, { basis, encoder, backend: 'minisat', cegar: false });
  if (r.status !== 'optimal') throw new Error(`${encoder}/${basis}: status ${r.status}`);
  expect(specSatisfiedBy(spec, simulateTruthTables(r.circuit))).toBe(true);
  const cost = circuitCost(r.circuit, basis);
  expect(cost.inBasis && cost.size).toBe(r.size);
  return r.size;
}

/** Knuth, TAOCP 4A 7.1.2 (Table 1 row for n = 3): number of 3-input functions of each B2 cost 0..4. */
const B2_COST_COUNTS_N3 = [8, 30, 114, 80, 24];

/** One representative of each of the 14 NPN classes of 3-input functions (B2 and U2 sizes are NPN-invariant). */
const NPN3_REPS = npnClasses(3).map((t) => t.words[0]!);

describe('fence vs SSV encoder', () => {
  test('all 256 functions of 3 inputs agree in B2 (and match Knuth\'s cost counts)', async () => {
    const hist: number[] = [];
    for (let f = 0; f < 256; f++) {
      const spec = specFromHex([f.toString(16).padStart(2, '0')], 3);
      const [a, b] = [await optimum(spec, 'B2', 'fence'), await optimum(spec, 'B2', 'ssv')];
      expect(`${f.toString(16)}: ${a}`).toBe(`${f.toString(16)}: ${b}`);
      hist[a] = (hist[a] ?? 0) + 1;
    }
    expect(hist).toEqual(B2_COST_COUNTS_N3);
  }, 300_000);

  test(`${SLOW ? 'all 256' : 'NPN representatives and a seeded sample of'} functions of 3 inputs agree in U2`, async () => {
    const seed = 7;
    let fs: number[];
    if (SLOW) fs = [...Array(256).keys()];
    else {
      const next = mulberry32(seed);
      const sample = new Set<number>(NPN3_REPS);
      while (sample.size < NPN3_REPS.length + 40) sample.add(Math.floor(next() * 256));
      fs = [...sample];
      console.log(`3-input U2 cross-check: ${fs.length} functions (NPN representatives + sample, seed ${seed}); WATERLOO_SLOW=1 runs all 256`);
    }
    for (const f of fs) {
      const spec = specFromHex([f.toString(16).padStart(2, '0')], 3);
      const [a, b] = [await optimum(spec, 'U2', 'fence'), await optimum(spec, 'U2', 'ssv')];
      expect(`${f.toString(16)}: ${a}`).toBe(`${f.toString(16)}: ${b}`);
    }
  }, 600_000);

  test('a seeded sample of 4-input functions agrees in B2', async () => {
    const seed = 20240611;
    const count = SLOW ? 40 : 12;
    console.log(`4-input B2 cross-check: seed ${seed}, ${count} functions${SLOW ? '' : ' (WATERLOO_SLOW=1: 40)'}`);
    const next = mulberry32(seed);
    for (let i = 0; i < count; i++) {
      const hex = Math.floor(next() * 0x10000).toString(16).padStart(4, '0');
      const spec = specFromHex([hex], 4);
      const [a, b] = [await optimum(spec, 'B2', 'fence'), await optimum(spec, 'B2', 'ssv')];
      expect(`${hex}: ${a}`).toBe(`${hex}: ${b}`);
    }
  }, 900_000);

  test("seeded 3-input specs with don't-cares (B2, U2) and with two outputs (B2) agree", async () => {
    const seed = 99;
    console.log(`don't-care / two-output cross-check: seed ${seed}`);
    const next = mulberry32(seed);
    const byte = (): string => Math.floor(next() * 256).toString(16).padStart(2, '0');
    for (let i = 0; i < 14; i++) {
      const basis = i < 10 && i % 2 === 1 ? 'U2' : 'B2';
      const spec = i < 10 ? specFromHex([byte()], 3, [byte()]) : specFromHex([byte(), byte()], 3);
      const [a, b] = [await optimum(spec, basis, 'fence'), await optimum(spec, basis, 'ssv')];
      expect(`${JSON.stringify(spec.outputs.map((t) => t.words[0]))} ${basis}: ${a}`).toBe(`${JSON.stringify(spec.outputs.map((t) => t.words[0]))} ${basis}: ${b}`);
    }
  }, 300_000);
});
