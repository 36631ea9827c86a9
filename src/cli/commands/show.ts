import { formatListing, readCircuitFile, renderSvg, UsageError, writeDot, writeFileAtomic } from '../../index.js';
import { defineCommand } from '../command.js';

export const showCommand = defineCommand({
  name: 'show',
  summary: 'print a circuit gate by gate, or draw it (--svg, --dot)',
  usage: 'FILE [--svg OUT] [--dot OUT]',
  options: {
    from: { type: 'string', help: 'input format (needed for stdin "-")', metavar: 'FORMAT' },
    svg: { type: 'string', help: 'write an SVG picture to OUT', metavar: 'OUT' },
    dot: { type: 'string', help: 'write Graphviz DOT to OUT', metavar: 'OUT' },
  },
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('show: expects exactly one FILE');
    const c = readCircuitFile(args[0]!, opts.from);
    if (opts.svg) writeFileAtomic(opts.svg, await renderSvg(c));
    if (opts.dot) writeFileAtomic(opts.dot, writeDot(c));
    if (!opts.svg && !opts.dot) io.out(formatListing(c));
    return 0;
  },
});
