/** The experiments by name, as `waterloo experiment NAME` runs them. */
import type { ExperimentConfig } from './config.js';
import { runLocalCensus } from './local-census.js';
import type { ExperimentReport } from './result-table.js';
import { runSeedDiversity } from './seed-diversity.js';
import { runTrainedVsMin } from './trained-vs-min.js';
import { runRealNetworks } from './real-networks.js';

/** Names of the experiments. */
export type ExperimentName = 'trained-vs-min' | 'seed-diversity' | 'local' | 'real-networks';

/** Each experiment: a one-line summary and its runner. */
export const EXPERIMENTS: Readonly<Record<ExperimentName, { readonly summary: string; readonly run: (cfg: ExperimentConfig) => Promise<ExperimentReport> }>> = {
  'trained-vs-min': { summary: 'trained circuit size vs proven minimum size, per task and seed', run: runTrainedVsMin },
  'seed-diversity': { summary: 'distinct (non-isomorphic) circuits over seeds, and subcircuit-matcher coverage', run: runSeedDiversity },
  local: { summary: 'local-minimality census and local improvement of trained circuits', run: runLocalCensus },
  'real-networks': { summary: 'imported networks (MODEL... after the name) extracted and proven per neuron: per layer, neurons kept/constant/removed, fan-in, gates, small neurons already minimal, what find recognises', run: runRealNetworks },
};

/** The experiment names, in table order. */
export const EXPERIMENT_NAMES = Object.keys(EXPERIMENTS) as ExperimentName[];
