/** Reading a function spec from CLI arguments: --tt/--inputs, --problem, or a file. */
import { extname } from 'node:path';
import {
  readInputFile,
  makeSpec,
  parseHexTruth,
  parseIwlsTruth,
  parseProblem,
  readCircuitFile,
  simulateTruthTables,
  specFromHex,
  UsageError,
  MAX_SPEC_INPUTS,
  type FunctionSpec,
} from '../index.js';

/** A spec and where it came from. */
export interface SpecSource {
  readonly spec: FunctionSpec;
  /** Human-readable origin: `maj:5`, `tt:e8`, a file path. */
  readonly label: string;
  readonly inputNames?: readonly string[];
  readonly outputNames?: readonly string[];
}

/** Options every spec-taking command declares. */
export const SPEC_OPTIONS = {
  tt: { type: 'string', help: 'truth tables in hex, comma-separated (bit order: x0 is the least significant bit of the minterm; MAJ3 = e8)', metavar: 'HEX[,HEX]' },
  inputs: { type: 'int', help: `number of inputs for --tt (0..${MAX_SPEC_INPUTS})`, min: 0, max: MAX_SPEC_INPUTS, metavar: 'N' },
  problem: { type: 'string', help: 'a named problem, e.g. maj:5, sum:4, mod3:4:0 (waterloo problem --list)', metavar: 'NAME' },
} as const;

/**
 * Resolves the spec from `--tt`/`--inputs`, `--problem`, or one positional
 * file (.truth = IWLS, .hex/.tt = hex tables, otherwise a circuit whose
 * function is taken).
 */
export function readSpec(command: string, opts: { tt?: string | undefined; inputs?: number | undefined; problem?: string | undefined }, args: readonly string[]): SpecSource {
  const given = [opts.tt !== undefined, opts.problem !== undefined, args.length > 0].filter(Boolean).length;
  if (given !== 1) throw new UsageError(`${command}: give exactly one spec: --tt HEX --inputs N, --problem NAME, or a FILE`);
  if (opts.tt !== undefined) {
    if (opts.inputs === undefined) throw new UsageError(`${command}: --tt needs --inputs N`);
    const tables = opts.tt.split(',').map((s) => s.trim());
    return { spec: specFromHex(tables, opts.inputs), label: `tt:${tables.join(',')}` };
  }
  if (opts.problem !== undefined) {
    const p = parseProblem(opts.problem);
    return { spec: p.spec, label: p.name, inputNames: p.inputNames };
  }
  if (args.length !== 1) throw new UsageError(`${command}: expects one FILE`);
  const file = args[0]!;
  const ext = extname(file).toLowerCase();
  if (ext === '.truth' || ext === '.hex' || ext === '.tt') {
    const text = readInputFile(file).toString('latin1');
    const spec = ext === '.truth' ? parseIwlsTruth(text, { fileName: file }) : parseHexTruth(text, { fileName: file });
    return { spec, label: file };
  }
  const c = readCircuitFile(file);
  if (c.numInputs > MAX_SPEC_INPUTS) throw new UsageError(`${command}: ${file} has ${c.numInputs} inputs; specs are limited to ${MAX_SPEC_INPUTS}`);
  return { spec: makeSpec(c.numInputs, simulateTruthTables(c)), label: file, inputNames: c.inputNames, outputNames: c.outputNames };
}
