/**
 * AIGER I/O (ASCII `.aag` and binary `.aig`, combinational subset of AIGER
 * 1.9). See aiger-read.ts and aiger-write.ts for the details of each side.
 */
export { parseAiger, parseAigerDetailed, MAX_AIGER_BINARY_INPUTS, type ParseAigerOptions, type AigerParseResult, type AigerHeader } from './aiger-read.js';
export { writeAiger, type WriteAigerOptions } from './aiger-write.js';
