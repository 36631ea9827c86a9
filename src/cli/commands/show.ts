import { blocksFromFindJson, formatListing, readCircuitFile, readInputFile, renderSvg, UsageError, writeDot, writeFileAtomic } from '../../index.js';
import { defineCommand } from '../command.js';

export const showCommand = defineCommand({
  name: 'show',
  summary: 'print a circuit gate by gate, or draw it (--svg, --dot)',
  usage: 'FILE [--svg OUT] [--dot OUT] [--highlight FIND.json]',
  description:
    'Names and polarities as the file gives them (`n7 = !AND(...)`: the file\'s n7 is the complement of the stored AND; unnamed gates g<index>). ' +
    '--highlight FIND.json (the output of `waterloo find --json` on the same circuit) draws the disjoint matches of that report as labelled clusters, one colour per function.',
  options: {
    from: { type: 'string', help: 'input format (needed for stdin "-")', metavar: 'FORMAT' },
    svg: { type: 'string', help: 'write an SVG picture to OUT', metavar: 'OUT' },
    dot: { type: 'string', help: 'write Graphviz DOT to OUT', metavar: 'OUT' },
    highlight: { type: 'string', help: 'colour the blocks of this find --json report in the picture', metavar: 'FIND.json' },
  },
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('show: expects exactly one FILE');
    if (opts.highlight !== undefined && !opts.svg && !opts.dot) throw new UsageError('show: --highlight needs --svg OUT or --dot OUT');
    const c = readCircuitFile(args[0]!, opts.from);
    const blocks = opts.highlight !== undefined ? blocksFromFindJson(readInputFile(opts.highlight).toString('utf8'), c, opts.highlight) : undefined;
    const drawing = blocks ? { blocks } : {};
    if (opts.svg) writeFileAtomic(opts.svg, await renderSvg(c, drawing));
    if (opts.dot) writeFileAtomic(opts.dot, writeDot(c, drawing));
    if (!opts.svg && !opts.dot) io.out(formatListing(c));
    return 0;
  },
});
