/**
 * Berkeley BLIF I/O (combinational). See blif-read.ts and blif-write.ts for
 * the details of each side; readers that only parse import blif-read.ts,
 * which keeps the writer out of their start-up.
 */
export { parseBlif, BLIF_MAX_LUT_INPUTS, type ParseBlifOptions } from './blif-read.js';
export { writeBlif, type WriteBlifOptions } from './blif-write.js';
