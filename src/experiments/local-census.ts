/**
 * Experiment `local`: the local-minimality census of trained circuits. A
 * circuit counts as locally minimal when SAT-based local improvement (windows
 * of at most 5 inputs and 7 gates, the improve defaults) replaces no window
 * in the configured rounds; for the others the table gives the size reached.
 */
import { configJson, resolveConfig, trainSeeds, type ExperimentConfig } from './config.js';
import { improveTrained } from './local-improve.js';
import type { Cell, ExperimentReport } from './result-table.js';

/** Runs the experiment. */
export async function runLocalCensus(cfg: ExperimentConfig): Promise<ExperimentReport> {
  const tasks = resolveConfig(cfg);
  const summary: Cell[][] = [];
  const detail: Cell[][] = [];
  const timings: Record<string, unknown>[] = [];
  for (const task of tasks) {
    for (const model of cfg.models) {
      let circuits = 0, locallyMinimal = 0, skipped = 0, before = 0, after = 0;
      for (const run of trainSeeds(task, cfg, model)) {
        const r = run.result;
        if (!r.implementsSpec) continue;
        circuits++;
        const imp = await improveTrained(r.circuit, r.size, task, cfg);
        timings.push({ task: task.name, model, seed: r.seed, trainMs: run.ms, improveMs: imp?.ms ?? null, improveSynthTimeouts: imp?.synthTimeouts ?? null });
        if (!imp) {
          skipped++;
          detail.push([task.name, model, r.seed, r.size, null, null, null]);
          continue;
        }
        if (imp.replacements === 0) locallyMinimal++;
        before += imp.sizeBefore;
        after += imp.sizeAfter;
        detail.push([task.name, model, r.seed, r.size, imp.replacements === 0, imp.replacements, imp.sizeAfter]);
      }
      const done = circuits - skipped;
      summary.push([task.name, model, circuits, skipped, locallyMinimal, done ? Number((before / done).toFixed(2)) : null, done ? Number((after / done).toFixed(2)) : null]);
    }
  }
  return {
    name: 'local',
    config: configJson(cfg),
    notes: [
      'Census over the trained circuits that implement their task. Locally minimal = `waterloo improve` (B2, windows of <= 5 inputs and <= 7 gates, window order seed 1, the configured rounds, no overall time limit) finds no smaller replacement for any window it visits.',
      'Circuits larger than improveMaxSize are skipped (`-`).',
    ],
    tables: [
      { title: 'Summary per task and model', columns: ['task', 'model', 'circuits', 'skipped', 'locally minimal', 'mean size', 'mean size after improve'], rows: summary },
      { title: 'Per seed', columns: ['task', 'model', 'seed', 'size', 'locally minimal', 'replacements', 'size after improve'], rows: detail },
    ],
    timings: { runs: timings },
  };
}
