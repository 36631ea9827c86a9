import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runWaterloo, tempDir } from '../helpers/cli.js';

describe('waterloo CLI', () => {
  // The README's first command is `npx waterloo ...` in a fresh clone: the bin must be executable
  // after `npm run build` (tsc writes files without the execute bit).
  it('the built bin is executable and `npx waterloo --version` runs it', () => {
    const bin = join(ROOT, 'dist', 'cli', 'main.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(bin).mode & 0o111).toBe(0o111);
    const r = spawnSync('npx', ['--no-install', 'waterloo', '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  }, 60_000);

  it('prints usage with --help and exits 0; no command exits 2', () => {
    const r = runWaterloo(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['stats', 'sim', 'convert', 'show']) expect(r.stdout).toContain(cmd);
    expect(runWaterloo([]).code).toBe(2);
  });
  it('rejects an unknown command and an unknown option with exit 2', () => {
    expect(runWaterloo(['frobnicate']).code).toBe(2);
    const r = runWaterloo(['stats', '--frob', 'circuits/iscas85/c17.bench']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--frob'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('prints --version', () => {
    const r = runWaterloo(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
  it('stats --json follows the documented contract', () => {
    const r = runWaterloo(['stats', '--json', 'circuits/iscas85/c17.bench']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ inputs: 5, outputs: 2, gates: 6, depth: 3 });
    expect(j.sizes.AIG).toBe(6);
  });
  it('sim --json prints each output in hex, and agrees with a hand computation of c17', () => {
    const r = runWaterloo(['sim', '--json', 'circuits/iscas85/c17.bench']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { inputs: number; outputs: { name: string; hex: string }[] };
    expect(j.inputs).toBe(5);
    // c17: 10 = NAND(1,3), 11 = NAND(3,6), 16 = NAND(2,11), 19 = NAND(11,7), 22 = NAND(10,16), 23 = NAND(16,19)
    const nand = (a: boolean, b: boolean) => !(a && b);
    for (const [k, out] of j.outputs.entries()) {
      let bits = 0n;
      for (let m = 0; m < 32; m++) {
        const [i1, i2, i3, i6, i7] = [0, 1, 2, 3, 4].map((b) => ((m >> b) & 1) === 1) as boolean[];
        const g10 = nand(i1!, i3!), g11 = nand(i3!, i6!), g16 = nand(i2!, g11), g19 = nand(g11, i7!);
        const v = k === 0 ? nand(g10, g16) : nand(g16, g19);
        if (v) bits |= 1n << BigInt(m);
      }
      expect(out.hex).toBe(bits.toString(16).padStart(8, '0'));
    }
  });
  it('reports a parse error as file:line:col with exit 3 and no stack trace', () => {
    const dir = tempDir();
    const f = join(dir, 'bad.bench');
    writeFileSync(f, 'INPUT(a)\nOUTPUT(b)\nb = FROB(a)\n');
    const r = runWaterloo(['stats', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('reports a missing file with exit 3 and an unknown extension with exit 2', () => {
    const r = runWaterloo(['stats', 'no/such/file.aig']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no such file/);
    expect(runWaterloo(['stats', 'README.md']).code).toBe(2);
  });
  it('converts between every readable format and keeps the function', () => {
    const dir = tempDir();
    const want = runWaterloo(['sim', 'circuits/iscas85/c17.bench']).stdout;
    for (const ext of ['aag', 'aig', 'bench', 'blif']) {
      const out = join(dir, `c17.${ext}`);
      expect(runWaterloo(['convert', 'circuits/iscas85/c17.bench', out]).code).toBe(0);
      expect(runWaterloo(['sim', out]).stdout).toBe(want);
    }
    for (const ext of ['v', 'dot', 'svg']) {
      const out = join(dir, `c17.${ext}`);
      expect(runWaterloo(['convert', 'circuits/iscas85/c17.bench', out]).code).toBe(0);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(50);
    }
  });
  it('reads stdin with --from', () => {
    const text = readFileSync(join(ROOT, 'circuits/iscas85/c17.bench'), 'utf8');
    const r = runWaterloo(['stats', '--json', '--from', 'bench', '-'], { input: text });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).gates).toBe(6);
  });
  it('show prints a listing and writes an SVG', () => {
    const dir = tempDir();
    const r = runWaterloo(['show', 'circuits/iscas85/c17.bench']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^inputs: /);
    const svg = join(dir, 'c17.svg');
    expect(runWaterloo(['show', 'circuits/iscas85/c17.bench', '--svg', svg]).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/<svg/);
  });
});

describe('layering', () => {
  it('src/cli imports nothing but the public API, its own modules and node built-ins', () => {
    const dir = join(ROOT, 'src', 'cli');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        const spec = m[1]!;
        if (spec.startsWith('node:')) continue;
        expect(spec.startsWith('.'), `${f} imports package ${spec}`).toBe(true);
        const target = resolve(dirname(join(dir, f)), spec);
        // the public API: src/index.ts, or one of its facets in src/api/ (light imports for start-up)
        const ok = target.startsWith(dir + sep) || target === join(ROOT, 'src', 'index.js') || dirname(target) === join(ROOT, 'src', 'api');
        expect(ok, `${f} imports ${spec}`).toBe(true);
      }
    }
  });

  // The floors of src/, lowest first. A module may import its own folder and any folder on a LOWER
  // floor; folders on one floor are peers and do not import each other. A new folder needs a floor here.
  const FLOORS: readonly (readonly string[])[] = [
    ['errors.ts', 'version.ts'],
    ['util'],
    ['tt'],
    ['core'],
    ['io', 'sat', 'problems'],
    ['verify', 'graph'],
    ['synth'],
    ['improve', 'cuts', 'learn', 'cubes'],
    ['store', 'explore'],
    ['report', 'plot', 'sweep'],
    ['queue', 'results', 'experiments'],
    ['api', 'index.ts'],
    ['cli', 'bench'],
  ];

  it('every floor of src/ imports only from lower floors (the offending imports are named)', () => {
    const src = join(ROOT, 'src');
    const floorOf = new Map(FLOORS.flatMap((names, i) => names.map((n) => [n, i] as const)));
    // the top-level entry under src/ that a path belongs to: a folder name, or a root file name (errors.ts)
    const entryOf = (abs: string): string => relative(src, abs).split(sep)[0]!.replace(/\.js$/, '.ts');
    const files = readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    const unplaced = new Set<string>();
    const violations: string[] = [];
    for (const f of files) {
      const from = entryOf(join(src, f));
      const fromFloor = floorOf.get(from);
      if (fromFloor === undefined) {
        unplaced.add(from);
        continue;
      }
      const text = readFileSync(join(src, f), 'utf8');
      for (const m of text.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        const spec = m[1]!;
        if (!spec.startsWith('.')) continue;
        const to = entryOf(resolve(dirname(join(src, f)), spec));
        if (to === from) continue;
        const toFloor = floorOf.get(to);
        if (toFloor === undefined) unplaced.add(to);
        else if (toFloor >= fromFloor) violations.push(`src/${f.split(sep).join('/')} imports '${spec}' (${from} is on floor ${fromFloor}, ${to} on floor ${toFloor})`);
      }
    }
    expect([...unplaced], 'folders of src/ with no floor in FLOORS').toEqual([]);
    expect(violations, 'imports from a floor to the same or a higher one').toEqual([]);
  });

  it('every export of a src/api facet is also exported by src/index.ts', async () => {
    const index = await import('../../src/index.js');
    const dir = join(ROOT, 'src', 'api');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const facet = (await import(join(dir, f))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(facet)) expect((index as Record<string, unknown>)[name], `src/api/${f} exports ${name}`).toBe(value);
    }
  });
});
