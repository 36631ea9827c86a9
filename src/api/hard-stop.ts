/** Public API facet: the grace of a hard time limit, for the CLI's supervisor (hard-limit.ts) without the whole library. */
export { hardStopGraceMs } from '../util/hard-stop.js';
