import { checkEquivalence, readCircuitFile, UsageError, type BackendName } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { EXIT } from '../exit-codes.js';

export const eqCommand = defineCommand({
  name: 'eq',
  summary: 'check whether two circuits are equivalent (exit 0 equivalent, 1 different, 4 unknown)',
  usage: 'A B [--match name|position] [--method auto|exhaustive|sat] [--timeout S] [--json]',
  description:
    'The counterexample lists input values in A\'s input order, input 0 first ("counterexample": "0101..." means x0=0, x1=1, ...); it is replayed by simulation on both circuits before it is printed.',
  options: {
    match: { type: 'string', help: 'pair inputs and outputs by name or by position', default: 'name', choices: ['name', 'position'] },
    method: { type: 'string', help: 'exhaustive simulation (<= 20 inputs), SAT sweeping, or auto (exhaustive up to 16 inputs)', default: 'auto', choices: ['auto', 'exhaustive', 'sat'] },
    backend: { type: 'string', help: 'SAT backend (auto, minisat, z3, cadical, cadical-cli)', default: 'auto' },
    timeout: { type: 'number', help: 'time limit in seconds (0 = none)', default: 0, min: 0, metavar: 'S' },
    json: { type: 'boolean', help: 'print one JSON object' },
  },
  async run(opts, args, io) {
    if (args.length !== 2) throw new UsageError('eq: expects two circuit files A and B');
    const a = readCircuitFile(args[0]!);
    const b = readCircuitFile(args[1]!);
    const v = await checkEquivalence(a, b, {
      match: opts.match as 'name' | 'position',
      method: opts.method as 'auto' | 'exhaustive' | 'sat',
      backend: opts.backend as BackendName | 'auto',
      timeLimitMs: Math.round(opts.timeout * 1000),
    });
    if (v.verdict === 'different') {
      const cex = v.counterexample.map((x) => (x ? '1' : '0')).join('');
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
