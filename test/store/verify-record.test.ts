/** Records from outside the process are re-checked before they enter a store: merge, queue collect, JSON-lines imports. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import { parseListing } from '../../src/io/listing-read.js';
import { formatListing } from '../../src/io/listing.js';
import { parseJobResult } from '../../src/queue/job-payload.js';
import { formatRecordExport, regenerateResults } from '../../src/results/index.js';
import { mergeStores } from '../../src/store/merge.js';
import { openStore } from '../../src/store/sqlite-store.js';
import type { StoreRecord } from '../../src/store/types.js';
import { verifyRecord } from '../../src/store/verify-record.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';
import { B2_CIRCUITS, verifiedRecord } from './verified-record.js';

const reasonOf = (r: StoreRecord): string => {
  const c = verifyRecord(r);
  return c.ok ? 'accepted' : c.reason;
};

/** Rewrites one stored row in place, as someone editing the SQLite file would. */
async function forgeRow(path: string, problem: string, claim: { status: string; size: number; lowerBound: number }): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path);
  const n = db
    .prepare(`UPDATE results SET status = ?, size = ?, lower_bound = ?, record = json_set(record, '$.status', ?, '$.size', ?, '$.lowerBound', ?) WHERE problem = ?`)
    .run(claim.status, claim.size, claim.lowerBound, claim.status, claim.size, claim.lowerBound, problem).changes;
  db.close();
  expect(n).toBe(1);
}

describe('parseListing', () => {
  it('reads back what formatListing writes, gate for gate', () => {
    for (const text of Object.values(B2_CIRCUITS)) expect(formatListing(parseListing(text))).toBe(text);
    const negated = 'inputs: a b\nn = !NAND(a, b)\nm = LUT_e8(n, !a, b)\noutput f = !n\noutput g = 1\n';
    expect(formatListing(parseListing(negated))).toBe(negated);
  });

  it('refuses text that is not a listing, with file:line:col', () => {
    for (const bad of ['g0 = AND(x0, x1)\n', 'inputs: x0\ng0 = AND(x0, y)\noutput f = g0\n', 'inputs: x0\ng0 = FOO(x0, x0)\noutput f = g0\n', 'inputs: x0\n', 'inputs: x0\ng0 = MAJ(x0, x0)\noutput f = g0\n']) {
      expect(() => parseListing(bad, { fileName: 'c' })).toThrow(ParseError);
    }
    expect(() => parseListing('inputs: x0\ng0 = AND(x0, y)\noutput f = g0\n', { fileName: 'c' })).toThrow(/^c:2:\d+: undefined signal 'y'/);
  });
});

