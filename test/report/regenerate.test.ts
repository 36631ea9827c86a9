import { copyFileSync, existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { UsageError } from '../../src/errors.js';
import type { TreeState } from '../../src/version.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRecordExport, readRecordExport, regenerateResults } from '../../src/results/index.js';
import type { StoreRecord } from '../../src/store/types.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { verifiedRecord } from '../store/verified-record.js';

/** A checkout without uncommitted changes, so the tests do not depend on the state of the developer's tree. */
const clean = (): TreeState => ({ rev: 'abc1234', changedFiles: [] });

describe('regenerateResults', () => {
  it('refuses to publish from a checkout with uncommitted changes, naming the files, unless allowDirty', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'store'));
    writeFileSync(join(dir, 'store', 'records.jsonl'), formatRecordExport([verifiedRecord('maj:3', 'optimal', 4), verifiedRecord('maj:3', 'optimal', 4, { basis: 'U2' })]));
    const dirty = (): TreeState => ({ rev: 'abc1234', changedFiles: ['src/report/format-table.ts', 'src/version.ts'] });
    const run = (allowDirty: boolean) => regenerateResults({ dir, families: [{ problem: 'maj', n: '3' }], censuses: [], solve: false, treeState: dirty, allowDirty });
    const refusal = await run(false).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UsageError);
    expect(refusal).toMatchObject({ code: 'dirty-tree' });
    expect((refusal as Error).message).toContain('src/report/format-table.ts, src/version.ts');
    expect(existsSync(join(dir, 'tables'))).toBe(false);
    expect((await run(true)).records).toBe(2);
    expect(existsSync(join(dir, 'tables', 'maj.md'))).toBe(true);
  });

  it('--retry re-solves a stored timeout that ran with a shorter limit; optimal records are kept as they are', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'store'));
    const u2 = verifiedRecord('maj:3', 'optimal', 4, { basis: 'U2', timeoutSeconds: 60 });
    const b2: StoreRecord = verifiedRecord('maj:3', 'unknown', 1, { timeoutSeconds: 1, seconds: 1 });
    writeFileSync(join(dir, 'store', 'records.jsonl'), formatRecordExport([b2, u2]));
    const lines: string[] = [];
    const r = await regenerateResults({ dir, families: [{ problem: 'maj', n: '3' }], censuses: [], timeoutSeconds: 30, jobs: 1, retry: true, treeState: clean, log: (l) => lines.push(l) });
    expect(r.sweep!.skipped).toBe(2);
    expect(r.retried!.solved.optimal).toBe(1);
    const back = readRecordExport(join(dir, 'store', 'records.jsonl'));
    expect(back).toHaveLength(2);
    expect(back[0]).toMatchObject({ problem: 'maj:3', basis: 'B2', status: 'optimal', size: 4, lowerBound: 4, timeoutSeconds: 30 });
    expect(back[1]).toEqual(u2);
    expect(readFileSync(join(dir, 'tables', 'maj.md'), 'utf8')).toContain('| MAJ | `maj:3` | 3 | 4 | 4 | 30, 60 |');
    expect(lines.join('\n')).toMatch(/retry: 1 stored instances are not optimal/);
    // nothing left to retry at this limit
    const again = await regenerateResults({ dir, families: [{ problem: 'maj', n: '3' }], censuses: [], timeoutSeconds: 30, jobs: 1, retry: true, treeState: clean });
    expect(again.retried).toBeUndefined();
  });

  it('a frontier run answers its instance and, through the NPN class, its twin; a broken frontier file is refused by name', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'store'));
    mkdirSync(join(dir, 'frontier'));
    // the sweep's answers: thr:5:4 feasible at 10 (>= 9), thr:5:2 unknown (>= 9)
    writeFileSync(join(dir, 'store', 'records.jsonl'), formatRecordExport([verifiedRecord('thr:5:4', 'feasible', 9), verifiedRecord('thr:5:2', 'unknown', 9)]));
    copyFileSync(join(ROOT, 'results', 'frontier', 'thr-5-2.json'), join(dir, 'frontier', 'thr-5-2.json'));
    writeFileSync(join(dir, 'frontier', 'broken.json'), '{"command": "waterloo min", "result": ');
    const lines: string[] = [];
    const r = await regenerateResults({ dir, families: [{ problem: 'thr', n: '5' }], censuses: [], solve: false, treeState: clean, log: (l) => lines.push(l) });
    expect(r.refused).toEqual([expect.stringMatching(/frontier\/broken\.json: /)]);
    expect(lines.join('\n')).toMatch(/frontier runs: 1 in frontier\/, 1 better than the store's, 1 refused/);
    const back = readRecordExport(join(dir, 'store', 'records.jsonl'));
    expect(back.find((x) => x.problem === 'thr:5:2')).toMatchObject({ status: 'optimal', size: 10, lowerBound: 10, evidence: { kind: 'unsat', size: 9 }, host: expect.stringMatching(/^frontier run thr-5-2\.json/) });
    const table = readFileSync(join(dir, 'tables', 'thr.md'), 'utf8');
    expect(table).toMatch(/\| `thr:5:2` \| 5 \| 10 \|/);
    // the twin takes the class's optimal answer (marked as such)
    expect(table).toMatch(/\| `thr:5:4` \| 5 \| 10† \|/);
  });
});
