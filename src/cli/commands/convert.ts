import { readCircuitFile, UsageError, writeCircuitFile } from '../../index.js';
import { defineCommand } from '../command.js';

export const convertCommand = defineCommand({
  name: 'convert',
  summary: 'convert between circuit formats (by extension: .aag .aig .bench .blif; write-only .v .dot .svg)',
  usage: 'IN OUT [--from FORMAT] [--to FORMAT]',
  options: {
    from: { type: 'string', help: 'input format, overriding the extension (needed for stdin "-")', metavar: 'FORMAT' },
    to: { type: 'string', help: 'output format, overriding the extension', metavar: 'FORMAT' },
  },
  async run(opts, args) {
    if (args.length !== 2) throw new UsageError('convert: expects IN and OUT');
    const c = readCircuitFile(args[0]!, opts.from);
    await writeCircuitFile(c, args[1]!, opts.to);
    return 0;
  },
});
