import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { buildResultTable, formatProvenance, formatTable, provenanceOf, sortRecords, TABLE_FORMATS, texEscape } from '../../src/report/index.js';
import type { StoreRecord } from '../../src/store/types.js';
import { mulberry32 } from '../helpers/mulberry32.js';
import { RECORDS } from './records.js';

const GOLDEN = join(import.meta.dirname, 'golden');

/** Compares with test/report/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead. */
function expectGolden(name: string, text: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${path} is missing: run with UPDATE_GOLDEN=1 and review it`);
    writeFileSync(path, text);
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rnd = mulberry32(seed);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

describe('result table', () => {
  const table = buildResultTable(RECORDS);

  it.each(TABLE_FORMATS)('matches the golden %s file', (format) => {
    expectGolden(`results.${format}`, formatTable(table, format));
  });

  it('orders rows by family registry order, then parameters, and columns by basis registry order', () => {
    expect(table.rows.map((r) => r.problem)).toEqual(['maj:3', 'maj:5', 'thr:3:2', 'thr:10:2', 'mod3:3:0', 'sum:5']);
    expect(table.bases).toEqual(['B2', 'U2']);
  });

  it('does not depend on the order of the records', () => {
    const seed = 20261125;
    console.log(`shuffle seed ${seed}`);
    for (let k = 0; k < 5; k++) {
      const t = buildResultTable(shuffled(RECORDS, seed + k));
      for (const f of TABLE_FORMATS) expect(formatTable(t, f)).toBe(formatTable(table, f));
    }
  });

  it('marks optimal, feasible (with bound), unknown (with bound) and missing cells', () => {
    const row = (p: string) => table.rows.find((r) => r.problem === p)!;
    expect(row('maj:3').cells.B2).toMatchObject({ status: 'optimal', size: 4, lowerBound: 4 });
    expect(row('sum:5').cells.B2).toMatchObject({ status: 'feasible', size: 12, lowerBound: 9 });
    expect(row('sum:5').cells.U2).toMatchObject({ status: 'unknown', lowerBound: 8 });
    expect(row('sum:5').cells.U2!.size).toBeUndefined();
    expect(row('thr:3:2').cells.B2).toBeUndefined();
    const md = formatTable(table, 'md');
    expect(md).toContain('| `sum:5` | 5 | 12 (≥ 9) | timeout (≥ 8) | 60 |');
    expect(md).toContain('| THR | `thr:3:2` | 3 | — | 4 | 60 |');
  });

  it('merges encoders: a size from one and a matching bound from another make an optimum', () => {
    const cell = table.rows.find((r) => r.problem === 'maj:5')!.cells.U2!;
    expect(cell).toMatchObject({ status: 'optimal', size: 11, lowerBound: 11, encoders: ['fence', 'ssv'] });
    // with one encoder only, the same cell is feasible
    const ssv = buildResultTable(RECORDS, { encoder: 'ssv' }).rows.find((r) => r.problem === 'maj:5')!.cells.U2!;
    expect(ssv).toMatchObject({ status: 'feasible', size: 11, lowerBound: 9 });
  });

  it('refuses records that contradict each other', () => {
    const bad: StoreRecord = { ...RECORDS.find((r) => r.problem === 'maj:3' && r.basis === 'B2')!, encoder: 'fence', status: 'unknown', size: undefined, lowerBound: 5 };
    expect(() => buildResultTable([...RECORDS, bad])).toThrow(ValidationError);
  });

  it('filters by family and basis, keeping the requested column order', () => {
    const t = buildResultTable(RECORDS, { family: 'MAJ', bases: ['U2', 'B2'] });
    expect(t.rows.map((r) => r.problem)).toEqual(['maj:3', 'maj:5']);
    expect(t.bases).toEqual(['U2', 'B2']);
    expect(t.provenance.records).toBe(5);
    expect(formatTable(t, 'md').split('\n')[0]).toBe('| family | instance | n | U2 | B2 | limit (s) |');
  });

  it('LaTeX uses booktabs rules and one \\midrule between families', () => {
    const tex = formatTable(table, 'tex');
    expect(tex).toMatch(/\\toprule\n/);
    expect(tex).toMatch(/\\bottomrule\n/);
    // header rule + 3 family boundaries (MAJ|THR|MOD3|SUM)
    expect(tex.match(/\\midrule/g)).toHaveLength(4);
    expect(tex).toContain('\\texttt{thr:10:2} & 10 & timeout ($\\geq 9$) & -- & 60 \\\\');
    expect(texEscape('a_b & 50% #1 {x}')).toBe('a\\_b \\& 50\\% \\#1 \\{x\\}');
  });

  it('CSV has one row per present cell and no footer', () => {
    const lines = formatTable(table, 'csv').trimEnd().split('\n');
    const cells = table.rows.reduce((n, r) => n + Object.keys(r.cells).length, 0);
    expect(lines).toHaveLength(1 + cells);
    expect(lines).toContain('sum,sum:5,5,5,3,U2,unknown,,8,60,ssv,60,,');
  });

  it('provenance lists versions, solvers, encoders, time limits and the date range; result tables leave the limits to their rows', () => {
    const p = provenanceOf(RECORDS);
    expect(p).toEqual({ records: 10, versions: ['0.1.0+test'], solvers: ['cadical', 'minisat'], encoders: ['fence', 'ssv'], timeoutsSeconds: [60], from: '2026-11-24', to: '2026-11-25' });
    expect(formatProvenance(p)).toBe('waterloo 0.1.0+test; solvers cadical, minisat; encoders fence, ssv; time limit 60 s per instance; 10 records, 2026-11-24 to 2026-11-25');
    expect(formatTable(table, 'md')).toContain('<sub>waterloo 0.1.0+test; solvers cadical, minisat; encoders fence, ssv; 10 records, 2026-11-24 to 2026-11-25</sub>');
    expect(provenanceOf([])).toEqual({ records: 0, versions: [], solvers: [], encoders: [], timeoutsSeconds: [] });
  });

  it('an empty table still renders its header and footer', () => {
    const t = buildResultTable([]);
    expect(t.rows).toEqual([]);
    expect(formatTable(t, 'md')).toContain('| family | instance | n |');
    expect(formatTable(t, 'tex')).toContain('\\bottomrule');
  });

  it('sortRecords puts records in table order, bases and encoders last', () => {
    const sorted = sortRecords(shuffled(RECORDS, 7)).map((r) => `${r.problem} ${r.basis} ${r.encoder}`);
    expect(sorted.slice(0, 5)).toEqual(['maj:3 B2 ssv', 'maj:3 U2 ssv', 'maj:5 B2 ssv', 'maj:5 U2 fence', 'maj:5 U2 ssv']);
  });
});
