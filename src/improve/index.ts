/**
 * SAT-based circuit local improvement (issue 6 part B): the driver
 * (driver.ts), windows (window.ts), plateau moves (plateau.ts), the checks
 * on every kept circuit (replacement-check.ts), parameters (params.ts), and
 * the quick upper bound built on it (upper-bound.ts).
 */
export { improve } from './driver.js';
export { DEFAULT_IMPROVE_PARAMS, MAX_IMPROVE_WINDOW_INPUTS, type ImproveParams, type ImproveResult, type ImproveStats } from './params.js';
