/**
 * Neuron provenance of an extracted circuit: which neuron (`L1.n12`) or
 * threshold comparator (`L1.n12.t3`) each gate was built for, kept through
 * cleanup, and written as a JSON map keyed by the names the gates get in a
 * written .bench file (`n<node>` for unnamed gates, see benchNodeNames), or
 * by `g<gate index>` for AIGER files, which keep no gate names:
 *   {"format":"waterloo-provenance/1","gates":{"<gate name>":"L1.n12", ...}}
 * (the argmax stage's gates are not a neuron's and are left out).
 */
import type { Circuit } from '../../core/circuit.js';
import { benchNodeNames } from '../../io/bench-write.js';
import { generatedGateId } from '../../core/node-names.js';
import { ParseError, ValidationError } from '../../errors.js';

/** The JSON format tag of a provenance map. */
export const PROVENANCE_FORMAT = 'waterloo-provenance/1';

/** A neuron or threshold label, `L<layer>.n<neuron>[.t<k>]` (numbered from 1). */
const NEURON_LABEL = /^L[1-9][0-9]*\.n[1-9][0-9]*(\.t[1-9][0-9]*)?$/;

/** A provenance map as written: gate name -> label. */
export interface ProvenanceJson {
  readonly format: typeof PROVENANCE_FORMAT;
  readonly gates: Readonly<Record<string, string>>;
}

/**
 * Carries gate labels through a rebuild (cleanup.ts `rebuild`): `nodeMap` is
 * the old node -> new literal map; a surviving gate keeps the label of the
 * first old gate mapped to it.
 */
export function carryProvenance(old: Circuit, labels: ReadonlyMap<number, string>, nodeMap: Int32Array, fresh: Circuit): Map<number, string> {
  const out = new Map<number, string>();
  const oldFirst = old.numInputs + 1;
  const newFirst = fresh.numInputs + 1;
  for (const [g, label] of labels) {
    const lit = nodeMap[oldFirst + g];
    if (lit === undefined || lit < 0) continue;
    const ng = (lit >>> 1) - newFirst;
    if (ng >= 0 && !out.has(ng)) out.set(ng, label);
  }
  return out;
}

/**
 * The JSON provenance map of a circuit, sorted for stable files. Keys: the
 * names the gates get in a written .bench (`bench`, benchNodeNames), or, for
 * formats that keep no gate names (AIGER), the generated id `g<gate index>`
 * a reader gives them (`generated`, core/node-names.ts).
 */
export function provenanceJson(c: Circuit, labels: ReadonlyMap<number, string>, keys: 'bench' | 'generated' = 'bench'): ProvenanceJson {
  const names = keys === 'bench' ? benchNodeNames(c) : undefined;
  const first = c.numInputs + 1;
  // the format holds neuron labels only: the argmax stage's gates (label `argmax`) are left out
  const entries = [...labels].filter(([, label]) => NEURON_LABEL.test(label)).sort((a, b) => a[0] - b[0]).map(([g, label]) => [names ? names[first + g]! : generatedGateId(g), label] as const);
  return { format: PROVENANCE_FORMAT, gates: Object.fromEntries(entries) };
}

/** Parses a provenance map's JSON text (ParseError when it is not one). */
export function parseProvenanceJson(text: string, file = '<provenance>'): ProvenanceJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ParseError(`not JSON (${(e as Error).message})`, 'unexpected-token', file, 1, 1);
  }
  const d = data as { format?: unknown; gates?: unknown };
  if (typeof d !== 'object' || d === null || d.format !== PROVENANCE_FORMAT || typeof d.gates !== 'object' || d.gates === null) {
    throw new ValidationError(`${file}: not a ${PROVENANCE_FORMAT} map ({"format": "${PROVENANCE_FORMAT}", "gates": {...}})`, 'bad-network');
  }
  for (const [k, v] of Object.entries(d.gates as Record<string, unknown>)) {
    if (typeof v !== 'string') throw new ValidationError(`${file}: gate ${k}: the label must be a string`, 'bad-network');
  }
  return d as ProvenanceJson;
}

/** Whether a label belongs to a neuron or layer selector: `L2` selects L2.n*, `L2.n3` selects L2.n3 and L2.n3.t*. */
export function labelMatches(label: string, selector: string): boolean {
  return label === selector || label.startsWith(selector + '.');
}
