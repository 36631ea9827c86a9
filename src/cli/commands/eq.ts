import { dirname, extname, resolve } from 'node:path';
import {
  checkEquivalence,
  InputFileError,
  nodeLabel,
  readInputFile,
  ParseError,
  readCircuitFile,
  UsageError,
  type CheckEquivalenceParams,
  type Circuit,
  type EquivalenceVerdict,
} from '../../api/verify.js';
import type { FunctionSpec, WindowVerdict } from '../../api/window.js';
import { defineCommand, printJson, type CommandIo } from '../command.js';
import { jsonOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { EXIT } from '../exit-codes.js';

function bits(xs: readonly boolean[]): string {
  return xs.map((x) => (x ? '1' : '0')).join('');
}

function splitList(s: string, what: string): string[] {
  const items = s.split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (items.length === 0) throw new UsageError(`eq: ${what} is empty`, 'bad-window');
  return items;
}

/** The text report of a window check; leaves and roots by their names in `circuit` (`t0=!b (leaf 1, node 2)`). */
function reportWindow(circuit: Circuit, v: WindowVerdict, json: boolean, io: CommandIo): number {
  if (json) {
    printJson(io, { ...v, ...(v.verdict === 'different' && v.counterexample ? { counterexample: bits(v.counterexample) } : {}) });
  } else if (v.verdict === 'equivalent') {
    const m = v.mapping;
    const ins = m.inputPerm.map((leaf, j) => `t${j}=${m.inputNegations[j] ? '!' : ''}${nodeLabel(circuit, v.leaves[leaf]!)} (leaf ${leaf}, node ${v.leaves[leaf]})`).join(' ');
    const outs = m.outputPerm.map((root, k) => `out${k}=${m.outputNegations[k] ? '!' : ''}${nodeLabel(circuit, v.roots[root]!)} (root ${root}, node ${v.roots[root]})`).join(' ');
    io.out(`equivalent (${v.method}): ${ins}; ${outs}\n`);
  } else if (v.verdict === 'different') {
    if (v.counterexample) io.out(`different: root ${v.output} differs for leaf values ${bits(v.counterexample)} (leaf 0 first)\n`);
    else io.out(`different (${v.method}): ${v.reason ?? ''}\n`);
  } else io.out(`unknown (${v.reason})\n`);
  return v.verdict === 'equivalent' ? EXIT.ok : v.verdict === 'different' ? EXIT.negative : EXIT.unknown;
}

/** The --json object of a pair check (also each line of `--pairs --json`). */
function verdictJson(v: EquivalenceVerdict): Record<string, unknown> {
  if (v.verdict === 'different') {
    return { verdict: v.verdict, output: v.outputName, outputIndex: v.output, counterexample: bits(v.counterexample), valueA: v.valueA, valueB: v.valueB, method: v.method, stats: v.stats };
  }
  if (v.verdict === 'unknown') return { verdict: v.verdict, reason: v.reason, stats: v.stats };
  return { verdict: v.verdict, method: v.method, ...(v.backend ? { backend: v.backend } : {}), stats: v.stats };
}

function exitCodeOf(v: EquivalenceVerdict): number {
  return v.verdict === 'equivalent' ? EXIT.ok : v.verdict === 'different' ? EXIT.negative : EXIT.unknown;
}

/** One line of a pairs file: the two paths as written, and resolved. */
interface PairLine {
  readonly line: number;
  readonly a: string;
  readonly b: string;
  readonly pathA: string;
  readonly pathB: string;
}

/**
 * Parses a pairs file (`A B` per line; a token starting with `#` starts a
 * comment). The whole file is parsed before any check, so a typo on the last
 * line costs nothing.
 */
function parsePairs(text: string, fileName: string, baseDir: string): PairLine[] {
  const pairs: PairLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const tokens: { text: string; column: number }[] = [];
    for (const m of raw.matchAll(/\S+/g)) {
      if (m[0].startsWith('#')) break;
      tokens.push({ text: m[0], column: m.index + 1 });
    }
    if (tokens.length === 0) return;
    if (tokens.length === 1) {
      const t = tokens[0]!;
      throw new ParseError("expected two circuit paths 'A B', found one", 'unexpected-eof', fileName, i + 1, t.column + t.text.length);
    }
    if (tokens.length > 2) throw new ParseError(`expected two circuit paths 'A B', found a third: '${tokens[2]!.text}'`, 'unexpected-token', fileName, i + 1, tokens[2]!.column);
    const [a, b] = [tokens[0]!.text, tokens[1]!.text];
    pairs.push({ line: i + 1, a, b, pathA: resolve(baseDir, a), pathB: resolve(baseDir, b) });
  });
  return pairs;
}

