/**
 * Experiment `trained-vs-min`: for each task, model and seed, the accuracy of
 * the trained network, the size of its extracted circuit, that size after
 * local improvement, and the task's minimum B2 size: from the results store
 * when it proves one, else from exact synthesis within the time limit; when
 * neither proves it, the best proven lower bound (`≥ b`).
 */
import { loadRecords } from '../report/record-export.js';
import type { StoreRecord } from '../store/types.js';
import { synthesize } from '../synth/index.js';
import type { Cell, ExperimentReport } from './result-table.js';
import { configJson, resolveConfig, trainSeeds, type ExperimentConfig } from './config.js';
import { improveTrained } from './local-improve.js';

/** What is proven about a task's minimum B2 size, and where it came from. */
export interface TaskMinimum {
  /** The minimum, when proven (a circuit of this size and a matching lower bound). */
  readonly size: number | undefined;
  /** Best proven lower bound (equal to size when proven). */
  readonly lowerBound: number;
  /** Smallest verified circuit known (store or synthesis), when any. */
  readonly bestSize: number | undefined;
  readonly source: 'store' | 'synthesis' | 'store + synthesis';
  /** Synthesis status (`skipped` when the store already proves the minimum). */
  readonly synthesis: string;
  readonly ms: number;
}

/** The B2 records of `task` merged: smallest circuit, largest bound. */
function fromStore(records: readonly StoreRecord[], task: string): { bestSize: number | undefined; lowerBound: number } | undefined {
  const of = records.filter((r) => r.problem === task && r.basis === 'B2');
  if (!of.length) return undefined;
  const sizes = of.flatMap((r) => (r.size !== undefined ? [r.size] : []));
  return { bestSize: sizes.length ? Math.min(...sizes) : undefined, lowerBound: Math.max(...of.map((r) => r.lowerBound)) };
}

/**
 * The minimum of a task: the store's records when they prove it (no synthesis
 * is run then), else exact synthesis within `timeLimitMs`, merged with the
 * store's bound and circuit.
 */
export async function taskMinimum(spec: Parameters<typeof synthesize>[0], task: string, records: readonly StoreRecord[], timeLimitMs: number): Promise<TaskMinimum> {
  const stored = fromStore(records, task);
  if (stored?.bestSize !== undefined && stored.bestSize === stored.lowerBound) {
    return { size: stored.bestSize, lowerBound: stored.lowerBound, bestSize: stored.bestSize, source: 'store', synthesis: 'skipped', ms: 0 };
  }
  const t0 = performance.now();
  const r = await synthesize(spec, { basis: 'B2', timeLimitMs });
  const ms = Math.round(performance.now() - t0);
  const synthSize = r.status === 'optimal' || r.status === 'feasible' ? r.size : undefined;
  const synthBound = r.status === 'optimal' ? r.size : r.status === 'feasible' || r.status === 'unknown' ? r.provenLowerBound : 0;
  const lowerBound = Math.max(synthBound, stored?.lowerBound ?? 0);
  const sizes = [synthSize, stored?.bestSize].filter((x): x is number => x !== undefined);
  const bestSize = sizes.length ? Math.min(...sizes) : undefined;
  const usedStore = stored !== undefined && (stored.lowerBound === lowerBound || stored.bestSize === bestSize);
  const usedSynthesis = synthBound === lowerBound || (synthSize !== undefined && synthSize === bestSize);
  return {
    size: bestSize !== undefined && bestSize === lowerBound ? bestSize : undefined,
    lowerBound,
    bestSize,
    source: usedStore && usedSynthesis ? 'store + synthesis' : usedStore ? 'store' : 'synthesis',
    synthesis: r.status,
    ms,
  };
}

/** The `min` cell: the proven minimum, or `≥ b`. */
const minCell = (m: TaskMinimum): Cell => m.size ?? `≥ ${m.lowerBound}`;

const ratio = (a: number | undefined, b: number | undefined): number | null => (a === undefined || b === undefined || b === 0 ? null : Number((a / b).toFixed(2)));

