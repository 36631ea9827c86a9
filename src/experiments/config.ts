/** The configuration shared by the training experiments, and the training loop they share. */
import { UsageError } from '../errors.js';
import { parseProblem, type ProblemInstance } from '../problems/index.js';
import { trainModel, TRAIN_MODELS, type TrainModelName, type TrainModelResult } from '../learn/index.js';

/** The issue-7 task list: parity, majority, full adder, 2-bit adder, 2x2 multiplier, MOD_3, (a + b) mod p with don't-cares. */
export const DEFAULT_EXPERIMENT_TASKS: readonly string[] = ['xor:5', 'maj:5', 'fa', 'add:2', 'mul:2', 'mod3:4:0', 'addmod:3'];

/** What an experiment runs on. */
export interface ExperimentConfig {
  /** Problem names (see `waterloo problem --list`). */
  readonly tasks: readonly string[];
  /** Seeds 1..seeds are trained. */
  readonly seeds: number;
  readonly models: readonly TrainModelName[];
  /** Time limit of each exact synthesis of the minimum (ms). */
  readonly minTimeLimitMs: number;
  /** Rounds of local improvement. */
  readonly improveRounds: number;
  /** Time limit of each exact-synthesis call inside improvement (ms). */
  readonly improveCallTimeLimitMs: number;
  /**
   * Time limit of the local improvement of one circuit (ms; 0 = none). Every
   * exact circuit is improved whatever its size; small circuits finish their
   * rounds long before the limit, so their result does not depend on the
   * machine, while large ones (trained BNNs of 300 gates) are cut by it, and
   * the per-seed table says which.
   */
  readonly improveTimeLimitMs: number;
  /**
   * Results store (SQLite, or a .jsonl record export) whose B2 records give the
   * tasks' minimum sizes and lower bounds, merged with what exact synthesis
   * proves within `minTimeLimitMs`; undefined = synthesis only.
   */
  readonly store?: string;
  /** Model files, for the experiments that read models (real-networks). */
  readonly modelFiles?: readonly string[];
}

/** Defaults of {@link ExperimentConfig}. */
export const DEFAULT_EXPERIMENT_CONFIG: Readonly<ExperimentConfig> = Object.freeze<ExperimentConfig>({
  tasks: DEFAULT_EXPERIMENT_TASKS,
  seeds: 5,
  models: ['gates'],
  minTimeLimitMs: 30_000,
  improveRounds: 3,
  improveCallTimeLimitMs: 10_000,
  improveTimeLimitMs: 60_000,
});

/** Checks a configuration and parses its tasks. Throws UsageError. */
export function resolveConfig(cfg: ExperimentConfig): ProblemInstance[] {
  if (!Number.isInteger(cfg.seeds) || cfg.seeds < 1 || cfg.seeds > 1000) throw new UsageError(`seeds must be an integer in 1..1000, got ${cfg.seeds}`, 'bad-param');
  if (cfg.tasks.length === 0) throw new UsageError('no tasks given', 'bad-param');
  for (const m of cfg.models) if (!TRAIN_MODELS.includes(m)) throw new UsageError(`unknown model '${m}' (known: ${TRAIN_MODELS.join(', ')})`, 'unknown-model');
  return cfg.tasks.map((t) => parseProblem(t));
}

/** The configuration as it appears in reports (plain data, fixed key order). */
export function configJson(cfg: ExperimentConfig): Record<string, unknown> {
  return {
    tasks: [...cfg.tasks],
    seeds: cfg.seeds,
    models: [...cfg.models],
    minTimeLimitMs: cfg.minTimeLimitMs,
    improveRounds: cfg.improveRounds,
    improveCallTimeLimitMs: cfg.improveCallTimeLimitMs,
    improveTimeLimitMs: cfg.improveTimeLimitMs,
    store: cfg.store,
  };
}

/** One training run with its wall-clock time. */
export interface TimedRun {
  readonly result: TrainModelResult;
  readonly ms: number;
}

/** Trains every (model, seed) of one task. */
export function trainSeeds(task: ProblemInstance, cfg: ExperimentConfig, model: TrainModelName): TimedRun[] {
  const runs: TimedRun[] = [];
  for (let seed = 1; seed <= cfg.seeds; seed++) {
    const t0 = performance.now();
    const result = trainModel(task, model, seed);
    runs.push({ result, ms: Math.round(performance.now() - t0) });
  }
  return runs;
}