function readPairsFile(file: string): PairLine[] {
  const text = readInputFile(file).toString('utf8');
  return file === '-' ? parsePairs(text, '<stdin>', process.cwd()) : parsePairs(text, file, dirname(resolve(file)));
}

function pairText(p: PairLine, v: EquivalenceVerdict, ms: number): string {
  const t = `${Math.round(ms)} ms`;
  if (v.verdict === 'equivalent') return `${p.a} ${p.b}: equivalent (${v.method}${v.backend ? `, ${v.backend}` : ''}, ${t})\n`;
  if (v.verdict === 'different') {
    return `${p.a} ${p.b}: different (${v.method}, ${t}): output ${v.outputName}, counterexample ${bits(v.counterexample)} (x0 first; ${v.valueA ? 1 : 0} in A, ${v.valueB ? 1 : 0} in B)\n`;
  }
  return `${p.a} ${p.b}: unknown (${v.reason}, ${t})\n`;
}

/**
 * Checks every pair of a pairs file in this process, reporting each as it
 * finishes. Each pair's files are read afresh and nothing is kept between
 * checks: the point is to pay Node's start-up once, not to share work.
 */
async function checkPairs(file: string, params: Partial<CheckEquivalenceParams>, json: boolean, io: CommandIo): Promise<number> {
  const pairs = readPairsFile(file);
  if (pairs.length === 0) throw new InputFileError(`${file === '-' ? '<stdin>' : file}: no pairs to check (expected lines 'A B')`, 'empty');
  let different = false;
  let unknown = false;
  for (const p of pairs) {
    const t0 = performance.now();
    let v: EquivalenceVerdict;
    try {
      v = await checkEquivalence(readCircuitFile(p.pathA), readCircuitFile(p.pathB), { ...params, labels: [p.a, p.b] });
    } catch (e) {
      // Bad input (or circuits that do not pair up) stops the batch with that error's exit code, as for a
      // single pair; say which pair, and what the pairs before it found
      const before = different ? '; an earlier pair was different' : unknown ? '; an earlier pair was unknown' : '';
      io.err(`waterloo eq: ${file === '-' ? '<stdin>' : file}:${p.line}: cannot check '${p.a} ${p.b}'; the batch stops here${before}\n`);
      throw e;
    }
    const ms = performance.now() - t0;
    if (json) printJson(io, { a: p.a, b: p.b, line: p.line, ...verdictJson(v), ms: Math.round(ms) });
    else io.out(pairText(p, v, ms));
    different ||= v.verdict === 'different';
    unknown ||= v.verdict === 'unknown';
  }
  return different ? EXIT.negative : unknown ? EXIT.unknown : EXIT.ok;
}

/** Extensions of a truth-table file given as eq's second positional (the rest are circuits); those readSpec reads as tables. */
const SPEC_FILE_EXTENSIONS = new Set(['.truth', '.hex', '.tt']);

/**
 * `eq CIRCUIT SPEC`: the circuit against a function (--problem, --tt/--inputs
 * or a truth-table file), by exhaustive simulation. Loads spec-input (and
 * with it the whole library) only here, so the two-circuit path stays light.
 */
async function checkCircuitAgainstSpec(
  opts: { tt?: string | undefined; inputs?: number | undefined; problem?: string | undefined; method: string; json?: boolean | undefined },
  args: readonly string[],
  io: CommandIo,
): Promise<number> {
  if (args.length < 1 || args.length > 2) throw new UsageError('eq: expects CIRCUIT and one spec: --problem NAME, --tt HEX[,HEX] --inputs N, or a .truth/.hex file');
  if (opts.method === 'sat') throw new UsageError('eq: checking a circuit against a spec is exhaustive simulation; --method sat is for two circuits');
  const [{ readSpec }, { checkAgainstSpec, hasDontCares }] = await Promise.all([import('../spec-input.js'), import('../../index.js')]);
  const source = readSpec('eq', { tt: opts.tt, inputs: opts.inputs, problem: opts.problem }, args.slice(1));
  const file = args[0]!;
  const circuit = readCircuitFile(file);
  const v = checkAgainstSpec(circuit, source.spec, { circuit: file, spec: source.label });
  const dc = hasDontCares(source.spec);
  if (opts.json) {
    if (v.verdict === 'equivalent') printJson(io, { verdict: v.verdict, method: v.method, spec: source.label, dontCares: dc, stats: v.stats });
    else {
      printJson(io, {
        verdict: v.verdict,
        method: v.method,
        spec: source.label,
        dontCares: dc,
        output: v.outputName,
        outputIndex: v.output,
        counterexample: bits(v.counterexample),
        minterm: v.minterm,
        expected: v.expected,
        got: v.got,
        stats: v.stats,
      });
    }
  } else if (v.verdict === 'equivalent') {
    io.out(`equivalent (${v.method}): ${file} computes ${source.label}${dc ? ' on its care set' : ''}\n`);
  } else {
    io.out(
      `different: output ${v.outputName} (index ${v.output}) is ${v.got ? 1 : 0} in ${file} but ${source.label} wants ${v.expected ? 1 : 0} ` +
        `for input ${bits(v.counterexample)} (x0 first; minterm ${v.minterm})\n`,
    );
  }
  return v.verdict === 'equivalent' ? EXIT.ok : EXIT.negative;
}

