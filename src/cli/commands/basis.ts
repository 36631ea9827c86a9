import { BASES, basisInfo, defaultEncoderFor, parseOpsBasis, UsageError, type BasisInfo } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption } from '../options.js';

/** One basis as `basis` prints it. */
function describe(b: BasisInfo): { name: string; cli: string; costModel: string; encoder: string; description: string } {
  return { name: b.name, cli: b.cli, costModel: b.costModel, encoder: defaultEncoderFor(b.name), description: b.description };
}

export const basisCommand = defineCommand({
  name: 'basis',
  summary: 'list the bases (gate sets and cost models) exact synthesis knows, or describe one (also ops:HEX,...)',
  usage: '--list [--json] | NAME [--json]',
  description:
    'Named bases: b2, u2, aig, xaig, mig (three-input majority), mc (multiplicative complexity: AND gates only, XOR free), lut3 (any three-input gate). ' +
    'A custom two-input basis is ops:HEX,HEX,... with each op a 4-bit table in waterloo\'s op convention (bit a + 2b is op(a, b), a the first fanin; AND = 8, OR = e, XOR = 6).',
  options: {
    json: jsonOption(),
    list: { type: 'boolean', help: 'list every named basis and the custom form' },
  },
  async run(opts, args, io) {
    if (opts.list) {
      const rows = Object.values(BASES).map(describe);
      if (opts.json) printJson(io, { bases: rows, custom: 'ops:HEX,HEX,...' });
      else {
        for (const r of rows) io.out(`${r.cli.padEnd(6)} ${r.costModel.padEnd(56)} encoder ${r.encoder.padEnd(6)} ${r.description}\n`);
        io.out(`${'ops:HEX,HEX,...'} custom two-input basis (e.g. ops:7 = NAND, ops:8,6 = AND and XOR without free negations); encoder ssv\n`);
      }
      return 0;
    }
    if (args.length !== 1) throw new UsageError('basis: expects --list or one NAME');
    const name = args[0]!;
    const known = Object.values(BASES).find((b) => b.cli === name.toLowerCase());
    const b = known ?? (name.toLowerCase().startsWith('ops:') ? basisInfo(parseOpsBasis(name)) : undefined);
    if (b === undefined) throw new UsageError(`basis: unknown basis '${name}' (see --list)`, 'unknown-basis');
    const d = describe(b);
    if (opts.json) printJson(io, d);
    else io.out(`${d.cli}: ${d.description}\ncost model: ${d.costModel}\nencoder: ${d.encoder}\n`);
    return 0;
  },
});
