/** Public API facet (see errors.ts): the names of the SAT backends, for the CLI's `--backend` option without the whole library. */
export { BACKEND_NAMES, type BackendName } from '../sat/registry.js';
