/** Known exact sizes from test/fixtures/known-sizes.json (each with its source). */
import { readFileSync } from 'node:fs';
import { describe, test } from 'vitest';
import type { BasisName } from '../../src/core/basis.js';
import { parseProblem } from '../../src/problems/index.js';
import { expectOptimal } from './expect-optimal.js';
import { cadicalNativeAvailable } from '../../src/sat/backends/cadical-native.js';

interface Entry {
  readonly problem: string;
  readonly basis: BasisName;
  readonly size: number;
  readonly source: string;
  /** true: minutes even with native CaDiCaL (WATERLOO_SLOW only); 'without-native': runs by default when the native addon is built. */
  readonly slow?: boolean | 'without-native';
}

const SLOW = process.env['WATERLOO_SLOW'] !== undefined;
const entries = (JSON.parse(readFileSync(new URL('../fixtures/known-sizes.json', import.meta.url), 'utf8')) as { entries: Entry[] }).entries;

describe('known exact sizes', () => {
  for (const e of entries) {
    const skip = !SLOW && (e.slow === true || (e.slow === 'without-native' && !cadicalNativeAvailable()));
    test.skipIf(skip)(`${e.problem} in ${e.basis} = ${e.size}${e.slow ? ' (slow)' : ''}`, async () => {
      await expectOptimal(parseProblem(e.problem).spec, e.basis, e.size);
    }, 1_800_000);
  }
});
