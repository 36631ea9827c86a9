/**
 * Public API facet for `waterloo eq --window` (see errors.ts): window
 * equivalence and its targets. Separate from verify.ts so that a plain
 * `eq A B` does not load NPN matching and the problem catalogue.
 */
export * from './errors.js';
export { checkWindowEquivalence, type WindowVerdict } from '../verify/window.js';
export { specFromHex, type FunctionSpec } from '../tt/spec.js';
export { parseProblem } from '../problems/index.js';
export { readCircuitFile } from '../io/formats.js';
export type { BackendName } from '../sat/registry.js';
export type { Circuit } from '../core/circuit.js';
