/** Known exact sizes from test/fixtures/known-sizes.json (each with its source). */
import { readFileSync } from 'node:fs';
import { describe, test } from 'vitest';
import type { BasisName } from '../../src/core/basis.js';
import { parseProblem } from '../../src/problems/index.js';
import { expectOptimal } from './expect-optimal.js';

interface Entry {
  readonly problem: string;
  readonly basis: BasisName;
  readonly size: number;
  readonly source: string;
  readonly slow?: boolean;
}

const SLOW = process.env['WATERLOO_SLOW'] !== undefined;
const entries = (JSON.parse(readFileSync(new URL('../fixtures/known-sizes.json', import.meta.url), 'utf8')) as { entries: Entry[] }).entries;

describe('known exact sizes', () => {
  for (const e of entries) {
    test.skipIf(e.slow === true && !SLOW)(`${e.problem} in ${e.basis} = ${e.size}${e.slow ? ' (slow)' : ''}`, async () => {
      await expectOptimal(parseProblem(e.problem).spec, e.basis, e.size);
    }, 1_800_000);
  }
});
