/** Tables give NPN-equivalent instances one answer: the best circuit (transformed, re-simulated) and the best bound of the class. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/report/format-table.js';
import { npnClassEvidence } from '../../src/report/npn-class.js';
import { buildResultTable } from '../../src/report/result-table.js';
import { parseListing } from '../../src/io/listing-read.js';
import { parseProblem, parseProblemItem } from '../../src/problems/parse-problem.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { verifyCircuit } from '../../src/synth/verify.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';
import { verifiedRecord } from '../store/verified-record.js';

// thr:5:2 and thr:5:4 are one NPN class (x >= 2 of 5 is the complement of !x >= 4 of 5), as in the published table
const thr52 = verifiedRecord('thr:5:2', 'unknown', 9, { reason: 'time', timeoutSeconds: 60 });
const thr54 = verifiedRecord('thr:5:4', 'feasible', 8, { reason: 'time', timeoutSeconds: 60 });
const exact51 = verifiedRecord('exact:5:1', 'unknown', 9, { reason: 'time' });
const exact54 = verifiedRecord('exact:5:4', 'feasible', 8, { reason: 'time' });

describe('NPN classes in tables', () => {
  it('the equivalent pairs of the published table share a spec key', () => {
    expect(thr52.specKey).toBe(thr54.specKey);
    expect(exact51.specKey).toBe(exact54.specKey);
    expect(thr52.specKey).not.toBe(exact51.specKey);
  });

  it('a store with two equivalent instances gives one answer for both, marked, in every format', async () => {
    const dir = tempDir();
    const path = join(dir, 's.db');
    const s = await openStore(path);
    for (const r of [thr52, thr54, exact51, exact54]) s.put(r);
    s.close();
    const t = buildResultTable([thr52, thr54, exact51, exact54]);
    const cell = (p: string) => t.rows.find((r) => r.problem === p)!.cells.B2!;
    // thr:5:2 gets thr:5:4's 10-gate circuit; thr:5:4 gets thr:5:2's bound 9
    expect(cell('thr:5:2')).toMatchObject({ status: 'feasible', size: 10, lowerBound: 9, sizeFrom: 'thr:5:4' });
    expect(cell('thr:5:4')).toMatchObject({ status: 'feasible', size: 10, lowerBound: 9, boundFrom: 'thr:5:2' });
    expect(cell('thr:5:4').sizeFrom).toBeUndefined();
    expect(cell('exact:5:1')).toMatchObject({ size: 10, lowerBound: 9 });
    expect(cell('exact:5:4')).toMatchObject({ size: 10, lowerBound: 9 });

    const md = runWaterloo(['table', '--store', path]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| `thr:5:2` | 5 | 10 (≥ 9)† |');
    expect(md.stdout).toContain('| `thr:5:4` | 5 | 10 (≥ 9)† |');
    expect(md.stdout).toMatch(/† : taken from an NPN-equivalent instance/);
    const csv = runWaterloo(['table', '--store', path, '--format', 'csv', '--problem', 'thr']);
    expect(csv.stdout).toMatch(/^thr,thr:5:2,5 2,5,1,B2,feasible,10,9,[\d.]+,ssv,[\d ]*,thr:5:4,$/m);
    expect(csv.stdout).toMatch(/^thr,thr:5:4,5 4,5,1,B2,feasible,10,9,[\d.]+,ssv,[\d ]*,,thr:5:2$/m);
  });

  it('the borrowed circuit is transformed to the instance and verified; a mate whose circuit fails is not used', () => {
    const ev = npnClassEvidence([thr52, thr54]).get('thr:5:2\u0000B2')!;
    const c = parseListing(ev.circuit!.listing);
    expect(verifyCircuit(c, parseProblem('thr:5:2').spec).ok).toBe(true);
    expect(c.inputNames).toEqual(['x0', 'x1', 'x2', 'x3', 'x4']);
    const broken = { ...thr54, circuit: thr54.circuit!.replace('g9 = AND(g5, g8)', 'g9 = OR(g5, g8)') };
    expect(npnClassEvidence([thr52, broken]).get('thr:5:2\u0000B2')).toBeUndefined();
    // different bases and non-NPN keys never share
    expect(npnClassEvidence([thr52, { ...thr54, basis: 'U2' }]).size).toBe(0);
    expect(npnClassEvidence([{ ...thr52, specKey: 'sha256:x' }, { ...thr54, specKey: 'sha256:x' }]).size).toBe(0);
    // a table of one instance that borrows from another counts the borrowed record in its provenance
    const one = buildResultTable([thr52, thr54], { problems: [parseProblemItem('thr:5:2')] });
    expect(one.rows.map((r) => r.problem)).toEqual(['thr:5:2']);
    expect(one.rows[0]!.cells.B2).toMatchObject({ size: 10, sizeFrom: 'thr:5:4' });
    expect(one.provenance.records).toBe(2);
    // a table without equivalent instances has no marker and no extra legend
    expect(formatTable(buildResultTable([thr54]), 'md')).not.toContain('†');
  });
});
