/** `--provenance MAP --neuron L2.n5 | --layer L2`: run an analysis on one neuron or layer of an extracted circuit. */
import { UsageError, parseProvenanceJson, readInputFile, selectByProvenance, type Circuit } from '../api/learn.js';

/** The options, for a command's option table. */
export const NEURON_OPTIONS = {
  provenance: { type: 'string', help: 'provenance map of the circuit (from extract --provenance), for --neuron / --layer', metavar: 'MAP.json' },
  neuron: { type: 'string', help: 'analyse only the gates of this neuron (L2.n5) or comparator (L2.n5.t1), cut out by the provenance map', metavar: 'NAME' },
  layer: { type: 'string', help: 'analyse only the gates of this layer (L2), cut out by the provenance map', metavar: 'NAME' },
} as const;

/** The circuit itself, or the selected neuron's / layer's gates as a circuit of their own. */
export function applyNeuronSelection(c: Circuit, opts: { provenance?: string | undefined; neuron?: string | undefined; layer?: string | undefined }, command: string): Circuit {
  const selector = opts.neuron ?? opts.layer;
  if (opts.neuron !== undefined && opts.layer !== undefined) throw new UsageError(`${command}: give --neuron or --layer, not both`);
  if (selector === undefined) {
    if (opts.provenance !== undefined) throw new UsageError(`${command}: --provenance is used with --neuron or --layer`);
    return c;
  }
  if (opts.provenance === undefined) throw new UsageError(`${command}: --${opts.neuron !== undefined ? 'neuron' : 'layer'} needs --provenance MAP.json (written by extract --provenance)`);
  const map = parseProvenanceJson(readInputFile(opts.provenance).toString('utf8'), opts.provenance);
  return selectByProvenance(c, map, selector);
}