/** Runs the experiment; the tables depend only on `cfg` (see README: reproducibility). */
export async function runTrainedVsMin(cfg: ExperimentConfig): Promise<ExperimentReport> {
  const tasks = resolveConfig(cfg);
  const rows: Cell[][] = [];
  const summary: Cell[][] = [];
  const timings: Record<string, unknown>[] = [];
  const points: { task: string; seed: number; model: string; trainedSize: number; improvedSize?: number; minimumSize?: number; lowerBound: number }[] = [];
  const records = cfg.store !== undefined ? await loadRecords(cfg.store) : [];
  for (const task of tasks) {
    const min = await taskMinimum(task.spec, task.name, records, cfg.minTimeLimitMs);
    timings.push({ task: task.name, step: 'minimum', synthesis: min.synthesis, source: min.source, provenLowerBound: min.lowerBound, ms: min.ms });
    for (const model of cfg.models) {
      let exactSeeds = 0, bestTrained: number | undefined, bestImproved: number | undefined;
      for (const run of trainSeeds(task, cfg, model)) {
        const r = run.result;
        const imp = r.implementsSpec ? await improveTrained(r.circuit, task, cfg) : undefined;
        timings.push({ task: task.name, model, seed: r.seed, trainMs: run.ms, improveMs: imp?.ms ?? null, improveSynthTimeouts: imp?.synthTimeouts ?? null, improveTimedOut: imp?.timedOut ?? null });
        if (r.implementsSpec) {
          exactSeeds++;
          points.push({ task: task.name, seed: r.seed, model, trainedSize: r.size, ...(imp ? { improvedSize: imp.sizeAfter } : {}), ...(min.size !== undefined ? { minimumSize: min.size } : {}), lowerBound: min.lowerBound });
          bestTrained = Math.min(bestTrained ?? Infinity, r.size);
          if (imp) bestImproved = Math.min(bestImproved ?? Infinity, imp.sizeAfter);
        }
        rows.push([
          task.name, model, r.seed, Number(r.accuracy.toFixed(4)), r.implementsSpec, r.attempts, r.networkUnits,
          r.size, imp?.sizeAfter ?? null, imp?.timedOut ?? null, minCell(min), ratio(r.implementsSpec ? r.size : undefined, min.size),
        ]);
      }
      summary.push([task.name, model, `${exactSeeds}/${cfg.seeds}`, bestTrained ?? null, bestImproved ?? null, minCell(min), min.source, ratio(bestTrained, min.size), ratio(bestImproved, min.size)]);
    }
  }
  return {
    name: 'trained-vs-min',
    config: configJson(cfg),
    notes: [
      'Trained size: B2 gates of the circuit extracted from the trained network after cleaning (strash, constant and pass-through folding, merging of gates with equal or complementary functions); output negations free.',
      'Every extracted circuit equals its network on all inputs; `exact` = the circuit implements the task on its care set (exhaustive simulation).',
      '`improved`: after SAT-based local improvement (waterloo improve, B2, window order seed 1, at most the configured rounds and improveTimeLimitMs per circuit, whatever its size); `-` for inexact circuits. `cut` = the time limit stopped the improvement (that size depends on the machine).',
      '`min`: minimum B2 size, proven (a circuit of that size and UNSAT below it) by the results store (config `store`) or by exact synthesis within minTimeLimitMs; `≥ b` when neither proves it, b the best proven lower bound (a bound found by synthesis within the time limit depends on the machine). `min from` says which.',
      '`trained-vs-min.points.json` lists (task, seed, model, trainedSize, improvedSize, minimumSize or lowerBound) of every exact seed, for `waterloo plot trained --data`.',
      'Seeds that miss 100% report the best discretised network seen; `attempts` counts restarts inside one seed.',
    ],
    tables: [
      { title: 'Summary per task and model', columns: ['task', 'model', 'exact seeds', 'best trained', 'best improved', 'min', 'min from', 'trained/min', 'improved/min'], rows: summary },
      { title: 'Per seed', columns: ['task', 'model', 'seed', 'accuracy', 'exact', 'attempts', 'network units', 'trained size', 'improved', 'cut', 'min', 'trained/min'], rows },
    ],
    timings: { runs: timings },
    extra: { points },
  };
}
