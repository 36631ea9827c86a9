/**
 * Learned models: binarized / integer-quantized MLPs (model, exact semantics,
 * STE training, extraction into verified circuits), differentiable logic-gate
 * networks, the shared data set and optimiser, the model formats (JSON, ONNX)
 * and the training dispatcher. Named re-exports only.
 */
export {
  type BnnNetwork,
  type BnnLayer,
  type BnnActivation,
  type BnnInputEncoding,
  type ThresholdNeuron,
  MAX_BNN_MAGNITUDE,
  MAX_BNN_WEIGHTS,
  MAX_BNN_EXHAUSTIVE_INPUTS,
  validateBnn,
  evaluateBnn,
  bnnTruthTables,
  bnnTruthTablesUntil,
  bnnOutputs,
  bnnNeurons,
  neuronThreshold,
  thresholdTable,
} from './bnn/network.js';
export { trainBnn, type TrainBnnOptions, type TrainBnnResult } from './bnn/train.js';
export {
  extractBnn,
  extractBnnCircuit,
  MAX_EXTRACT_GATES,
  extractGateBound,
  type ExtractBnnOptions,
  type ExtractBnnOutcome,
  type ExtractBnnNotBuilt,
  type ExtractBnnResult, type ExtractBnnStats, type ExtractBasis } from './bnn/extract.js';
export { referenceCircuit } from './bnn/reference-circuit.js';
export { parseBnnJson, writeBnnJson, BNN_JSON_FORMAT } from './formats/bnn-json.js';
export { parseOnnx, ONNX_INPUT_ENCODING_KEY, type ParseOnnxOptions } from './formats/onnx-read.js';
export { writeOnnx } from './formats/onnx-write.js';
export {
  readBnnModel,
  bnnModelFormatOf,
  readQuantizedModel,
  readQuantizedImport,
  isQuantizedOnnx,
  readModel,
  type BnnModelFormat,
  type ReadModel,
} from './formats/read-model.js';
export { importQonnx, qonnxToIntNetwork, MAX_NEURON_STEPS, type QonnxImport, type QonnxImportOptions, type RawInputMap, type LayerTensorMap } from './qnn/to-int-network.js';
export { decodeQonnx, isQonnxGraph, QONNX_DOMAINS, QONNX_CUSTOM_OPS, QONNX_STANDARD_OPS, type QGraph, type QNode } from './qnn/qonnx-read.js';
export { interpretGraph, type FTensor, type Interpretation, type InterpretOptions } from './qnn/float-interpret.js';
export { differentialCheck, fastEvaluator, type DifferentialOptions, type DifferentialResult, type Disagreement } from './qnn/differential.js';
export { datasetOfSpec, datasetOfTask, MAX_TRAIN_INPUTS, type TruthDataset } from './dataset.js';
export {
  evaluateGateNetwork,
  gateNetworkFromJson,
  gateNetworkToJson,
  networkGates,
  type GateNetwork,
  type GateNetworkJson,
} from './logic-net/gate-network.js';
export { Adam, type AdamOptions } from './adam.js';
export {
  trainDiffLogic,
  networkAccuracy,
  RelaxedGateNetwork,
  defaultWidth,
  DEFAULT_DIFFLOGIC_OPTIONS,
  type DiffLogicOptions,
  type DiffLogicResult,
} from './logic-net/difflogic.js';
export { extractCircuit, cleanCircuit, type ExtractOptions } from './logic-net/extract.js';
export {
  trainModel,
  TRAIN_MODELS,
  type TrainModelName,
  type TrainModelOptions,
  type TrainModelResult,
  type TrainedNetwork,
} from './train-model.js';
export { compileIntNetwork, MAX_INT_EXTRACT_GATES, type IntOutputMode, type CompiledIntNetwork } from './qnn/compile.js';
export { extractIntNetwork, type ExtractIntOptions, type ExtractIntResult } from './qnn/extract.js';
export { proveCompiledNetwork, type NetworkProof, type PartProof } from './qnn/neuron-proof.js';
export { analyzeRanges, type NetworkRanges, type IntInterval } from './qnn/range.js';
export { provenanceJson, parseProvenanceJson, PROVENANCE_FORMAT, type ProvenanceJson } from './qnn/provenance.js';
export { selectByProvenance } from './qnn/select-neurons.js';
export { neuronsReport, MAX_TABLE_SUPPORT, type NeuronReport } from './qnn/neurons-report.js';
export { codeBits, codeValue, codeRange, evaluateIntNetwork, firstArgmax, type IntNetwork, type IntLayer, type IntInput, type IntActivation, type ValueCode } from './qnn/network.js';
export { bnnToIntNetwork } from './qnn/from-bnn.js';
export { readIntModel, readQuantizedModelHook } from './qnn/read-int-model.js';
