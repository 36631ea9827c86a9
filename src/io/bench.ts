/**
 * ISCAS BENCH I/O. See bench-read.ts and bench-write.ts for the details of
 * each side; readers that only parse import bench-read.ts, which keeps the
 * writer out of their start-up.
 */
export { parseBench, type ParseBenchOptions } from './bench-read.js';
export { writeBench, type WriteBenchOptions } from './bench-write.js';
