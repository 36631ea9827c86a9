import { basisByName, BASES, circuitCost, depth, gateKindCounts, readCircuitFile, UsageError, type BasisName } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption } from '../options.js';

export const statsCommand = defineCommand({
  name: 'stats',
  summary: 'inputs, outputs, gates and depth of a circuit file',
  usage: 'FILE [--json] [--from FORMAT]',
  description: 'Gates are counted as stored (an n-ary gate or a LUT counts once); sizes per basis follow the cost model in the README.',
  options: {
    json: jsonOption(),
    from: { type: 'string', help: 'input format (needed for stdin "-")', metavar: 'FORMAT' },
    basis: { type: 'string', help: 'also report the size in this basis', metavar: 'B' },
  },
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('stats: expects exactly one FILE');
    const c = readCircuitFile(args[0]!, opts.from);
    const sizes: Record<string, number | null> = {};
    const bases = opts.basis ? [opts.basis] : Object.keys(BASES);
    for (const name of bases) {
      const b = basisByName(name);
      if (!b) throw new UsageError(`stats: unknown basis '${name}' (known: ${Object.values(BASES).map((x) => x.cli).join(', ')})`);
      const cost = circuitCost(c, b.name as BasisName);
      sizes[b.name] = cost.inBasis ? cost.size : null;
    }
    const result = { inputs: c.numInputs, outputs: c.outputs.length, gates: c.numGates, depth: depth(c), gateKinds: gateKindCounts(c), sizes };
    if (opts.json) printJson(io, result);
    else {
      const kinds = Object.entries(result.gateKinds).map(([k, v]) => `${k} ${v}`).join(', ');
      const sz = Object.entries(sizes).map(([k, v]) => `${k} ${v ?? '-'}`).join(', ');
      io.out(`${args[0]}: inputs ${result.inputs}, outputs ${result.outputs}, gates ${result.gates}, depth ${result.depth}\n  gate kinds: ${kinds || 'none'}\n  size by basis: ${sz}\n`);
    }
    return 0;
  },
});
