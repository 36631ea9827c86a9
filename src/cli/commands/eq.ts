import {
  checkEquivalence,
  checkWindowEquivalence,
  parseProblem,
  readCircuitFile,
  specFromHex,
  UsageError,
  type BackendName,
  type Circuit,
  type FunctionSpec,
  type WindowVerdict,
} from '../../api/verify.js';
import { defineCommand, printJson, type CommandIo } from '../command.js';
import { EXIT } from '../exit-codes.js';

function bits(xs: readonly boolean[]): string {
  return xs.map((x) => (x ? '1' : '0')).join('');
}

function splitList(s: string, what: string): string[] {
  const items = s.split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (items.length === 0) throw new UsageError(`eq: ${what} is empty`, 'bad-window');
  return items;
}

function reportWindow(v: WindowVerdict, json: boolean, io: CommandIo): number {
  if (json) {
    printJson(io, { ...v, ...(v.verdict === 'different' && v.counterexample ? { counterexample: bits(v.counterexample) } : {}) });
  } else if (v.verdict === 'equivalent') {
    const m = v.mapping;
    const ins = m.inputPerm.map((leaf, j) => `t${j}=${m.inputNegations[j] ? '!' : ''}leaf${leaf}(node ${v.leaves[leaf]})`).join(' ');
    const outs = m.outputPerm.map((root, k) => `out${k}=${m.outputNegations[k] ? '!' : ''}root${root}(node ${v.roots[root]})`).join(' ');
    io.out(`equivalent (${v.method}): ${ins}; ${outs}\n`);
  } else if (v.verdict === 'different') {
    if (v.counterexample) io.out(`different: root ${v.output} differs for leaf values ${bits(v.counterexample)} (leaf 0 first)\n`);
    else io.out(`different (${v.method}): ${v.reason ?? ''}\n`);
  } else io.out(`unknown (${v.reason})\n`);
  return v.verdict === 'equivalent' ? EXIT.ok : v.verdict === 'different' ? EXIT.negative : EXIT.unknown;
}

export const eqCommand = defineCommand({
  name: 'eq',
  summary: 'check whether two circuits (or a window and a function) are equivalent (exit 0 equivalent, 1 different, 4 unknown)',
  usage:
    'A B [--match name|position] [--method auto|exhaustive|sat] [--timeout S] [--json]\n' +
    '       eq --window ROOTS --leaves LEAVES CIRCUIT [SPEC_CIRCUIT | --tt HEX --inputs N | --problem NAME] [--any-input-order] [--any-output-order] [--negations] [--json]',
  description:
    'The counterexample lists input values in A\'s input order, input 0 first ("counterexample": "0101..." means x0=0, x1=1, ...); it is replayed by simulation on both circuits before it is printed. ' +
    'With --window, the logic of CIRCUIT between the cut LEAVES and the ROOTS (comma-separated node ids or names) is compared with a circuit file, a truth table (--tt, hex, x0 = LSB; comma-separated for several outputs) or a problem (--problem maj:3); leaf i is target input i unless --any-input-order.',
  options: {
    match: { type: 'string', help: 'pair inputs and outputs by name or by position', default: 'name', choices: ['name', 'position'] },
    method: { type: 'string', help: 'exhaustive simulation (<= 20 inputs), SAT sweeping, or auto (exhaustive up to 16 inputs)', default: 'auto', choices: ['auto', 'exhaustive', 'sat'] },
    backend: { type: 'string', help: 'SAT backend (auto, minisat, z3, cadical, cadical-cli)', default: 'auto' },
    timeout: { type: 'number', help: 'time limit in seconds (0 = none)', default: 0, min: 0, metavar: 'S' },
    window: { type: 'string', help: 'window mode: the roots (comma-separated node ids or names)', metavar: 'ROOTS' },
    leaves: { type: 'string', help: 'window mode: the leaves, a cut of the roots', metavar: 'LEAVES' },
    tt: { type: 'string', help: 'window mode: target truth table(s) in hex, comma-separated per output', metavar: 'HEX' },
    inputs: { type: 'number', help: 'window mode: number of inputs of --tt', default: 0, min: 0, metavar: 'N' },
    problem: { type: 'string', help: 'window mode: target problem, e.g. maj:3, fa', metavar: 'NAME' },
    'any-input-order': { type: 'boolean', help: 'window mode: search for the input correspondence' },
    'any-output-order': { type: 'boolean', help: 'window mode: search for the output correspondence' },
    negations: { type: 'boolean', help: 'window mode: allow complemented inputs/outputs in the correspondence' },
    json: { type: 'boolean', help: 'print one JSON object' },
  },
  async run(opts, args, io) {
    const backend = opts.backend as BackendName | 'auto';
    if (opts.window !== undefined || opts.leaves !== undefined) {
      if (opts.window === undefined || opts.leaves === undefined) throw new UsageError('eq: --window and --leaves go together', 'bad-window');
      const targets = [opts.tt !== undefined, opts.problem !== undefined, args.length === 2].filter(Boolean).length;
      if (args.length < 1 || args.length > 2 || targets !== 1) {
        throw new UsageError('eq --window: expects CIRCUIT and exactly one target: a second circuit file, --tt HEX --inputs N, or --problem NAME', 'bad-window');
      }
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
      return reportWindow(v, opts.json === true, io);
    }
    if (args.length !== 2) throw new UsageError('eq: expects two circuit files A and B');
    const a = readCircuitFile(args[0]!);
    const b = readCircuitFile(args[1]!);
    const v = await checkEquivalence(a, b, {
      match: opts.match as 'name' | 'position',
      method: opts.method as 'auto' | 'exhaustive' | 'sat',
      backend,
      timeLimitMs: Math.round(opts.timeout * 1000),
    });
    if (v.verdict === 'different') {
      const cex = bits(v.counterexample);
      if (opts.json) printJson(io, { verdict: v.verdict, output: v.outputName, outputIndex: v.output, counterexample: cex, valueA: v.valueA, valueB: v.valueB, method: v.method, stats: v.stats });
      else io.out(`different: output ${v.outputName} is ${v.valueA ? 1 : 0} in A and ${v.valueB ? 1 : 0} in B for input ${cex} (x0 first)\n`);
      return EXIT.negative;
    }
    if (v.verdict === 'unknown') {
      if (opts.json) printJson(io, { verdict: v.verdict, reason: v.reason, stats: v.stats });
      else io.out(`unknown (${v.reason})\n`);
      return EXIT.unknown;
    }
    if (opts.json) printJson(io, { verdict: v.verdict, method: v.method, ...(v.backend ? { backend: v.backend } : {}), stats: v.stats });
    else io.out(`equivalent (${v.method}${v.backend ? `, ${v.backend}` : ''})\n`);
    return EXIT.ok;
  },
});
