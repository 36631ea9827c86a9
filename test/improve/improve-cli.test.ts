import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCircuitFile } from '../../src/io/formats.js';
import { writeBench } from '../../src/io/bench.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { ttEqual } from '../../src/tt/truth-table.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';
import { mod3Circuit } from './textbook.js';

describe('waterloo improve', () => {
  it('writes a smaller equivalent circuit and reports JSON', () => {
    const dir = tempDir();
    const c = mod3Circuit(4, 1);
    const input = join(dir, 'mod3.bench');
    writeFileSync(input, writeBench(c) as string);
    const out = join(dir, 'out.bench');
    const r = runWaterloo(['improve', input, '--out', out, '--basis', 'b2', '--timeout', '5', '--seed', '3', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { sizeBefore: number; sizeAfter: number; basis: string; replacements: number; seconds: number; equivalent: boolean };
    expect(j.basis).toBe('B2');
    expect(j.equivalent).toBe(true);
    expect(j.sizeAfter).toBeLessThan(j.sizeBefore);
    expect(typeof j.seconds).toBe('number');
    const d = readCircuitFile(out);
    const want = simulateTruthTables(c);
    simulateTruthTables(d).forEach((t, k) => expect(ttEqual(t, want[k]!)).toBe(true));
  }, 30_000);

  it('passes --plateau, --restarts and --target through and reports them', () => {
    const dir = tempDir();
    const c = mod3Circuit(4, 1);
    const input = join(dir, 'mod3.bench');
    writeFileSync(input, writeBench(c) as string);
    const out = join(dir, 'out.bench');
    const before = JSON.parse(runWaterloo(['stats', input, '--json']).stdout) as { gates: number };
    const target = before.gates - 1;
    const r = runWaterloo(['improve', input, '--out', out, '--basis', 'b2', '--timeout', '60', '--plateau', '0', '--restarts', '0', '--target', String(target), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { sizeAfter: number; plateauMoves: number; restarts: number; timedOut: boolean };
    // The target stops the run at the first replacement that reaches it, long before the time limit.
    expect(j.sizeAfter).toBeLessThanOrEqual(target);
    expect(j.timedOut).toBe(false);
    expect(j.plateauMoves).toBe(0);
    expect(j.restarts).toBe(0);
  }, 60_000);

  it('needs --out', () => {
    const r = runWaterloo(['improve', 'circuits/iscas85/c17.bench']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--out/);
  });
});
