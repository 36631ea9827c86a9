/** trained-vs-min reads proven minima from a results store, shows a bound when the minimum is unknown, and improves circuits of any size. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT_CONFIG, renderReportJson, runTrainedVsMin, type ExperimentConfig } from '../../src/index.js';
import { tempDir } from '../helpers/cli.js';

/** The published maj:5 B2 record (optimal 9: a 9-gate circuit and UNSAT at 8), as a one-line store. */
function maj5Store(): string {
  const line = readFileSync(join(import.meta.dirname, '../../results/store/records.jsonl'), 'utf8').split('\n').find((l) => l.startsWith('{"problem":"maj:5","basis":"B2"'))!;
  expect(JSON.parse(line)).toMatchObject({ status: 'optimal', size: 9, lowerBound: 9 });
  const path = join(tempDir(), 'maj5.jsonl');
  writeFileSync(path, line + '\n');
  return path;
}

type Row = Record<string, unknown>;
const tables = (r: Awaited<ReturnType<typeof runTrainedVsMin>>): { summary: Row[]; seeds: Row[] } => {
  const t = JSON.parse(renderReportJson(r)).tables as { rows: Row[] }[];
  return { summary: t[0]!.rows, seeds: t[1]!.rows };
};

// A 0.2 s synthesis limit cannot prove MAJ_5's minimum of 9; the store can. (BNN seed 1 implements maj:5 exactly.)
const SMALL: ExperimentConfig = { ...DEFAULT_EXPERIMENT_CONFIG, tasks: ['maj:5'], seeds: 1, models: ['bnn'], minTimeLimitMs: 200, improveRounds: 1, improveTimeLimitMs: 1000 };

describe('trained-vs-min minimum', () => {
  it('takes a proven minimum from the results store (maj:5 = 9) without synthesis', async () => {
    const r = await runTrainedVsMin({ ...SMALL, store: maj5Store() });
    const { summary, seeds } = tables(r);
    expect(summary[0]).toMatchObject({ task: 'maj:5', min: 9, 'min from': 'store' });
    expect(seeds[0]!.min).toBe(9);
    const points = (r.extra!.points as Row[]);
    expect(points[0]).toMatchObject({ task: 'maj:5', minimumSize: 9, lowerBound: 9 });
  }, 30_000);

  it('shows the proven lower bound (≥ b) when neither store nor synthesis proves the minimum', async () => {
    const r = await runTrainedVsMin(SMALL);
    const { summary } = tables(r);
    expect(summary[0]!['min']).toMatch(/^≥ [1-9]$/);
    expect(summary[0]!['min from']).toBe('synthesis');
    expect(summary[0]!['trained/min']).toBeNull();
    // the plot data keeps the task, with its bound instead of a minimum
    const p = (r.extra!.points as Row[])[0]!;
    expect(p.minimumSize).toBeUndefined();
    expect(p.lowerBound).toBeGreaterThan(0);
  }, 30_000);

  it('improves circuits over 100 gates (a 313-gate BNN for maj:5), bounded by the improvement time limit', async () => {
    const r = await runTrainedVsMin({ ...SMALL, store: maj5Store(), improveRounds: 1000, improveTimeLimitMs: 3000 });
    const seed = tables(r).seeds[0]!;
    expect(seed['trained size'] as number).toBeGreaterThan(100);
    expect(seed.improved).toEqual(expect.any(Number));
    expect(seed.improved as number).toBeLessThan(seed['trained size'] as number);
    expect(seed.improved as number).toBeGreaterThanOrEqual(9);
    expect(typeof seed.cut).toBe('boolean');
  }, 30_000);
});
