/** Training circuits: differentiable logic-gate networks, extraction, and the model dispatcher. Named re-exports only. */
export { datasetOfSpec, datasetOfTask, MAX_TRAIN_INPUTS, type TruthDataset } from './dataset.js';
export {
  evaluateGateNetwork,
  gateNetworkFromJson,
  gateNetworkToJson,
  networkGates,
  type GateNetwork,
  type GateNetworkJson,
} from './gate-network.js';
export { Adam, type AdamOptions } from './adam.js';
export {
  trainDiffLogic,
  networkAccuracy,
  RelaxedGateNetwork,
  defaultWidth,
  DEFAULT_DIFFLOGIC_OPTIONS,
  type DiffLogicOptions,
  type DiffLogicResult,
} from './difflogic.js';
export { extractCircuit, cleanCircuit, type ExtractOptions } from './extract.js';
export {
  trainModel,
  TRAIN_MODELS,
  type TrainModelName,
  type TrainModelOptions,
  type TrainModelResult,
  type TrainedNetwork,
} from './train-model.js';
