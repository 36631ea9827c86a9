/**
 * The format table: which file extensions waterloo reads and writes, and the
 * one place that dispatches to the per-format parsers and writers.
 */
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { readInputFile } from '../util/read-input.js';
import type { Circuit } from '../core/circuit.js';
import { parseAiger } from './aiger-read.js';
import { parseBench } from './bench-read.js';
import { parseBlif } from './blif-read.js';

/** Names of the circuit formats (exhaustive; see {@link FORMATS}). */
export type FormatName = 'aag' | 'aig' | 'bench' | 'blif' | 'verilog' | 'dot' | 'svg';

/** What a format can do. */
export interface FormatInfo {
  readonly name: FormatName;
  readonly extensions: readonly string[];
  readonly description: string;
  readonly read?: (data: Uint8Array, fileName: string) => Circuit;
  readonly write: (c: Circuit) => string | Uint8Array | Promise<string | Uint8Array>;
}

const text = (d: Uint8Array): string => new TextDecoder('latin1').decode(d);

/*
 * Readers are imported with the table because `read` is synchronous (and all
 * three are small); writers are imported on first use, so that a command
 * which only reads circuits (`eq`, `stats`) does not load six writer modules
 * at start-up.
 */

/** Every format waterloo knows. */
export const FORMATS: Readonly<Record<FormatName, FormatInfo>> = {
  aag: { name: 'aag', extensions: ['.aag'], description: 'AIGER ASCII', read: (d, f) => parseAiger(d, { fileName: f }), write: async (c) => (await import('./aiger-write.js')).writeAiger(c, { binary: false }) },
  aig: { name: 'aig', extensions: ['.aig'], description: 'AIGER binary', read: (d, f) => parseAiger(d, { fileName: f }), write: async (c) => (await import('./aiger-write.js')).writeAiger(c, { binary: true }) },
  bench: { name: 'bench', extensions: ['.bench'], description: 'ISCAS BENCH', read: (d, f) => parseBench(text(d), { fileName: f }), write: async (c) => (await import('./bench-write.js')).writeBench(c) },
  blif: { name: 'blif', extensions: ['.blif'], description: 'Berkeley BLIF (combinational)', read: (d, f) => parseBlif(text(d), { fileName: f }), write: async (c) => (await import('./blif-write.js')).writeBlif(c) },
  verilog: { name: 'verilog', extensions: ['.v'], description: 'gate-level Verilog (write only)', write: async (c) => (await import('./verilog.js')).writeVerilog(c) },
  dot: { name: 'dot', extensions: ['.dot', '.gv'], description: 'Graphviz DOT (write only)', write: async (c) => (await import('./dot.js')).writeDot(c) },
  svg: { name: 'svg', extensions: ['.svg'], description: 'SVG picture (write only)', write: async (c) => (await import('./svg.js')).renderSvg(c) },
};

/** The format of a path by its extension, or of an explicit name. */
export function formatOf(pathOrName: string, explicit?: string): FormatInfo {
  if (explicit !== undefined) {
    const f = (FORMATS as Record<string, FormatInfo>)[explicit.toLowerCase()];
    if (!f) throw new UsageError(`unknown format '${explicit}' (known: ${Object.keys(FORMATS).join(', ')})`, 'unknown-format');
    return f;
  }
  const ext = extname(pathOrName).toLowerCase();
  const f = Object.values(FORMATS).find((x) => x.extensions.includes(ext));
  if (!f) {
    throw new UsageError(`cannot tell the format of '${pathOrName}' from its extension (known: ${Object.values(FORMATS).flatMap((x) => x.extensions).join(' ')})`, 'unknown-format');
  }
  return f;
}

export { InputFileError } from '../util/read-input.js';

/** Reads a circuit file; `path` '-' reads stdin and then needs `format`. */
export function readCircuitFile(path: string, format?: string): Circuit {
  if (path === '-' && format === undefined) throw new UsageError('reading stdin needs --from FORMAT', 'unknown-format');
  const f = formatOf(path, format);
  if (!f.read) throw new UsageError(`${f.description} is a write-only format`, 'write-only');
  return f.read(readInputFile(path), path === '-' ? '<stdin>' : path);
}

/** Serialises a circuit in a format. */
export async function serializeCircuit(c: Circuit, format: FormatName): Promise<string | Uint8Array> {
  return FORMATS[format].write(c);
}

/** Writes a circuit to `path` atomically, format by extension unless given. */
export async function writeCircuitFile(c: Circuit, path: string, format?: string): Promise<void> {
  const f = formatOf(path, format);
  const data = await f.write(c);
  (await import('../util/atomic-write.js')).writeFileAtomic(path, data);
}
