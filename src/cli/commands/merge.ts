import { mergeStores, UsageError } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { EXIT } from '../exit-codes.js';

export const mergeCommand = defineCommand({
  name: 'merge',
  summary: 'merge results stores (e.g. the shards of a sweep) into one, keeping the better record per instance',
  usage: '--into OUT.db IN.db [IN.db...] [--json]',
  description:
    'OUT.db is created if absent. Per instance (problem, basis, encoder) the better record is kept: optimal over feasible over unknown, ' +
    'then the smaller circuit, then the higher lower bound; so the result does not depend on the order of the inputs.',
  options: {
    into: { type: 'string', help: 'output store (created if absent)', metavar: 'OUT.db' },
    json: { type: 'boolean', help: 'print one JSON object' },
  },
  async run(opts, args, io) {
    if (opts.into === undefined) throw new UsageError('merge: --into OUT.db is required');
    if (args.length === 0) throw new UsageError('merge: give at least one input store');
    const r = await mergeStores(opts.into, args);
    if (opts.json) printJson(io, r);
    else {
      for (const i of r.inputs) io.out(`${i.path}: ${i.records} record(s), ${i.stored} stored\n`);
      io.out(`${r.into}: ${r.before} -> ${r.after} record(s)\n`);
    }
    return EXIT.ok;
  },
});
