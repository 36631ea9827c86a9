/**
 * The one naming and polarity convention of every listing, report and
 * picture (show, find, census-windows, correspond, the explorer).
 *
 * A node is shown by its name in the file when it has one: an input's name,
 * or a gate's signal name. A gate's name may denote the gate's COMPLEMENT:
 * BENCH `n6 = OR(a, n4)` is stored as an AND gate whose complement is the
 * file's `n6`; that node's own value is then shown as `!n6`, and a literal
 * equal to the file's `n6` as `n6`. A gate without a name gets the generated
 * id `g<gate index>` (gate index = node id - inputs - 1, gates in file
 * order), the id formatListing has always used; when a file already names a
 * signal `g<index>`, the generated id gets `'` appended until it is free, so
 * a generated id never denotes a different signal than the file's name does.
 * The constant node is `0` (a complemented reference to it: `1`).
 *
 * Output names are not node names: an output is a literal, and is shown as
 * the name of that literal.
 */
import type { Circuit } from './circuit.js';

/** Display names of the nodes of a circuit (see module docs). */
export interface NodeNames {
  /** name[v]: the file's name of node v's signal, or its generated id. */
  readonly name: readonly string[];
  /** negated[v] = 1 when name[v] denotes the complement of node v's value. */
  readonly negated: Uint8Array;
  /** Whether name[v] comes from the file (inputs always do). */
  readonly fromFile: Uint8Array;
}

const CACHE = new WeakMap<Circuit, NodeNames>();

/** The generated id of gate `g` (before collision handling): `g<g>`. */
export function generatedGateId(g: number): string {
  return `g${g}`;
}

/** The display names of every node of `c` (cached per circuit object). */
export function nodeNames(c: Circuit): NodeNames {
  const hit = CACHE.get(c);
  if (hit) return hit;
  const n = 1 + c.numInputs + c.numGates;
  const name: string[] = new Array<string>(n);
  const negated = new Uint8Array(n);
  const fromFile = new Uint8Array(n);
  const taken = new Set<string>(c.inputNames);
  for (const nm of c.gateNames.values()) taken.add(nm);
  name[0] = '0';
  for (let i = 0; i < c.numInputs; i++) (name[i + 1] = c.inputNames[i]!), (fromFile[i + 1] = 1);
  for (let g = 0; g < c.numGates; g++) {
    const v = c.numInputs + 1 + g;
    const nm = c.gateNames.get(g);
    if (nm !== undefined) {
      name[v] = nm;
      fromFile[v] = 1;
      if (c.negatedGateNames?.has(g)) negated[v] = 1;
      continue;
    }
    let id = generatedGateId(g);
    while (taken.has(id)) id += "'";
    name[v] = id;
  }
  const r: NodeNames = { name, negated, fromFile };
  CACHE.set(c, r);
  return r;
}

/**
 * A literal as text, relative to the named signal of its node: `name` when
 * the literal is that signal, `!name` when it is its complement; `0`/`1`
 * for the constants.
 */
export function literalName(c: Circuit, lit: number): string {
  const v = lit >>> 1;
  if (v === 0) return lit & 1 ? '1' : '0';
  const nn = nodeNames(c);
  const neg = (lit & 1) !== nn.negated[v];
  return (neg ? '!' : '') + nn.name[v]!;
}

/** The value of node v as text: `literalName(c, 2v)` (`!n6` when the file's n6 is its complement). */
export function nodeValueName(c: Circuit, v: number): string {
  return literalName(c, 2 * v);
}

/** The literal the display name of node v denotes (2v, or 2v+1 when the name denotes the complement). */
export function namedLiteral(c: Circuit, v: number): number {
  return 2 * v + nodeNames(c).negated[v]!;
}

/** Name -> node id of every node (file names and generated ids; the constant is not included). */
export function nodesByName(c: Circuit): Map<string, number> {
  const nn = nodeNames(c);
  const m = new Map<string, number>();
  for (let v = 1; v < nn.name.length; v++) if (!m.has(nn.name[v]!)) m.set(nn.name[v]!, v);
  return m;
}
