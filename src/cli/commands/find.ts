import { DEFAULT_LIBRARY, findFunctions, loadLibraryEntry, readCircuitFile, UsageError, type FunctionMatch, type LibraryEntry } from '../../index.js';
import { defineCommand, printJson } from '../command.js';

function describeMatch(m: FunctionMatch): string {
  const t = m.transform;
  const inputs = t.inputPerm.map((leaf, j) => `${t.inputNegations[j] ? '!' : ''}${m.leafNames[leaf]}`).join(', ');
  const roots = m.rootNames.map((r, k) => `${t.outputNegations[k] ? '!' : ''}${r}`).join(', ');
  return `  ${roots} = ${m.name}(${inputs})  [leaves ${m.leaves.join(',')}; roots ${m.roots.join(',')}; ${m.coneGates} gates]\n`;
}

export const findCommand = defineCommand({
  name: 'find',
  summary: 'find nodes that compute known functions (XOR, MAJ, adders, ...) over one of their cuts',
  usage: 'CIRCUIT [--library FILE...] [--only-library] [--k K] [--cut-limit N] [--min-cone G] [--json]',
  description:
    'Enumerates the k-feasible priority cuts of every node and compares each cut function with a library of known functions ' +
    '(XOR/XNOR, AND/OR, MAJ, MUX, 2-bit comparator, thresholds, MOD3 counters up to NPN; half/full adders as two-output windows). ' +
    'Every match is confirmed by a window equivalence check before it is printed. A line `r = F(!a, b)` means root r computes F with its ' +
    'first input fed by the complement of leaf a (a `!` on a root: the root computes the complement). Coverage is the fraction of gates ' +
    'inside the cone of some match. --library adds an entry from a circuit file (named after the file) or a .truth file.',
  options: {
    library: { type: 'string', multiple: true, help: 'add a library entry from a circuit or .truth file (repeatable)', metavar: 'FILE' },
    'only-library': { type: 'boolean', help: 'use only the --library entries, not the default library' },
    k: { type: 'int', default: 6, min: 1, max: 8, help: 'largest cut size', metavar: 'K' },
    'cut-limit': { type: 'int', default: 12, min: 1, max: 1000, help: 'priority cuts kept per node', metavar: 'N' },
    'min-cone': { type: 'int', default: 2, min: 1, max: 1000, help: 'smallest number of gates in a reported match', metavar: 'G' },
    json: { type: 'boolean', help: 'print one JSON object {matches, coverage, coveredGates, gates}' },
  },
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('find: expects exactly one CIRCUIT file');
    const circuit = readCircuitFile(args[0]!);
    const extra: LibraryEntry[] = (opts.library ?? []).map((f) => loadLibraryEntry(f));
    if (opts['only-library'] && extra.length === 0) throw new UsageError('find: --only-library needs at least one --library FILE');
    const library = opts['only-library'] ? extra : [...DEFAULT_LIBRARY, ...extra];
    const r = await findFunctions(circuit, { library, k: opts.k, cutLimit: opts['cut-limit'], minConeGates: opts['min-cone'] });
    if (opts.json) {
      printJson(io, { matches: r.matches, coverage: r.coverage, coveredGates: r.coveredGates, gates: r.gates });
      return 0;
    }
    const groups = new Map<string, FunctionMatch[]>();
    for (const m of r.matches) {
      const list = groups.get(m.name) ?? [];
      list.push(m);
      groups.set(m.name, list);
    }
    const order = library.map((e) => e.name).filter((n) => groups.has(n));
    let text = '';
    for (const name of order) {
      const list = groups.get(name)!;
      text += `${name}: ${list.length} match${list.length === 1 ? '' : 'es'}\n`;
      for (const m of list) text += describeMatch(m);
    }
    if (r.matches.length === 0) text += 'no matches\n';
    text += `coverage: ${r.coveredGates} of ${r.gates} gates (${(100 * r.coverage).toFixed(1)}%) lie inside a match\n`;
    io.out(text);
    return 0;
  },
});
