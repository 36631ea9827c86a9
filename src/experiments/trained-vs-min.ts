/**
 * Experiment `trained-vs-min`: for each task, model and seed, the accuracy of
 * the trained network, the size of its extracted circuit, that size after
 * local improvement, and the task's minimum B2 size proven by exact synthesis
 * (or `unknown` when the time limit ran out first).
 */
import { synthesize } from '../synth/index.js';
import type { Cell, ExperimentReport } from './result-table.js';
import { configJson, resolveConfig, trainSeeds, type ExperimentConfig } from './config.js';
import { improveTrained } from './local-improve.js';

/** Minimum size of a task as far as exact synthesis proves it within the limit. */
interface ProvenMinimum {
  readonly size: number | undefined;
  readonly status: string;
  readonly lowerBound: number | undefined;
  readonly ms: number;
}

async function provenMinimum(spec: Parameters<typeof synthesize>[0], timeLimitMs: number): Promise<ProvenMinimum> {
  const t0 = performance.now();
  const r = await synthesize(spec, { basis: 'B2', timeLimitMs });
  const ms = Math.round(performance.now() - t0);
  if (r.status === 'optimal') return { size: r.size, status: 'optimal', lowerBound: r.size, ms };
  if (r.status === 'feasible') return { size: undefined, status: `feasible ${r.size}`, lowerBound: r.provenLowerBound, ms };
  if (r.status === 'unknown') return { size: undefined, status: 'unknown', lowerBound: r.provenLowerBound, ms };
  return { size: undefined, status: 'infeasible', lowerBound: undefined, ms };
}

const ratio = (a: number | undefined, b: number | undefined): number | null => (a === undefined || b === undefined || b === 0 ? null : Number((a / b).toFixed(2)));

/** Runs the experiment; the tables depend only on `cfg` (see README: reproducibility). */
export async function runTrainedVsMin(cfg: ExperimentConfig): Promise<ExperimentReport> {
  const tasks = resolveConfig(cfg);
  const rows: Cell[][] = [];
  const summary: Cell[][] = [];
  const timings: Record<string, unknown>[] = [];
  const points: { task: string; seed: number; model: string; trainedSize: number; minimumSize: number }[] = [];
  for (const task of tasks) {
    const min = await provenMinimum(task.spec, cfg.minTimeLimitMs);
    timings.push({ task: task.name, step: 'minimum', status: min.status, provenLowerBound: min.lowerBound ?? null, ms: min.ms });
    for (const model of cfg.models) {
      let exactSeeds = 0, bestTrained: number | undefined, bestImproved: number | undefined;
      for (const run of trainSeeds(task, cfg, model)) {
        const r = run.result;
        const imp = r.implementsSpec ? await improveTrained(r.circuit, r.size, task, cfg) : undefined;
        timings.push({ task: task.name, model, seed: r.seed, trainMs: run.ms, improveMs: imp?.ms ?? null, improveSynthTimeouts: imp?.synthTimeouts ?? null });
        if (r.implementsSpec) {
          exactSeeds++;
          if (min.size !== undefined) points.push({ task: task.name, seed: r.seed, model, trainedSize: r.size, minimumSize: min.size });
          bestTrained = Math.min(bestTrained ?? Infinity, r.size);
          if (imp) bestImproved = Math.min(bestImproved ?? Infinity, imp.sizeAfter);
        }
        rows.push([
          task.name, model, r.seed, Number(r.accuracy.toFixed(4)), r.implementsSpec, r.attempts, r.networkUnits,
          r.size, imp?.sizeAfter ?? null, min.size ?? min.status, ratio(r.implementsSpec ? r.size : undefined, min.size),
        ]);
      }
      summary.push([task.name, model, `${exactSeeds}/${cfg.seeds}`, bestTrained ?? null, bestImproved ?? null, min.size ?? min.status, ratio(bestTrained, min.size), ratio(bestImproved, min.size)]);
    }
  }
  return {
    name: 'trained-vs-min',
    config: configJson(cfg),
    notes: [
      'Trained size: B2 gates of the circuit extracted from the trained network after cleaning (strash, constant and pass-through folding, merging of gates with equal or complementary functions); output negations free.',
      'Every extracted circuit equals its network on all inputs; `exact` = the circuit implements the task on its care set (exhaustive simulation).',
      '`improved`: after SAT-based local improvement (waterloo improve, B2, window order seed 1, fixed rounds, no overall time limit); `-` for inexact or oversized circuits.',
      '`min`: minimum B2 size proven by exact synthesis (a circuit of that size and UNSAT below it); `unknown` when the time limit ran out (bounds found are in the timings file, as they depend on speed).',
      '`trained-vs-min.points.json` lists (task, seed, model, trainedSize, minimumSize) of the exact seeds of tasks with a proven minimum, for `waterloo plot trained --data`.',
      'Seeds that miss 100% report the best discretised network seen; `attempts` counts restarts inside one seed.',
    ],
    tables: [
      { title: 'Summary per task and model', columns: ['task', 'model', 'exact seeds', 'best trained', 'best improved', 'min', 'trained/min', 'improved/min'], rows: summary },
      { title: 'Per seed', columns: ['task', 'model', 'seed', 'accuracy', 'exact', 'attempts', 'network units', 'trained size', 'improved', 'min', 'trained/min'], rows },
    ],
    timings: { runs: timings },
    extra: { points },
  };
}
