/**
 * `min --improve-first S`: a heuristic upper bound first, then the exact
 * search upward to just below it. The answer must be the same optimum as
 * without it, with the heuristic's size reported and never below the optimum.
 */
import { describe, expect, test } from 'vitest';
import { runWaterloo } from '../helpers/cli.js';

describe('min --improve-first', () => {
  test('same optimum as the plain search; the heuristic size is reported and is an upper bound', () => {
    for (const problem of ['thr:4:2', 'sum:3']) {
      const plain = runWaterloo(['min', '--problem', problem, '--json']);
      const first = runWaterloo(['min', '--problem', problem, '--improve-first', '1', '--json']);
      expect({ problem, code: first.code }).toEqual({ problem, code: 0 });
      const a = JSON.parse(plain.stdout) as { status: string; size: number };
      const b = JSON.parse(first.stdout) as { status: string; size: number; unsatAt: number; improveFirst: { size: number; seconds: number } };
      expect({ problem, status: b.status, size: b.size, unsatAt: b.unsatAt }).toEqual({ problem, status: a.status, size: a.size, unsatAt: a.size - 1 });
      expect(b.improveFirst.size).toBeGreaterThanOrEqual(b.size);
    }
  }, 60_000);

  test('text output names the upper bound; with --cubes the same optimum; refused with --all and with a basis improve has no gates for', () => {
    const text = runWaterloo(['min', '--problem', 'maj:3', '--improve-first', '0.5']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^upper bound \d+ from local improvement in [\d.]+ s \(start: (Shannon|(positive|negative) Davio on x\d+)\)$/m);
    const cubes = runWaterloo(['min', '--problem', 'thr:4:2', '--improve-first', '1', '--cubes', '2', '--workers', '1', '--json']);
    expect(JSON.parse(cubes.stdout)).toMatchObject({ status: 'optimal', size: 7, unsatAt: 6, improveFirst: { size: expect.any(Number) } });
    const all = runWaterloo(['min', '--problem', 'maj:3', '--improve-first', '1', '--all', '2']);
    expect({ code: all.code, stderr: all.stderr }).toMatchObject({ code: 2, stderr: expect.stringMatching(/--improve-first does not combine/) });
    const mig = runWaterloo(['min', '--problem', 'maj:3', '--basis', 'mig', '--improve-first', '1']);
    expect({ code: mig.code, stderr: mig.stderr }).toMatchObject({ code: 2, stderr: expect.stringMatching(/--improve-first needs basis/) });
  }, 60_000);
});
