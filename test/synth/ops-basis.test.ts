/**
 * Custom two-input bases (`ops:HEX,...`): the custom bases equal to B2 and U2
 * give the B2 and U2 optima on all 256 functions of 3 inputs; for bases that
 * are not closed under negation, the optimum with the (sound subset of the)
 * symmetry breaking equals the optimum with all of it off, on all 256
 * 3-input functions; every circuit is simulated and costed in the basis.
 */
import { describe, expect, test } from 'vitest';
import { basisByName, parseOpsBasis, type BasisName } from '../../src/core/basis.js';
import { circuitCost } from '../../src/core/cost.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { UsageError } from '../../src/errors.js';
import { opsBasisCompleteness, soundSymmetryBreaking } from '../../src/synth/encoders/ops-basis.js';
import { synthesize } from '../../src/synth/index.js';
import { DEFAULT_SYMMETRY_BREAKING, NO_SYMMETRY_BREAKING, type SymmetryBreaking } from '../../src/synth/types.js';
import { npnClasses } from '../../src/tt/npn.js';
import { specFromHex, specSatisfiedBy } from '../../src/tt/spec.js';
import { mulberry32 } from '../helpers/mulberry32.js';

const SLOW = process.env['WATERLOO_SLOW'] !== undefined && process.env['WATERLOO_SLOW'] !== '0';
const SEED = 20;
const NPN3_REPS = npnClasses(3).map((t) => t.words[0]!);

async function optimum(hex: string, n: number, basis: BasisName, sb?: SymmetryBreaking): Promise<number> {
  const spec = specFromHex([hex], n);
  const r = await synthesize(spec, { basis, backend: 'minisat', cegar: false, ...(sb ? { symmetryBreaking: sb } : {}) });
  if (r.status !== 'optimal') throw new Error(`${basis} ${hex}: ${r.status}`);
  expect(specSatisfiedBy(spec, simulateTruthTables(r.circuit))).toBe(true);
  const cost = circuitCost(r.circuit, basis);
  expect(cost.inBasis && cost.size).toBe(r.size);
  return r.size;
}

const hex2 = (f: number): string => f.toString(16).padStart(2, '0');

describe('custom two-input bases', () => {
  test('parse: canonical names, bad lists refused with unknown-basis', () => {
    expect(parseOpsBasis('ops:E,8,6,8')).toBe('ops:6,8,e');
    expect(basisByName('OPS:7')?.name).toBe('ops:7');
    for (const bad of ['ops:', 'ops:10', 'ops:g', 'ops:8,,6']) {
      try {
        parseOpsBasis(bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        expect((e as UsageError).code).toBe('unknown-basis');
      }
    }
  });

  test('custom bases equal to B2 and U2 give the B2 and U2 optima on every 3-input NPN class (all 256 functions with WATERLOO_SLOW=1)', async () => {
    const b2 = parseOpsBasis(`ops:${[...Array(16).keys()].map((o) => o.toString(16)).join(',')}`);
    const u2 = parseOpsBasis(`ops:${[...Array(16).keys()].filter((o) => o !== 6 && o !== 9).map((o) => o.toString(16)).join(',')}`);
    for (const f of SLOW ? [...Array(256).keys()] : NPN3_REPS) {
      expect(await optimum(hex2(f), 3, b2)).toBe(await optimum(hex2(f), 3, 'B2'));
      expect(await optimum(hex2(f), 3, u2)).toBe(await optimum(hex2(f), 3, 'U2'));
    }
  }, 120_000);

  test('rules that do not hold for a subset are switched off', () => {
    const nand = parseOpsBasis('ops:7');
    const sb = soundSymmetryBreaking(nand, DEFAULT_SYMMETRY_BREAKING);
    // NAND alone: no free complement (normal off), NAND(a, NAND(a, b)) = a & !b is no NAND (noReapplication off)
    expect(sb.normal).toBe(false);
    expect(sb.noReapplication).toBe(false);
    expect(sb.colex && sb.allUsed && sb.noDuplicates && sb.symmetricInputs).toBe(true);
    expect(soundSymmetryBreaking(parseOpsBasis('ops:2,4,8,b,d,e,1,7'), DEFAULT_SYMMETRY_BREAKING).normal).toBe(true);
  });

  test('a basis that cannot compute every function is refused (the search would not end)', async () => {
    expect(opsBasisCompleteness(parseOpsBasis('ops:8,e'))).toEqual({ complete: false, missing: '02' });
    expect(opsBasisCompleteness(parseOpsBasis('ops:8,6')).complete).toBe(true); // AND, XOR: all 0-preserving functions
    expect(opsBasisCompleteness(parseOpsBasis('ops:d')).complete).toBe(false); // implication alone: T1^2, no x0 ^ x1 ^ x2 ... in either polarity
    expect(opsBasisCompleteness(parseOpsBasis('ops:0,d')).complete).toBe(true); // with the constant 0: !x = x -> 0
    await expect(synthesize(specFromHex(['6'], 2), { basis: parseOpsBasis('ops:8,e'), backend: 'minisat' })).rejects.toMatchObject({ code: 'unsupported' });
  });

  // AND with XOR (clone T0: no free complement) and a & !b with OR by default; NAND, NOR and implication with the
  // constant 0 (a trivial op the basis needs) when slow (their circuits are large and slow without symmetry breaking).
  // Not negation closed, so not NPN invariant: a seeded sample of functions (all 256 when slow).
  for (const text of SLOW ? ['ops:8,6', 'ops:2,e', 'ops:7', 'ops:1', 'ops:0,d'] : ['ops:8,6', 'ops:2,e']) {
    test(`${text}: symmetry breaking on = off on 3-input functions`, async () => {
      const basis = parseOpsBasis(text);
      const hist: number[] = [];
      const rnd = mulberry32(SEED);
      const sample = SLOW ? [...Array(256).keys()] : Array.from({ length: 12 }, () => Math.floor(rnd() * 256));
      console.log(`${text}: seed ${SEED}`);
      for (const f of sample) {
        const on = await optimum(hex2(f), 3, basis);
        expect(await optimum(hex2(f), 3, basis, NO_SYMMETRY_BREAKING), `${text} ${hex2(f)}`).toBe(on);
        hist[on] = (hist[on] ?? 0) + 1;
      }
      console.log(`${text}: 3-input size histogram ${JSON.stringify(hist)}`);
    }, 300_000);
  }
});
