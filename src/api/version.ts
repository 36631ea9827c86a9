/** Public API facet: the version, for `waterloo --version` (loaded only then; see errors.ts). */
export { waterlooVersion, packageRoot } from '../version.js';