const WINDOW_OPTIONS = ['window', 'leaves', 'tt', 'problem', 'any-input-order', 'any-output-order', 'negations'] as const;

export const eqCommand = defineCommand({
  name: 'eq',
  summary: 'check whether two circuits (or a circuit and a function, or a window and a function) are equivalent (exit 0 equivalent, 1 different, 4 unknown)',
  usage:
    'A B [--match name|position] [--method auto|exhaustive|sat] [--timeout S] [--json]\n' +
    '       eq CIRCUIT (--problem NAME | --tt HEX[,HEX] --inputs N | SPEC.truth | SPEC.hex) [--json]\n' +
    '       eq --pairs FILE [--match name|position] [--method auto|exhaustive|sat] [--timeout S] [--json]\n' +
    '       eq --window ROOTS --leaves LEAVES CIRCUIT [SPEC_CIRCUIT | --tt HEX --inputs N | --problem NAME] [--any-input-order] [--any-output-order] [--negations] [--json]',
  description:
    'The counterexample lists input values in A\'s input order, input 0 first ("counterexample": "0101..." means x0=0, x1=1, ...); it is replayed by simulation on both circuits before it is printed. ' +
    'With a spec instead of B (--problem maj:5, --tt HEX[,HEX] --inputs N, or a second positional ending in .truth, .hex or .tt, read as by `waterloo min`), CIRCUIT is checked against the function by exhaustive simulation (inputs and outputs by position: input i is x_i, output k is table k; don\'t-care minterms of the spec are ignored); "different" names the output (and its index), the input vector and minterm, and the value the spec expects against the one CIRCUIT computes, replayed by simulation before it is printed. Different input or output counts are bad input (exit 3) naming both counts. ' +
    'With --pairs FILE, every line `A B` of FILE (whitespace-separated paths, relative to FILE\'s directory; blank lines and # comments skipped; FILE - reads stdin, relative to the current directory) is checked in this one process, with the same options and --timeout per pair, and reported as it finishes: "A B: equivalent (sat, 12 ms)", or with --json one JSON object per line (the single-pair fields plus a, b, line and ms, the pair\'s time including reading its files). A malformed line is reported before any check; a circuit file that cannot be read stops the batch (exit 3) after the pairs before it have been reported. ' +
    'With --window, the logic of CIRCUIT between the cut LEAVES and the ROOTS (comma-separated node ids or names) is compared with a circuit file, a truth table (--tt, hex, x0 = LSB; comma-separated for several outputs) or a problem (--problem maj:3); leaf i is target input i unless --any-input-order.',
  options: {
    match: { type: 'string', help: 'pair inputs and outputs by name or by position', default: 'name', choices: ['name', 'position'] },
    method: { type: 'string', help: 'exhaustive simulation (<= 20 inputs), SAT sweeping, or auto (exhaustive up to 16 inputs)', default: 'auto', choices: ['auto', 'exhaustive', 'sat'] },
    backend: backendOption(),
    timeout: timeoutOption('time limit in seconds (0 = none)'),
    window: { type: 'string', help: 'window mode: the roots (comma-separated node ids or names)', metavar: 'ROOTS' },
    leaves: { type: 'string', help: 'window mode: the leaves, a cut of the roots', metavar: 'LEAVES' },
    tt: { type: 'string', help: 'spec or window target: truth table(s) in hex, comma-separated per output (x0 = LSB of the minterm; MAJ3 = e8)', metavar: 'HEX' },
    inputs: { type: 'int', help: 'number of inputs of --tt', min: 0, max: 20, metavar: 'N' },
    problem: { type: 'string', help: 'spec or window target: a named problem, e.g. maj:5, fa (waterloo problem --list)', metavar: 'NAME' },
    'any-input-order': { type: 'boolean', help: 'window mode: search for the input correspondence' },
    'any-output-order': { type: 'boolean', help: 'window mode: search for the output correspondence' },
    negations: { type: 'boolean', help: 'window mode: allow complemented inputs/outputs in the correspondence' },
    pairs: { type: 'string', help: 'check every pair `A B` listed in FILE, one per line, in one process; exit 1 if any pair is different, else 4 if any is unknown, else 0', metavar: 'FILE' },
    json: jsonOption('print one JSON object (with --pairs, one per pair and line)'),
  },
  // --pairs: the limit is per pair, held by the library only
  hardLimitSeconds: (opts) => (opts.pairs === undefined ? opts.timeout : undefined),
  async run(opts, args, io) {
    io.checkpoint?.({ stdout: opts.json ? JSON.stringify({ verdict: 'unknown', reason: 'time' }) + '\n' : 'unknown (time)\n', exitCode: EXIT.unknown });
    const backend = opts.backend;
    const params: Partial<CheckEquivalenceParams> = {
      match: opts.match as 'name' | 'position',
      method: opts.method as 'auto' | 'exhaustive' | 'sat',
      backend,
      timeLimitMs: Math.round(opts.timeout * 1000),
    };
    if (opts.pairs !== undefined) {
      const windowOption = opts.inputs ? 'inputs' : WINDOW_OPTIONS.find((o) => opts[o] !== undefined && opts[o] !== false);
      if (args.length > 0) throw new UsageError(`eq --pairs: takes no circuit arguments (got '${args[0]}'); the pairs come from the file`);
      if (windowOption) throw new UsageError(`eq --pairs: --${windowOption} is for window mode, not for pairs`);
      return checkPairs(opts.pairs, params, opts.json === true, io);
    }
    if (opts.window !== undefined || opts.leaves !== undefined) {
      if (opts.window === undefined || opts.leaves === undefined) throw new UsageError('eq: --window and --leaves go together', 'bad-window');
      const targets = [opts.tt !== undefined, opts.problem !== undefined, args.length === 2].filter(Boolean).length;
      if (args.length < 1 || args.length > 2 || targets !== 1) {
        throw new UsageError('eq --window: expects CIRCUIT and exactly one target: a second circuit file, --tt HEX --inputs N, or --problem NAME', 'bad-window');
      }
      // window mode loads its own facet (NPN matching, the problem catalogue) only when used
      const { checkWindowEquivalence, parseProblem, specFromHex } = await import('../../api/window.js');
      const circuit = readCircuitFile(args[0]!);
      let target: FunctionSpec | Circuit;
      if (opts.tt !== undefined) {
        if (!opts.inputs) throw new UsageError('eq: --tt needs --inputs N', 'bad-window');
        target = specFromHex(splitList(opts.tt, '--tt'), opts.inputs);
      } else if (opts.problem !== undefined) target = parseProblem(opts.problem).spec;
      else target = readCircuitFile(args[1]!);
      const v = await checkWindowEquivalence(
        circuit,
        { roots: splitList(opts.window, '--window'), leaves: splitList(opts.leaves, '--leaves') },
        target,
        {
          anyInputOrder: opts['any-input-order'] === true,
          anyOutputOrder: opts['any-output-order'] === true,
          allowNegations: opts.negations === true,
          backend,
          timeLimitMs: Math.round(opts.timeout * 1000),
        },
      );
      return reportWindow(circuit, v, opts.json === true, io);
    }
    const specFile = args.length === 2 && SPEC_FILE_EXTENSIONS.has(extname(args[1]!).toLowerCase());
    if (opts.tt !== undefined || opts.problem !== undefined || specFile) return checkCircuitAgainstSpec(opts, args, io);
    if (args.length !== 2) throw new UsageError('eq: expects two circuit files A and B, or CIRCUIT and a spec (--problem NAME, --tt HEX --inputs N, or a .truth/.hex file)');
    const a = readCircuitFile(args[0]!);
    const b = readCircuitFile(args[1]!);
    const v = await checkEquivalence(a, b, { ...params, labels: [args[0]!, args[1]!] });
    if (opts.json) printJson(io, verdictJson(v));
    else if (v.verdict === 'different') {
      io.out(`different: output ${v.outputName} is ${v.valueA ? 1 : 0} in A and ${v.valueB ? 1 : 0} in B for input ${bits(v.counterexample)} (x0 first)\n`);
    } else if (v.verdict === 'unknown') io.out(`unknown (${v.reason})\n`);
    else io.out(`equivalent (${v.method}${v.backend ? `, ${v.backend}` : ''})\n`);
    return exitCodeOf(v);
  },
});
