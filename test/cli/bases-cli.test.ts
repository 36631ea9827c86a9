/**
 * CLI of the new circuit models: `basis --list` names every basis and the
 * custom form; `min --basis` takes mig, mc, lut3 and ops:HEX,... (the JSON
 * names the cost model); bad and incomplete custom bases exit 2; `results mc`
 * writes the table of the 4-input affine classes with maximum 3.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWaterloo, tempDir } from '../helpers/cli.js';

describe('bases on the command line', () => {
  it('basis --list names them all', () => {
    const r = runWaterloo(['basis', '--list', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { bases: { cli: string; costModel: string }[]; custom: string };
    expect(j.bases.map((b) => b.cli)).toEqual(['b2', 'u2', 'aig', 'xaig', 'mig', 'mc', 'lut3']);
    expect(j.custom).toBe('ops:HEX,HEX,...');
    expect(runWaterloo(['basis', 'nope']).code).toBe(2);
  });

  it('min in mig, mc, lut3 and a custom basis, with the cost model in the JSON', () => {
    const cases: [string, string, string, number][] = [
      ['mig', '96,e8', '3', 3], // full adder in MIG
      ['mc', '96,e8', '3', 1], // full adder: one AND
      ['lut3', '6996', '4', 2],
      ['ops:7', '6', '2', 4], // XOR from NANDs
    ];
    for (const [basis, tt, n, size] of cases) {
      const r = runWaterloo(['min', '--tt', tt, '--inputs', n, '--basis', basis, '--backend', 'minisat', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout) as { status: string; size: number; basis: string; costModel: string };
      expect(j).toMatchObject({ status: 'optimal', size, basis: basis === 'mig' || basis === 'mc' || basis === 'lut3' ? basis.toUpperCase() : basis });
      expect(j.costModel.length).toBeGreaterThan(0);
    }
  });

  it('a malformed or incomplete custom basis is a usage error (exit 2)', () => {
    expect(runWaterloo(['min', '--tt', '6', '--inputs', '2', '--basis', 'ops:12']).code).toBe(2);
    const r = runWaterloo(['min', '--tt', '6', '--inputs', '2', '--basis', 'ops:8,e']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot compute every function/);
  });

  it('results mc --inputs 4 writes the affine-class table (maximum 3)', () => {
    const dir = tempDir();
    const r = runWaterloo(['results', 'mc', '--inputs', '4', '--dir', dir, '--backend', 'minisat', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(readFileSync(join(dir, 'tables', 'mc-affine-4.json'), 'utf8')) as { classes: number; entries: { ands: number; evidence: string }[] };
    expect(j.classes).toBe(8);
    expect(Math.max(...j.entries.map((e) => e.ands))).toBe(3);
    // every class but the affine one has its UNSAT answer one AND below
    expect(j.entries.filter((e) => e.evidence.startsWith('unsat at')).length).toBe(7);
    expect(readFileSync(join(dir, 'tables', 'mc-affine-4.md'), 'utf8')).toContain('Maximum: 3 AND gates.');
  });
});
