/** The training experiments of issue 7: each writes a result table. Named re-exports only. */
export {
  DEFAULT_EXPERIMENT_CONFIG,
  DEFAULT_EXPERIMENT_TASKS,
  resolveConfig,
  type ExperimentConfig,
} from './config.js';
export { IsomorphismTable } from './canonical-circuit.js';
export { renderReportJson, renderReportMarkdown, renderReportLatex, renderTableCsv, tableCsvName, writeExperimentReport, type Cell, type ExperimentReport, type ExperimentTable } from './result-table.js';
export { runTrainedVsMin } from './trained-vs-min.js';
export { runSeedDiversity } from './seed-diversity.js';
export { runLocalCensus } from './local-census.js';
export { EXPERIMENTS, EXPERIMENT_NAMES, type ExperimentName } from './registry.js';
