import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCensusTable, formatCensusTable, loadCensusColumn, censusStorePath, TABLE_FORMATS } from '../../src/report/index.js';
import type { CensusEntry } from '../../src/synth/census.js';

const GOLDEN = join(import.meta.dirname, 'golden');

function expectGolden(name: string, text: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing: run with UPDATE_GOLDEN=1 and review it`);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

const entry = (representative: string, functions: number, size: number, basis: 'B2' | 'U2'): CensusEntry => ({
  inputs: 2, basis, representative, functions, status: 'optimal', size, lowerBound: size, evidence: { kind: 'none' }, encoder: 'ssv', backend: 'cadical', ms: 1, version: '0.1.0+test',
});

// The 2-input NPN classes: constants (2 functions), projections (4), AND-type (8), XOR-type (2).
const B2 = [entry('0', 2, 0, 'B2'), entry('a', 4, 0, 'B2'), entry('8', 8, 1, 'B2'), entry('6', 2, 1, 'B2')];
// U2 with the XOR class unsolved.
const U2 = [entry('0', 2, 0, 'U2'), entry('a', 4, 0, 'U2'), entry('8', 8, 1, 'U2')];

describe('census table', () => {
  const table = buildCensusTable([
    { basis: 'B2', inputs: 2, entries: B2, totalClasses: 4, totalFunctions: 16 },
    { basis: 'U2', inputs: 2, entries: U2, totalClasses: 4, totalFunctions: 16 },
  ]);

  it.each(TABLE_FORMATS)('matches the golden %s file', (format) => {
    expectGolden(`census.${format}`, formatCensusTable(table, format));
  });

  it('counts classes and functions by size, with an unsolved row for an incomplete census', () => {
    expect(table.columns).toEqual(['B2', 'U2']);
    expect(table.rows).toEqual([
      { size: 0, counts: [{ classes: 2, functions: 6 }, { classes: 2, functions: 6 }] },
      { size: 1, counts: [{ classes: 2, functions: 10 }, { classes: 1, functions: 8 }] },
      { size: 'unsolved', counts: [undefined, { classes: 1, functions: 2 }] },
    ]);
    expect(table.totals).toEqual([{ classes: 4, functions: 16 }, { classes: 4, functions: 16 }]);
    expect(table.complete).toBe(false);
    expect(buildCensusTable([{ basis: 'B2', inputs: 2, entries: B2, totalClasses: 4, totalFunctions: 16 }]).complete).toBe(true);
  });

  it('labels columns with n when the input counts differ', () => {
    expect(buildCensusTable([{ basis: 'B2', inputs: 2, entries: B2 }, { basis: 'B2', inputs: 3, entries: [] }]).columns).toEqual(['B2 n=2', 'B2 n=3']);
  });

  it('reads the published 4-input B2 census as complete, with Knuth\'s function counts', () => {
    const path = censusStorePath(join(import.meta.dirname, '..', '..', 'results', 'census'), 'B2', 4);
    const t = buildCensusTable([loadCensusColumn(path, 'B2', 4)]);
    expect(t.complete).toBe(true);
    expect(t.rows.map((r) => r.counts[0]!.functions)).toEqual([10, 60, 456, 2474, 10624, 24184, 25008, 2720]);
    expect(t.totals).toEqual([{ classes: 222, functions: 65536 }]);
  });
});
