import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildResultTable, formatTable } from '../../src/report/index.js';
import { formatRecordExport, GENERATED_BEGIN, GENERATED_END } from '../../src/results/index.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { runCli } from '../../src/cli/main.js';
import { runWaterloo, tempDir, type CliRun } from '../helpers/cli.js';
import { verifiedRecord } from '../store/verified-record.js';
import { RECORDS } from './records.js';

/** Records that pass the re-check every JSON-lines import makes (RECORDS are hand-made, with stand-in circuits). */
const timed = (size: number) => ({ attempts: [{ size: size - 1, answer: 'unsat' as const, ms: 40 }, { size, answer: 'sat' as const, ms: 20 }] });
const VERIFIED = [
  verifiedRecord('maj:3', 'optimal', 4, timed(4)),
  verifiedRecord('maj:3', 'optimal', 4, { basis: 'U2' }),
  verifiedRecord('maj:5', 'optimal', 9, timed(9)),
  verifiedRecord('thr:5:4', 'feasible', 9),
  verifiedRecord('thr:10:2', 'unknown', 9),
];

/** Runs the CLI in this process (fast); the first tests run the built binary as a user would. */
async function cli(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('waterloo table / plot / results', () => {
  let dir: string;
  let storePath: string;
  beforeAll(async () => {
    dir = tempDir();
    storePath = join(dir, 'results.db');
    const store = await openStore(storePath);
    for (const r of RECORDS) store.put(r);
    store.close();
  });

  it('table prints the Markdown table of the store, as the library formats it (built CLI)', () => {
    const r = runWaterloo(['table', '--store', storePath]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(formatTable(buildResultTable(RECORDS), 'md'));
  });

  it('table reads a .jsonl record export as it reads the SQLite store', async () => {
    const path = join(dir, 'records.jsonl');
    writeFileSync(path, formatRecordExport(VERIFIED));
    const r = await cli(['table', '--store', path, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(formatTable(buildResultTable(VERIFIED), 'csv'));
  });

  it('table --format tex --problem maj --basis u2 --out writes a booktabs table of one family and basis', async () => {
    const out = join(dir, 'maj.tex');
    const r = await cli(['table', '--store', storePath, '--format', 'tex', '--problem', 'maj', '--basis', 'u2', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const tex = readFileSync(out, 'utf8');
    expect(tex).toContain('\\toprule');
    expect(tex).toContain('Family & Instance & $n$ & U2 & Limit (s) \\\\');
    expect(tex).toContain('\\texttt{maj:5} & 5 & 11 & 60 \\\\');
    expect(tex).not.toContain('thr');
  });

  it('table --problem takes the list sweep takes (families, leading parameters, full names) and refuses unknown families (exit 2)', async () => {
    const csvProblems = (out: string) => [...new Set(out.trim().split('\n').slice(1).map((l) => l.split(',')[1]))].sort();
    const both = await cli(['table', '--store', storePath, '--format', 'csv', '--problem', 'maj,thr']);
    expect(both.code).toBe(0);
    expect(csvProblems(both.stdout)).toEqual(['maj:3', 'maj:5', 'thr:10:2', 'thr:3:2']);
    const mixed = await cli(['table', '--store', storePath, '--format', 'csv', '--problem', 'MAJ:5, thr:3, mod3']);
    expect(csvProblems(mixed.stdout)).toEqual(['maj:5', 'mod3:3:0', 'thr:3:2']);
    for (const bad of ['bogus', 'maj,bogus', 'maj:x', ',']) {
      const r = await cli(['table', '--store', storePath, '--problem', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stdout).toBe('');
    }
    const bogus = await cli(['table', '--store', storePath, '--problem', 'bogus']);
    expect(bogus.stderr).toMatch(/unknown problem family 'bogus'.*known: .*maj:n, thr:n:k/);
  });

  it('table refuses a missing store (exit 3) and a bad format or basis (exit 2)', async () => {
    expect((await cli(['table', '--store', join(dir, 'none.db')])).code).toBe(3);
    expect((await cli(['table', '--store', storePath, '--format', 'html'])).code).toBe(2);
    const r = await cli(['table', '--store', storePath, '--basis', 'b3']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('table --census 4 tabulates the published census (exit 0); an absent census is unsolved (exit 4)', async () => {
    const r = await cli(['table', '--census', '4', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('B2,7,12,2720');
    const missing = await cli(['table', '--census', '4', '--basis', 'b2', '--census-dir', dir]);
    expect(missing.code).toBe(4);
    expect(missing.stdout).toContain('| unsolved | 222 | 65536 |');
  });

  it('plot times / census / trained write SVG files; --vega-lite writes the spec', async () => {
    const times = join(dir, 'times.svg');
    expect(runWaterloo(['plot', 'times', '--store', storePath, '--out', times]).code).toBe(0);
    expect(readFileSync(times, 'utf8')).toMatch(/^<svg[^]*Time to find vs time to prove a minimum circuit[^]*<\/svg>\n$/);
    const census = await cli(['plot', 'census', '--inputs', '3', '--basis', 'u2']);
    expect(census.code).toBe(0);
    expect(census.stdout).toContain('Minimum circuit size of 3-input functions in U2');
    const data = join(dir, 'trained.jsonl');
    writeFileSync(data, '{"task":"maj:3","seed":1,"model":"mlp","trainedSize":6,"minimumSize":4}\n');
    const trained = await cli(['plot', 'trained', '--data', data, '--vega-lite']);
    expect(trained.stderr).toBe("");
    expect(trained.code).toBe(0);
    expect(JSON.parse(trained.stdout).title.text).toBe('Trained circuits vs minimum circuits');
    // a task whose minimum is not proven is drawn at its lower bound; improved sizes are read too
    writeFileSync(data, '{"task":"maj:5","seed":1,"model":"bnn","trainedSize":313,"improvedSize":9,"lowerBound":8}\n');
    const bound = await cli(['plot', 'trained', '--data', data]);
    expect(bound.code).toBe(0);
    expect(bound.stdout).toContain('≥ 8');
    writeFileSync(data, '{"task":"maj:5","seed":1,"model":"bnn","trainedSize":313}\n');
    expect((await cli(['plot', 'trained', '--data', data])).code).toBe(3);
    writeFileSync(data, '{"task":"maj:3"}\n');
    expect((await cli(['plot', 'trained', '--data', data])).code).toBe(3);
    expect((await cli(['plot', 'frob'])).code).toBe(2);
  });

  it('results regenerate --no-solve rebuilds tables, plots and the README section from the records, idempotently', async () => {
    const results = join(dir, 'results');
    mkdirSync(join(results, 'store'), { recursive: true });
    // only the published set is kept: maj:3 and maj:5 are in it, thr:10:2 is not
    writeFileSync(join(results, 'store', 'records.jsonl'), formatRecordExport(VERIFIED));
    writeFileSync(join(results, 'README.md'), '# Results\n\nHand-written intro.\n');
    const r = await cli(['results', 'regenerate', '--no-solve', '--allow-dirty', '--dir', results, '--json', '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { records: number; files: string[] };
    expect(summary.records).toBe(VERIFIED.filter((x) => x.problem !== 'thr:10:2').length);
    for (const f of ['tables/families.md', 'tables/families.tex', 'tables/maj.csv', 'tables/sum.json', 'tables/census-n4.md', 'plots/find-vs-prove.svg', 'README.md']) {
      expect(summary.files).toContain(f);
      expect(existsSync(join(results, f))).toBe(true);
    }
    expect(readFileSync(join(results, 'tables', 'families.md'), 'utf8')).not.toContain('thr:10:2');
    const readme = readFileSync(join(results, 'README.md'), 'utf8');
    expect(readme.startsWith('# Results\n\nHand-written intro.\n')).toBe(true);
    expect(readme).toContain(GENERATED_BEGIN);
    expect(readme).toContain(GENERATED_END);
    expect(readme).toContain('![time to find vs time to prove](plots/find-vs-prove.svg)');
    const before = summary.files.map((f) => readFileSync(join(results, f), 'utf8'));
    expect((await cli(['results', 'regenerate', '--no-solve', '--allow-dirty', '--dir', results, '-q'])).code).toBe(0);
    expect(summary.files.map((f) => readFileSync(join(results, f), 'utf8'))).toEqual(before);
  });
});
