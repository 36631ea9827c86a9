/** Public API facet (see errors.ts): the basis table, for the CLI's `--basis` option without the whole library. */
export { BASES, basisByName, type BasisName, type BasisInfo } from '../core/basis.js';
