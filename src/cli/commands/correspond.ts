import { correspond, literalName, namedLiteral, readCircuitFile, UsageError } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { EXIT } from '../exit-codes.js';

export const correspondCommand = defineCommand({
  name: 'correspond',
  summary: 'list which gates of A equal (or complement) which nodes of B, proved by SAT sweeping',
  usage: 'A B [--match name|position] [--limit N] [--json]',
  description:
    'Inputs are paired by name (or position); outputs need not match. Every listed pair is proved (structural hashing or an UNSAT miter), not just observed in simulation. Coverage = fraction of the gates of A (those some output needs) with a partner in B.',
  options: {
    match: { type: 'string', help: 'pair inputs by name or by position', default: 'name', choices: ['name', 'position'] },
    backend: backendOption(),
    timeout: timeoutOption('time limit in seconds (0 = none); unreached gates get no partner'),
    limit: { type: 'number', help: 'pairs to print in text mode (0 = all)', default: 50, min: 0, metavar: 'N' },
    json: jsonOption('print one JSON object (all pairs)'),
  },
  hardLimitSeconds: (opts) => opts.timeout,
  async run(opts, args, io) {
    if (args.length !== 2) throw new UsageError('correspond: expects two circuit files A and B');
    const a = readCircuitFile(args[0]!);
    const b = readCircuitFile(args[1]!);
    const r = await correspond(a, b, { match: opts.match as 'name' | 'position', backend: opts.backend, timeLimitMs: Math.round(opts.timeout * 1000) });
    if (opts.json) {
      printJson(io, r);
      return EXIT.ok;
    }
    io.out(`coverage ${(100 * r.coverage).toFixed(1)}%: ${r.matchedA} of ${r.gatesA} gates of A have a partner in B (${r.pairs.length} pairs)\n`);
    const shown = opts.limit > 0 ? r.pairs.slice(0, opts.limit) : r.pairs;
    for (const p of shown) {
      // A's signal as the file names it, and the literal of B equal to it (core/node-names.ts)
      const litA = namedLiteral(a, p.nodeA);
      const litB = 2 * p.nodeB + ((litA & 1) ^ (p.complemented ? 1 : 0));
      io.out(`A ${literalName(a, litA)} = B ${literalName(b, litB)}\n`);
    }
    if (shown.length < r.pairs.length) io.out(`... ${r.pairs.length - shown.length} more (--limit 0 or --json for all)\n`);
    return EXIT.ok;
  },
});
