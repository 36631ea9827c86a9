import { MAX_CLI_SIM_INPUTS, popcount, readCircuitFile, simulateRandom, simulateTruthTables, toHex, UsageError } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, seedOption } from '../options.js';

export const simCommand = defineCommand({
  name: 'sim',
  summary: "each output's truth table in hex (exhaustive, inputs <= 20), or random simulation",
  usage: 'FILE [--json] [--random N [--seed S]]',
  description: 'Truth tables follow the one bit order: bit i = f(minterm i), x0 = least significant bit of i, hex printed most significant digit first (MAJ3 = e8).',
  options: {
    json: jsonOption(),
    from: { type: 'string', help: 'input format (needed for stdin "-")', metavar: 'FORMAT' },
    random: { type: 'int', help: 'simulate N seeded random patterns instead and print per-output signatures (count of ones)', min: 1, max: 1 << 26, metavar: 'N' },
    seed: seedOption('seed for --random'),
  },
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('sim: expects exactly one FILE');
    const c = readCircuitFile(args[0]!, opts.from);
    if (opts.random !== undefined) {
      const t0 = performance.now();
      const words = simulateRandom(c, opts.random, opts.seed);
      const ms = performance.now() - t0;
      const ones = words.map((w) => w.reduce((s, x) => s + popcount(x), 0));
      const patterns = words[0] ? words[0].length * 32 : Math.ceil(opts.random / 32) * 32;
      if (opts.json) printJson(io, { inputs: c.numInputs, patterns, seed: opts.seed, ms: Math.round(ms), outputs: c.outputNames.map((name, j) => ({ name, ones: ones[j] })) });
      else io.out(c.outputNames.map((name, j) => `${name} ${ones[j]}/${patterns}`).join('\n') + `\n`);
      return 0;
    }
    if (c.numInputs > MAX_CLI_SIM_INPUTS) {
      throw new UsageError(`sim: ${args[0]} has ${c.numInputs} inputs; exhaustive tables are limited to ${MAX_CLI_SIM_INPUTS} (use --random N)`);
    }
    const tables = simulateTruthTables(c);
    if (opts.json) printJson(io, { inputs: c.numInputs, outputs: c.outputNames.map((name, j) => ({ name, hex: toHex(tables[j]!) })) });
    else io.out(c.outputNames.map((name, j) => `${name} ${toHex(tables[j]!)}`).join('\n') + (tables.length ? '\n' : ''));
    return 0;
  },
});

