/** Public API facet for `waterloo eq` (see errors.ts): equivalence checking and what it reads. */
export * from './errors.js';
export { checkEquivalence, type CheckEquivalenceParams } from '../verify/equivalence.js';
export type { EquivalenceVerdict } from '../verify/verdict.js';
export { readCircuitFile, InputFileError } from '../io/formats.js';
export { readInputFile } from '../util/read-input.js';
export type { BackendName } from '../sat/registry.js';
export type { Circuit } from '../core/circuit.js';
export { nodeLabel } from '../io/listing.js';