describe('verifyRecord', () => {
  it('accepts records whose circuit computes the instance at the claimed size', () => {
    expect(reasonOf(verifiedRecord('maj:3', 'optimal', 4))).toBe('accepted');
    expect(reasonOf(verifiedRecord('maj:5', 'optimal', 9))).toBe('accepted');
    expect(reasonOf(verifiedRecord('thr:5:4', 'feasible', 9))).toBe('accepted');
    expect(reasonOf(verifiedRecord('thr:5:2', 'unknown', 9))).toBe('accepted');
    // a bare table: the spec is regenerated from the name tt:3:e8 (MAJ3)
    const tt = verifiedRecord('tt:3:e8', 'optimal', 4, { circuit: B2_CIRCUITS['maj:3']! });
    expect(reasonOf(tt)).toBe('accepted');
    expect(reasonOf({ ...tt, problem: 'tt:3:e9', params: [3, 0xe9] })).toMatch(/spec key .* is not the instance's/);
  });

  it('refuses forged claims and names why', () => {
    const good = verifiedRecord('thr:5:4', 'feasible', 8);
    expect(reasonOf({ ...good, status: 'optimal', size: 3, lowerBound: 3 })).toMatch(/claims size 3, its circuit has size 10/);
    expect(reasonOf({ ...good, status: 'optimal', lowerBound: 10 })).toBe('accepted'); // a bound is not re-proven (no SAT here)
    expect(reasonOf({ ...good, lowerBound: 11 })).toMatch(/lower bound 11 is above its size 10/);
    expect(reasonOf({ ...good, status: 'optimal' })).toMatch(/status optimal/);
    expect(reasonOf({ ...good, status: 'unknown' })).toMatch(/status unknown/);
    expect(reasonOf({ ...good, circuit: good.circuit!.replace('g9 = AND(g5, g8)', 'g9 = OR(g5, g8)') })).toMatch(/its circuit is wrong/);
    expect(reasonOf({ ...good, problem: 'thr:5:3', params: [5, 3] })).toMatch(/its circuit is wrong|spec key/);
    expect(reasonOf({ ...good, circuit: B2_CIRCUITS['maj:5']!, size: 9 })).toMatch(/its circuit is wrong/);
    expect(reasonOf({ ...good, specKey: 'npn:5:00000001' })).toMatch(/spec key/);
    expect(reasonOf({ ...good, basis: 'U2' })).toMatch(/not in U2/);
    expect(reasonOf({ ...good, problem: 'nosuch:5', family: 'nosuch' })).toMatch(/unknown instance/);
    expect(reasonOf({ ...good, circuit: 'g0 = AND(x0)' })).toMatch(/does not parse/);
    expect(reasonOf({ ...good, inputs: 4 })).toMatch(/inputs\/outputs/);
  });

  it('merge refuses a record forged in a copy of a store and keeps the correct one; the CLI names it and exits 3', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.db');
    const s = await openStore(good);
    s.put(verifiedRecord('thr:5:4', 'feasible', 9));
    s.put(verifiedRecord('maj:3', 'optimal', 4));
    s.close();
    const forged = join(dir, 'forged.db');
    copyFileSync(good, forged);
    await forgeRow(forged, 'thr:5:4', { status: 'optimal', size: 3, lowerBound: 3 });

    const r = await mergeStores(join(dir, 'out.db'), [good, forged]);
    expect(r.inputs.map((i) => [i.records, i.stored, i.refused.length])).toEqual([[2, 2, 0], [2, 0, 1]]);
    expect(r.inputs[1]!.refused[0]).toMatchObject({ problem: 'thr:5:4', basis: 'B2', encoder: 'ssv', reason: expect.stringMatching(/claims size 3/) });
    const out = await openStore(join(dir, 'out.db'));
    expect(out.get({ problem: 'thr:5:4', basis: 'B2', encoder: 'ssv' })).toMatchObject({ status: 'feasible', size: 10, lowerBound: 9 });
    out.close();

    const cli = runWaterloo(['merge', '--into', join(dir, 'cli.db'), forged]);
    expect(cli.code).toBe(3);
    expect(cli.stderr).toContain(`${forged}: refused thr:5:4 in B2/ssv: it claims size 3`);
    const table = runWaterloo(['table', '--store', join(dir, 'cli.db'), '--format', 'csv']);
    expect(table.stdout).not.toContain('thr:5:4');
  });

  it('a forged queue job result is refused by the parse path collect uses (code bad-result)', () => {
    const record = verifiedRecord('maj:5', 'optimal', 9);
    expect(parseJobResult(JSON.parse(JSON.stringify(record)), 'j')).toEqual(record);
    const forged = { ...record, size: 2, lowerBound: 2 };
    expect(() => parseJobResult(forged, 'j')).toThrow(expect.objectContaining({ name: 'ValidationError', code: 'bad-result', message: expect.stringMatching(/job j: record of maj:5 in B2\/ssv refused: it claims size 2/) }));
  });

  it('JSON-lines imports re-check each record: table exits 3 naming the record, regenerate refuses it and exits 3', async () => {
    const dir = tempDir();
    const good = verifiedRecord('maj:3', 'optimal', 4);
    const forged = { ...verifiedRecord('thr:5:4', 'feasible', 9), status: 'optimal' as const, size: 3, lowerBound: 3 };
    const jsonl = join(dir, 'r.jsonl');
    writeFileSync(jsonl, formatRecordExport([good, forged]));
    const t = runWaterloo(['table', '--store', jsonl]);
    expect(t.code).toBe(3);
    expect(t.stderr).toMatch(/r\.jsonl: record \d, thr:5:4 in B2\/ssv refused: it claims size 3/);

    const results = join(dir, 'results');
    mkdirSync(join(results, 'store'), { recursive: true });
    writeFileSync(join(results, 'store', 'records.jsonl'), formatRecordExport([good, forged]));
    const r = await regenerateResults({ dir: results, families: [{ problem: 'maj', n: '3' }, { problem: 'thr', n: '5' }], censuses: [], solve: false });
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]).toMatch(/thr:5:4 in B2\/ssv refused/);
    expect(r.records).toBe(1);
    const cli = runWaterloo(['results', 'regenerate', '--dir', results, '--no-solve', '--quiet']);
    expect(cli.code).toBe(0); // the refused record was dropped from the export by the first run
  });
});
