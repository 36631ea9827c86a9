import { PROBLEM_FAMILIES, parseProblem, specToJson, toHex, UsageError } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption } from '../options.js';

export const problemCommand = defineCommand({
  name: 'problem',
  summary: 'print the truth tables of a named problem (maj:5, sum:4, mod3:4:0, ...), or list the families',
  usage: 'NAME [--json] | --list',
  options: {
    json: jsonOption(),
    list: { type: 'boolean', help: 'list the problem families and their syntax' },
  },
  async run(opts, args, io) {
    if (opts.list) {
      const fams = Object.values(PROBLEM_FAMILIES);
      if (opts.json) printJson(io, fams.map((f) => ({ name: f.name, syntax: f.syntax, description: f.description })));
      else io.out(fams.map((f) => `${f.syntax.padEnd(16)} ${f.description}`).join('\n') + '\n');
      return 0;
    }
    if (args.length !== 1) throw new UsageError('problem: expects one NAME (see --list)');
    const p = parseProblem(args[0]!);
    if (opts.json) {
      printJson(io, { name: p.name, description: p.description, inputNames: p.inputNames, ...specToJson(p.spec) });
      return 0;
    }
    io.out(`# ${p.name}: ${p.description}\n# inputs (x0 first): ${p.inputNames.join(' ')}\n`);
    p.spec.outputs.forEach((tt, j) => {
      const care = p.spec.care?.[j];
      io.out(`${toHex(tt)}${care ? ` care ${toHex(care)}` : ''}\n`);
    });
    return 0;
  },
});
