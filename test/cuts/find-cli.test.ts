import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder, writeAiger, writeBench } from '../../src/index.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

/** A 2-bit ripple-carry adder with carry-in, written as an AIG file. */
function adderFile(dir: string): string {
  const b = new CircuitBuilder();
  const [a0, a1, b0, b1, cin] = b.addInputs(5, ['a0', 'a1', 'b0', 'b1', 'cin']) as [number, number, number, number, number];
  const c1 = b.maj(a0, b0, cin);
  b.addOutput(b.xor(b.xor(a0, b0), cin), 's0');
  b.addOutput(b.xor(b.xor(a1, b1), c1), 's1');
  b.addOutput(b.maj(a1, b1, c1), 'cout');
  const path = join(dir, 'add2.aag');
  writeFileSync(path, writeAiger(b.build(), { binary: false }));
  return path;
}

describe('waterloo find', () => {
  it('prints matches grouped by function and the coverage', () => {
    const dir = tempDir();
    const r = runWaterloo(['find', adderFile(dir)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^FA: 2 matches$/m);
    expect(r.stdout).toMatch(/= FA\(.*a0.*\)/);
    expect(r.stdout).toMatch(/^coverage: \d+ of \d+ gates \(\d+\.\d%\) lie inside \d+ disjoint match(es)? \(chosen greedily, largest cone first\)$/m);
    expect(r.stdout).toMatch(/^overlapping: \d+ of \d+ gates \(\d+\.\d%\) lie inside some match \(of \d+, which may share gates\)$/m);
  });

  it('--json gives {matches, coverage, gates}', () => {
    const dir = tempDir();
    const r = runWaterloo(['find', '--json', adderFile(dir)]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['matches', 'coverage', 'disjointMatches', 'overlappingCoverage', 'gates', 'direct']));
    const fas = j.matches.filter((m: { name: string }) => m.name === 'FA');
    expect(fas).toHaveLength(2);
    expect(fas[0].leafNames.sort()).toEqual(['a0', 'b0', 'cin']);
    expect(j.coverage).toBeGreaterThan(0.9);
  });

  it('--library adds an entry from a circuit file; --only-library uses only it', () => {
    const dir = tempDir();
    const b = new CircuitBuilder();
    const [x, y, z] = b.addInputs(3) as [number, number, number];
    b.addOutput(b.xor(b.xor(x, y), z), 'p');
    const lib = join(dir, 'PARITY3.bench');
    writeFileSync(lib, writeBench(b.build()));
    const r = runWaterloo(['find', '--json', '--only-library', '--library', lib, adderFile(dir)]);
    expect(r.code).toBe(0);
    const names = new Set(JSON.parse(r.stdout).matches.map((m: { name: string }) => m.name));
    expect([...names]).toEqual(['PARITY3']);
  });

  it('exits 2 on bad usage and 3 on a missing file', () => {
    expect(runWaterloo(['find']).code).toBe(2);
    expect(runWaterloo(['find', '--k', '9', 'x.aag']).code).toBe(2);
    expect(runWaterloo(['find', '--only-library', 'circuits/iscas85/c17.bench']).code).toBe(2);
    expect(runWaterloo(['find', 'no/such/file.aag']).code).toBe(3);
  });
});
