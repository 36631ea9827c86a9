import { mergeStores, UsageError } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption } from '../options.js';
import { EXIT } from '../exit-codes.js';

export const mergeCommand = defineCommand({
  name: 'merge',
  summary: 'merge results stores (e.g. the shards of a sweep) into one, keeping the better record per instance',
  usage: '--into OUT.db IN.db [IN.db...] [--json]',
  description:
    'OUT.db is created if absent. Per instance (problem, basis, encoder) the better record is kept: optimal over feasible over unknown, ' +
    'then the smaller circuit, then the higher lower bound; so the result does not depend on the order of the inputs. ' +
    'Every input record is re-checked first (circuit simulated against the instance, size recomputed, status implied by size and bound); ' +
    'a record that fails is not stored and is named on stderr. Exit 0, or 3 when a record was refused.',
  options: {
    into: { type: 'string', help: 'output store (created if absent)', metavar: 'OUT.db' },
    json: jsonOption(),
  },
  async run(opts, args, io) {
    if (opts.into === undefined) throw new UsageError('merge: --into OUT.db is required');
    if (args.length === 0) throw new UsageError('merge: give at least one input store');
    const r = await mergeStores(opts.into, args);
    if (opts.json) printJson(io, r);
    else {
      for (const i of r.inputs) io.out(`${i.path}: ${i.records} record(s), ${i.stored} stored${i.refused.length ? `, ${i.refused.length} refused` : ''}\n`);
      io.out(`${r.into}: ${r.before} -> ${r.after} record(s)\n`);
    }
    for (const i of r.inputs) for (const f of i.refused) io.err(`${i.path}: refused ${f.problem} in ${f.basis}/${f.encoder}: ${f.reason}\n`);
    return r.inputs.some((i) => i.refused.length > 0) ? EXIT.badInput : EXIT.ok;
  },
});
