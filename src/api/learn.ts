/**
 * Public API facet for the learned-model commands (`extract` of integer
 * networks, `neurons`, and the `--neuron`/`--layer` selection of `find`,
 * `census-windows` and `improve`): reading quantized models, neuron-by-neuron
 * extraction, provenance and the differential check.
 */
export * from './errors.js';
export { parseProvenanceJson, provenanceJson } from '../learn/qnn/provenance.js';
export { selectByProvenance } from '../learn/qnn/select-neurons.js';
export { readIntModel, readQuantizedModelHook } from '../learn/qnn/read-int-model.js';
export { extractIntNetwork } from '../learn/qnn/extract.js';
export type { IntOutputMode } from '../learn/qnn/compile.js';
export type { IntNetwork } from '../learn/qnn/network.js';
export { differentialCheck, type DifferentialResult } from '../learn/qnn/differential.js';
export type { QonnxImportOptions } from '../learn/qnn/to-int-network.js';
export { neuronsReport, MAX_TABLE_SUPPORT } from '../learn/qnn/neurons-report.js';
export type { BnnInputEncoding } from '../learn/bnn/network.js';
export { readInputFile } from '../util/read-input.js';
export { writeFileAtomic } from '../util/atomic-write.js';
export { writeCircuitFile } from '../io/formats.js';
export type { Circuit } from '../core/circuit.js';
