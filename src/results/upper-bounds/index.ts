/** The upper-bound attempt of issue 19: best known sizes, the run, its checks and its table. */
export { BEST_KNOWN_SIZES, BEST_KNOWN_SOURCE, upperBoundInstances, upperBoundProblem, type UpperBoundFamily, type UpperBoundInstance } from './best-known.js';
export { runUpperBounds, readUpperBounds, upperBoundTimeout, UPPER_BOUNDS_LAYOUT, UPPER_BOUNDS_TIMEOUT_SECONDS, type UpperBoundEntry, type UpperBoundsFile, type UpperBoundsParams, type UpperBoundsResult } from './run.js';
export { verifyUpperBoundCircuit, type UpperBoundCheck, type VerifyUpperBoundOptions } from './verify.js';
export { abcAvailable, abcCecAgainstSpec, abcOptimize, type AbcCecOutcome } from './abc-peer.js';
export { formatUpperBoundsMarkdown } from './render.js';
