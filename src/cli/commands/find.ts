import { applyNeuronSelection, NEURON_OPTIONS } from '../neuron-option.js';
import { DEFAULT_LIBRARY, findFunctions, loadLibraryEntry, readCircuitFile, resolveNodes, UsageError, type DirectTest, type FunctionMatch, type LibraryEntry } from '../../index.js';
import { defineCommand, printJson } from '../command.js';
import { jsonOption } from '../options.js';

function describeMatch(m: FunctionMatch): string {
  // signals named as the file names them (core/node-names.ts): `!n7` is the complement of the file's n7
  return `  ${m.outputSignals.join(', ')} = ${m.name}(${m.inputSignals.join(', ')})  [leaves ${m.leafNames.join(', ')}; ${m.coneGates} gates]\n`;
}

/** One line on an output or named node tested over its whole input support. */
function describeDirect(d: DirectTest, largest: number): string {
  const what = `${d.why === 'output' ? 'output' : 'node'} ${d.name} (node ${d.node})`;
  switch (d.status) {
    case 'matched':
      return `  ${what}: ${d.match} of its ${d.support} inputs\n`;
    case 'no-match':
      return `  ${what}: no library function of its ${d.support} inputs\n`;
    case 'support-too-wide':
      return `  ${what}: depends on more than ${largest} inputs, not tested over its whole support\n`;
    case 'partial-support':
      return `  ${what}: ignores some of the ${d.support} inputs in its cone (or is constant), not tested\n`;
    case 'small-cone':
      return `  ${what}: fewer gates in its cone than --min-cone\n`;
    case 'not-a-gate':
      return `  ${what}: an input or constant\n`;
  }
}

export const findCommand = defineCommand({
  name: 'find',
  summary: 'find nodes that compute known functions (XOR, MAJ, adders, ...) over one of their cuts',
  usage: 'CIRCUIT [--library FILE...] [--only-library] [--node NAME...] [--k K] [--cut-limit N] [--min-cone G] [--json]',
  description:
    'Enumerates the k-feasible priority cuts of every node and compares each cut function with a library of known functions ' +
    '(XOR/XNOR, AND/OR, MAJ, MUX, 2-bit comparator, thresholds, MOD3 counters up to NPN; half/full adders as two-output windows). ' +
    'Every match is confirmed by a window equivalence check before it is printed. A line `r = F(!a, b)` means signal r computes F with its ' +
    'first input fed by the complement of signal a. Signals are named as the file names them (`!n7`: the complement of the file\'s n7); ' +
    'a gate without a name is shown as g<index> (gates numbered from 0 in file order). ' +
    'Priority cuts keep only --cut-limit cuts per node, so every output (and every --node) is also tested directly: its function over all the primary inputs in its cone, ' +
    'when there are at most as many as the largest library entry has (6 by default), is matched against the library and confirmed the same way. ' +
    'Coverage counts the gates of disjoint matches, chosen greedily (largest cone first, skipping a match whose cone shares a gate with one already chosen); ' +
    'the gates inside the cone of any match, with overlapping matches counted once, are given beside it as the overlapping figure. ' +
    '--library adds an entry from a circuit file (named after the file) or a .truth file.',
  options: {
    library: { type: 'string', multiple: true, help: 'add a library entry from a circuit or .truth file (repeatable)', metavar: 'FILE' },
    'only-library': { type: 'boolean', help: 'use only the --library entries, not the default library' },
    k: { type: 'int', default: 6, min: 1, max: 8, help: 'largest cut size', metavar: 'K' },
    'cut-limit': { type: 'int', default: 12, min: 1, max: 1000, help: 'priority cuts kept per node', metavar: 'N' },
    node: { type: 'string', multiple: true, help: 'also test this node (name or id) over its whole input support (repeatable)', metavar: 'NAME' },
    'min-cone': { type: 'int', default: 2, min: 1, max: 1000, help: 'smallest number of gates in a reported match', metavar: 'G' },
    ...NEURON_OPTIONS,
    json: jsonOption('print one JSON object {matches, coverage, coveredGates, disjointMatches, overlappingCoverage, overlappingCoveredGates, gates, direct}'),
  },
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('find: expects exactly one CIRCUIT file');
    const circuit = applyNeuronSelection(readCircuitFile(args[0]!), opts, 'find');
    const extra: LibraryEntry[] = (opts.library ?? []).map((f) => loadLibraryEntry(f));
    if (opts['only-library'] && extra.length === 0) throw new UsageError('find: --only-library needs at least one --library FILE');
    const library = opts['only-library'] ? extra : [...DEFAULT_LIBRARY, ...extra];
    const nodes = resolveNodes(circuit, opts.node ?? [], 'node').map((lit) => lit >>> 1);
    const r = await findFunctions(circuit, { library, k: opts.k, cutLimit: opts['cut-limit'], minConeGates: opts['min-cone'], nodes });
    if (opts.json) {
      printJson(io, {
        matches: r.matches,
        coverage: r.coverage,
        coveredGates: r.coveredGates,
        disjointMatches: r.disjointMatches,
        coverageSelection: 'greedy, largest cone first',
        overlappingCoverage: r.overlappingCoverage,
        overlappingCoveredGates: r.overlappingCoveredGates,
        gates: r.gates,
        direct: r.direct,
      });
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
    if (r.direct.length > 0) {
      const single = library.filter((e) => e.outputs.length === 1).map((e) => e.numInputs);
      text += 'outputs and named nodes, tested over their whole input support:\n';
      for (const d of r.direct) text += describeDirect(d, single.length ? Math.max(...single) : 0);
    }
    const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
    const n = r.disjointMatches.length;
    text += `coverage: ${r.coveredGates} of ${r.gates} gates (${pct(r.coverage)}) lie inside ${n} disjoint match${n === 1 ? '' : 'es'} (chosen greedily, largest cone first)\n`;
    text += `overlapping: ${r.overlappingCoveredGates} of ${r.gates} gates (${pct(r.overlappingCoverage)}) lie inside some match (of ${r.matches.length}, which may share gates)\n`;
    io.out(text);
    return 0;
  },
});
