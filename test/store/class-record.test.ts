/** A store record answers every instance of its NPN class: sweeps derive the record, min prints it, both re-verified. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASES, type BasisName } from '../../src/core/basis.js';
import { parseListing } from '../../src/io/listing-read.js';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { classAnswer, costIsNpnInvariant } from '../../src/store/class-record.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { verifyRecord } from '../../src/store/verify-record.js';
import { runSweep } from '../../src/sweep/sweep.js';
import { verifyCircuit } from '../../src/synth/verify.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';
import { verifiedRecord } from './verified-record.js';
import { buildResultTable } from '../../src/report/result-table.js';

const inst = (problem: string, basis: BasisName = 'B2') => ({ problem, basis, encoder: 'ssv' as const });

describe('class records', () => {
  it('every basis of the default cost model has NPN-invariant sizes', () => {
    for (const b of Object.keys(BASES) as BasisName[]) expect(costIsNpnInvariant(b), b).toBe(true);
  });

  it('a sweep answers thr:4:3 from the stored thr:4:2 (same class) without solving it, in B2 and U2', async () => {
    const store = await openStore(join(tempDir(), 's.db'));
    try {
      const first = await runSweep({ instances: [inst('thr:4:2'), inst('thr:4:2', 'U2')], store, jobs: 1, command: 'first' });
      expect(first.stored).toBe(2);
      const r = await runSweep({ instances: [inst('thr:4:3'), inst('thr:4:3', 'U2'), inst('thr:4:1')], store, jobs: 1, command: 'second' });
      expect(r.stored).toBe(3);
      for (const basis of ['B2', 'U2'] as const) {
        const src = store.get(inst('thr:4:2', basis))!;
        const got = store.get(inst('thr:4:3', basis))!;
        expect(got).toMatchObject({ status: 'optimal', size: src.size, lowerBound: src.lowerBound, derivedFrom: 'thr:4:2', command: 'second', evidence: src.evidence });
        expect(verifyCircuit(parseListing(got.circuit!), parseProblem('thr:4:3').spec).ok).toBe(true);
        expect(verifyRecord(got)).toEqual({ ok: true });
      }
      // thr:4:1 (OR of 4) is another class: solved, not derived
      expect(store.get(inst('thr:4:1'))!.derivedFrom).toBeUndefined();
      // exact:4:1 and exact:4:3 (negate the inputs): whichever comes second is derived; the table gives both one answer
      await runSweep({ instances: [inst('exact:4:1'), inst('exact:4:3')], store, jobs: 1, command: 'third' });
      expect(store.get(inst('exact:4:3'))).toMatchObject({ derivedFrom: 'exact:4:1', size: store.get(inst('exact:4:1'))!.size });
      const t = buildResultTable(store.list());
      const cell = (p: string, b: BasisName = 'B2') => { const c = t.rows.find((r) => r.problem === p)!.cells[b]!; return [c.status, c.size, c.lowerBound]; };
      expect(cell('thr:4:3')).toEqual(cell('thr:4:2'));
      expect(cell('thr:4:3', 'U2')).toEqual(cell('thr:4:2', 'U2'));
      expect(cell('exact:4:3')).toEqual(cell('exact:4:1'));
      expect(cell('thr:4:2')[0]).toBe('optimal');
      // the table says where a derived answer came from (marked like a borrowed one)
      expect(t.rows.find((r) => r.problem === 'thr:4:3')!.cells.B2).toMatchObject({ sizeFrom: 'thr:4:2', boundFrom: 'thr:4:2' });
      expect(t.rows.find((r) => r.problem === 'thr:4:2')!.cells.B2!.sizeFrom).toBeUndefined();
    } finally {
      store.close();
    }
  });

  it('a class record whose circuit fails the transform is not used', async () => {
    const store = await openStore(join(tempDir(), 's.db'));
    try {
      const good = verifiedRecord('thr:5:4', 'optimal', 10);
      const broken = { ...good, circuit: good.circuit!.replace('g9 = AND(g5, g8)', 'g9 = OR(g5, g8)') };
      store.put(broken);
      expect(classAnswer(store, parseProblem('thr:5:2'), 'B2')).toBeUndefined();
      expect(classAnswer(store, parseProblem('thr:5:2'), 'U2')).toBeUndefined();
    } finally {
      store.close();
    }
  });

  it('min --store answers an equivalent function from the store, transformed and re-verified', async () => {
    const path = join(tempDir(), 's.db');
    const store = await openStore(path);
    await runSweep({ instances: [inst('thr:4:2')], store, jobs: 1, command: 'test' });
    const size = store.get(inst('thr:4:2'))!.size;
    store.close();
    const r = runWaterloo(['min', '--problem', 'thr:4:3', '--store', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ status: 'optimal', size, lowerBound: size, fromStore: { problem: 'thr:4:2', encoder: 'ssv' } });
    expect(verifyCircuit(parseListing(j.circuit), parseProblem('thr:4:3').spec).ok).toBe(true);
    const text = runWaterloo(['min', '--tt', 'fee8', '--inputs', '4', '--store', path]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^optimal B2 size \d+ for tt:fee8: from the results store, the record of thr:4:2/);
  });
});
