import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPERIMENT_CONFIG,
  readCircuitFile,
  renderReportJson,
  renderReportMarkdown,
  runLocalCensus,
  runSeedDiversity,
  runTrainedVsMin,
  simulateTruthTables,
  specSatisfiedBy,
  parseProblem,
  writeExperimentReport,
  type ExperimentConfig,
} from '../../src/index.js';
import { CLI, runWaterloo, tempDir } from '../helpers/cli.js';

const TINY: ExperimentConfig = { ...DEFAULT_EXPERIMENT_CONFIG, tasks: ['fa', 'xor:3'], seeds: 2, improveRounds: 1 };

describe('trained-vs-min', () => {
  it('reproduces its tables byte for byte with the same seeds', async () => {
    const a = await runTrainedVsMin(TINY);
    const b = await runTrainedVsMin(TINY);
    const dirA = tempDir(), dirB = tempDir();
    writeExperimentReport(dirA, a);
    writeExperimentReport(dirB, b);
    for (const f of ['trained-vs-min.md', 'trained-vs-min.json', 'trained-vs-min.points.json']) {
      expect(readFileSync(join(dirA, f), 'utf8')).toBe(readFileSync(join(dirB, f), 'utf8'));
    }
    expect(existsSync(join(dirA, 'trained-vs-min.timings.json'))).toBe(true);
    expect(renderReportMarkdown(a)).not.toMatch(/trainMs|improveMs|totalSeconds/);
    expect(readFileSync(join(dirA, 'trained-vs-min.timings.json'), 'utf8')).toMatch(/trainMs/);
    const summary = JSON.parse(renderReportJson(a)).tables[0].rows as Record<string, unknown>[];
    const fa = summary.find((r) => r.task === 'fa')!;
    expect(fa.min).toBe(5);
    expect(fa['best trained'] as number).toBeGreaterThanOrEqual(5);
    expect(summary.find((r) => r.task === 'xor:3')!.min).toBe(2);
  }, 60_000);
});

describe('seed-diversity and local', () => {
  it('count distinct circuits among exact seeds and census local minimality', async () => {
    const d = await runSeedDiversity(TINY);
    for (const row of d.tables[0]!.rows) {
      const exact = Number(String(row[2]).split('/')[0]);
      expect(row[3] as number).toBeLessThanOrEqual(exact);
      if (exact > 0) expect(row[3] as number).toBeGreaterThan(0);
    }
    const l = await runLocalCensus(TINY);
    for (const row of l.tables[1]!.rows) {
      // a locally minimal circuit keeps its size; otherwise improvement made it smaller
      if (row[4] === true) expect(row[6]).toBe(row[3]);
      else if (row[4] === false) expect(row[6] as number).toBeLessThan(row[3] as number);
    }
  }, 60_000);
});

describe.skipIf(!existsSync(CLI))('CLI', () => {
  it('waterloo train writes a circuit that implements the task, and refuses bad input', () => {
    const dir = tempDir();
    const out = join(dir, 'fa.bench'), netFile = join(dir, 'fa-net.json');
    const r = runWaterloo(['train', '--task', 'fa', '--model', 'gates', '--seed', '2', '--out', out, '--save-network', netFile, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.implementsSpec).toBe(true);
    const c = readCircuitFile(out);
    expect(specSatisfiedBy(parseProblem('fa').spec, simulateTruthTables(c))).toBe(true);
    expect(JSON.parse(readFileSync(netFile, 'utf8')).kind).toBe('waterloo-gate-network');
    expect(runWaterloo(['train', '--task', 'xor:12']).code).toBe(2);
    expect(runWaterloo(['train', '--task', 'fa', '--model', 'svm']).code).toBe(2);
  });

  it('waterloo experiment writes Markdown, LaTeX, CSV, JSON and timings', () => {
    const dir = tempDir();
    const r = runWaterloo(['experiment', 'seed-diversity', '--tasks', 'fa', '--seeds', '2', '--out-dir', dir]);
    expect(r.code).toBe(0);
    for (const f of ['seed-diversity.md', 'seed-diversity.tex', 'seed-diversity.summary-per-task-and-model.csv', 'seed-diversity.distinct-circuits.csv', 'seed-diversity.json', 'seed-diversity.timings.json']) expect(existsSync(join(dir, f))).toBe(true);
    expect(runWaterloo(['experiment', 'nope']).code).toBe(2);
  });
});
