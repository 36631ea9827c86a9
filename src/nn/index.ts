/**
 * Binarized / integer-quantized MLPs: the network model and its exact
 * semantics, STE training, exact extraction into verified circuits, and the
 * JSON and ONNX readers and writers. Named re-exports only.
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
} from './network.js';
export { trainBnn, type TrainBnnOptions, type TrainBnnResult } from './train.js';
export {
  extractBnn,
  extractBnnCircuit,
  MAX_EXTRACT_GATES,
  extractGateBound,
  type ExtractBnnOptions,
  type ExtractBnnOutcome,
  type ExtractBnnNotBuilt,
  type ExtractBnnResult, type ExtractBnnStats, type ExtractBasis } from './extract.js';
export { referenceCircuit } from './reference-circuit.js';
export { parseBnnJson, writeBnnJson, BNN_JSON_FORMAT } from './json-format.js';
export { parseOnnx, ONNX_INPUT_ENCODING_KEY, type ParseOnnxOptions } from './onnx-read.js';
export { writeOnnx } from './onnx-write.js';
export { readBnnModel, bnnModelFormatOf, type BnnModelFormat } from './read-model.js';
