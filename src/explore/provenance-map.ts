/**
 * Neuron provenance maps of extracted networks, for the explorer:
 *
 *     {"format":"waterloo-provenance/1",
 *      "gates":{"n17":"L1.n3", "n18":"L1.n3.t2", ...}}
 *
 * Each key is a node's name in the circuit file (core/node-names.ts: a file
 * name or a generated id), each value the neuron that gate belongs to:
 * `L<layer>.n<neuron>`, optionally `.t<k>` (a part of the neuron, such as
 * one threshold), layers and neurons numbered from 1.
 */
import type { Circuit } from '../core/circuit.js';
import { nodesByName } from '../core/node-names.js';
import { ValidationError } from '../errors.js';

/** The format tag of a provenance map. */
export const PROVENANCE_FORMAT = 'waterloo-provenance/1';

/** Where one gate came from. */
export interface GateProvenance {
  readonly layer: number;
  readonly neuron: number;
  /** The `.t<k>` part, when given. */
  readonly part?: number;
}

/** node id -> provenance, for the gates the map names. */
export type ProvenanceMap = ReadonlyMap<number, GateProvenance>;

const TAG = /^L([1-9][0-9]*)\.n([1-9][0-9]*)(?:\.t([0-9]+))?$/;

/**
 * Parses a provenance map against the circuit it describes. Throws
 * ValidationError: `bad-json` (not JSON, wrong format tag or shape, a value
 * not of the form L<l>.n<k>[.t<j>]) or `unknown-node` (a key that names no
 * node of the circuit, or names an input). `file` is used in messages.
 */
export function parseProvenanceMap(text: string, c: Circuit, file = '<provenance>'): ProvenanceMap {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`${file}: not JSON (${(e as Error).message})`, 'bad-json');
  }
  const obj = j as { format?: unknown; gates?: unknown };
  if (typeof j !== 'object' || j === null || Array.isArray(j)) throw new ValidationError(`${file}: expected a JSON object`, 'bad-json');
  if (obj.format !== PROVENANCE_FORMAT) throw new ValidationError(`${file}: "format" must be "${PROVENANCE_FORMAT}", found ${JSON.stringify(obj.format)}`, 'bad-json');
  if (typeof obj.gates !== 'object' || obj.gates === null || Array.isArray(obj.gates)) throw new ValidationError(`${file}: "gates" must be an object of node name -> "L<layer>.n<neuron>"`, 'bad-json');
  const byName = nodesByName(c);
  const out = new Map<number, GateProvenance>();
  for (const [name, tag] of Object.entries(obj.gates as Record<string, unknown>)) {
    const m = typeof tag === 'string' ? TAG.exec(tag) : null;
    if (!m) throw new ValidationError(`${file}: gate '${name}': expected "L<layer>.n<neuron>" or "L<layer>.n<neuron>.t<k>" (numbered from 1), found ${JSON.stringify(tag)}`, 'bad-json');
    const v = byName.get(name);
    if (v === undefined) throw new ValidationError(`${file}: gate '${name}' is not a node of the circuit`, 'unknown-node');
    if (v <= c.numInputs) throw new ValidationError(`${file}: '${name}' is an input, not a gate`, 'unknown-node');
    out.set(v, { layer: Number(m[1]), neuron: Number(m[2]), ...(m[3] !== undefined ? { part: Number(m[3]) } : {}) });
  }
  return out;
}
