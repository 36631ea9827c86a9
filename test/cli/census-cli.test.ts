/** `waterloo census`: classes solved into the results store (resumable), JSON-lines import (re-checked) and export. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runWaterloo, tempDir } from '../helpers/cli.js';

describe('waterloo census', () => {
  it('stores its classes in --store, resumes with nothing to solve, exports the published format', () => {
    const dir = tempDir();
    const store = join(dir, 'w.db');
    const first = runWaterloo(['census', '--inputs', '3', '--basis', 'b2', '--store', store, '--json', '-q']);
    expect(first.code, first.stderr).toBe(0);
    const j = JSON.parse(first.stdout);
    expect(j).toMatchObject({ functions: { 0: 8, 1: 30, 2: 114, 3: 80, 4: 24 }, complete: true, store, stats: { classes: 14, reused: 0, solved: 14 } });
    const out = join(dir, 'census-b2-n3.jsonl');
    const second = runWaterloo(['census', '--inputs', '3', '--basis', 'b2', '--store', store, '--export', out]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/14 NPN classes \(14 from the store, 0 solved now/);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((e) => e.representative)).toEqual(['00', '01', '03', '06', '07', '0f', '16', '17', '18', '19', '1b', '1e', '3c', '69']);
    expect(Object.keys(lines[0])).toEqual(['inputs', 'basis', 'representative', 'functions', 'encoder', 'backend', 'ms', 'version', 'status', 'size', 'lowerBound', 'evidence', 'circuit']);
  }, 20_000);

  it('--import takes the published file without solving; a forged entry is refused, named, and the command exits 3', () => {
    const dir = tempDir();
    const published = join(ROOT, 'results', 'census', 'census-b2-n3.jsonl');
    const ok = runWaterloo(['census', '--inputs', '3', '--basis', 'b2', '--store', join(dir, 'a.db'), '--import', published, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).stats).toMatchObject({ reused: 14, solved: 0 });
    expect(ok.stderr).toMatch(/14 entries, 14 accepted, 14 stored, 0 refused/);

    const forged = readFileSync(published, 'utf8').replace(/("representative":"17".*?"size":)4,"lowerBound":4/, '$13,"lowerBound":3');
    expect(forged).not.toBe(readFileSync(published, 'utf8'));
    const file = join(dir, 'forged.jsonl');
    writeFileSync(file, forged);
    const bad = runWaterloo(['census', '--inputs', '3', '--basis', 'b2', '--store', join(dir, 'b.db'), '--import', file, '--json', '-q']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/refused: .*forged\.jsonl:\d+: class 17 refused: it claims size 3, its circuit has size 4/);
    // the refused class was solved instead: the census itself is right
    expect(JSON.parse(bad.stdout)).toMatchObject({ functions: { 0: 8, 1: 30, 2: 114, 3: 80, 4: 24 }, stats: { reused: 13, solved: 1 } });
  }, 20_000);
});

describe('tt:N:HEX problems on the command line', () => {
  it('min, sweep and table take tt:3:e8 (MAJ3) like any named problem; a table too wide for N is refused (exit 2)', () => {
    const min = runWaterloo(['min', '--problem', 'tt:3:E8', '--json']);
    expect(min.code, min.stderr).toBe(0);
    expect(JSON.parse(min.stdout)).toMatchObject({ status: 'optimal', size: 4, spec: 'tt:3:e8' });
    const dir = tempDir();
    const store = join(dir, 's.db');
    const sweep = runWaterloo(['sweep', '--problem', 'tt:3:e8,tt:2:6', '--basis', 'b2', '--store', store, '--json', '-q']);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(JSON.parse(sweep.stdout).byStatus).toMatchObject({ optimal: 2 });
    const table = runWaterloo(['table', '--store', store, '--problem', 'tt', '--format', 'csv']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^tt,tt:3:e8,.*,B2,optimal,4,4,/m);
    const wide = runWaterloo(['min', '--problem', 'tt:2:1f']);
    expect(wide.code).toBe(2);
    expect(wide.stderr).toMatch(/the table 1f has more than the 4 bits of a 2-input function/);
  }, 20_000);
});
