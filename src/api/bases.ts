/** Public API facet (see errors.ts): the basis table, for the CLI's `--basis` option without the whole library. */
export { BASES, basisByName, basisInfo, parseOpsBasis, isOpsBasis, type BasisName, type BasisInfo, type NamedBasisName, type OpsBasisName } from '../core/basis.js';
