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
      let circuits = 0, locallyMinimal = 0, cut = 0, before = 0, after = 0;
      for (const run of trainSeeds(task, cfg, model)) {
        const r = run.result;
        if (!r.implementsSpec) continue;
        circuits++;
        const imp = await improveTrained(r.circuit, task, cfg);
        timings.push({ task: task.name, model, seed: r.seed, trainMs: run.ms, improveMs: imp.ms, improveSynthTimeouts: imp.synthTimeouts, improveTimedOut: imp.timedOut });
        // a run cut by the time limit did not visit every window: it says nothing about local minimality
        const minimal = imp.timedOut ? null : imp.replacements === 0;
        if (imp.timedOut) cut++;
        if (minimal) locallyMinimal++;
        before += imp.sizeBefore;
        after += imp.sizeAfter;
        detail.push([task.name, model, r.seed, r.size, minimal, imp.replacements, imp.sizeAfter, imp.timedOut]);
      }
      summary.push([task.name, model, circuits, cut, locallyMinimal, circuits ? Number((before / circuits).toFixed(2)) : null, circuits ? Number((after / circuits).toFixed(2)) : null]);
    }
  }
  return {
    name: 'local',
    config: configJson(cfg),
    notes: [
      'Census over the trained circuits that implement their task. Locally minimal = `waterloo improve` (B2, windows of <= 5 inputs and <= 7 gates, window order seed 1, the configured rounds) finds no smaller replacement for any window it visits.',
      'Every circuit is improved, whatever its size, within improveTimeLimitMs; a run cut by that limit (`time limit hit`) is neither counted nor shown as locally minimal (`-`), and its size after improve depends on the machine.',
    ],
    tables: [
      { title: 'Summary per task and model', columns: ['task', 'model', 'circuits', 'time limit hit', 'locally minimal', 'mean size', 'mean size after improve'], rows: summary },
      { title: 'Per seed', columns: ['task', 'model', 'seed', 'size', 'locally minimal', 'replacements', 'size after improve', 'time limit hit'], rows: detail },
    ],
    timings: { runs: timings },
  };
}
