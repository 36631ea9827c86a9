import { fromHex, npnCanonize, npnCanonizeHeuristic, MAX_EXACT_NPN_VARS, toHex, UsageError } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption } from '../options.js';

export const npnCommand = defineCommand({
  name: 'npn',
  summary: 'NPN class representative of a truth table, with the transform that maps the function to it',
  usage: 'HEX --inputs N [--json]',
  description:
    'The representative is the smallest table of the class (as an unsigned number). The transform T satisfies apply(f, T) = representative: ' +
    'input i of f is fed by input perm[i] of the representative, complemented when bit i of inputNegations is set. Exact for n <= 6, heuristic (flip-swap) above.',
  options: {
    inputs: { type: 'int', help: 'number of inputs', min: 0, max: 16, metavar: 'N' },
    json: jsonOption(),
  },
  async run(opts, args, io) {
    if (args.length !== 1 || opts.inputs === undefined) throw new UsageError('npn: expects HEX and --inputs N');
    const tt = fromHex(args[0]!, opts.inputs);
    const exact = opts.inputs <= MAX_EXACT_NPN_VARS;
    const r = exact ? npnCanonize(tt) : npnCanonizeHeuristic(tt);
    const out = { input: toHex(tt), representative: toHex(r.representative), exact, transform: r.transform };
    if (opts.json) printJson(io, out);
    else io.out(`${out.representative}${exact ? '' : ' (heuristic)'}  perm ${r.transform.perm.join(',')} inputNegations ${r.transform.inputNegations.toString(2)} outputNegation ${r.transform.outputNegation ? 1 : 0}\n`);
    return 0;
  },
});
