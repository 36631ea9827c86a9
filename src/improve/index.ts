/** SAT-based circuit local improvement (issue 6 part B). */
export {
  improve,
  DEFAULT_IMPROVE_PARAMS,
  MAX_IMPROVE_WINDOW_INPUTS,
  type ImproveParams,
  type ImproveResult,
  type ImproveStats,
} from './improve.js';
