/**
 * A human-readable listing of a circuit, one gate per line, e.g.
 * `g3 = AND(x0, !x1)`. Used by `waterloo show` and in test failure messages.
 */
import { gateFanins, type Circuit } from '../core/circuit.js';
import { literalName, nodeNames } from '../core/node-names.js';
import { GateKind, GATE_KIND_NAMES } from '../core/gate.js';
import { toHex } from '../tt/truth-table.js';

/** Names of the two-input ops a listing spells out (others are LUT_<hex>). */
export const LISTING_OP_NAMES: Readonly<Record<number, string>> = { 8: 'AND', 14: 'OR', 6: 'XOR', 7: 'NAND', 1: 'NOR', 9: 'XNOR', 2: 'GT', 4: 'LT', 11: 'GEQ', 13: 'LEQ' };

/**
 * Name of node v for listings: its input name, its gate name, or its
 * generated id `g<index>` (see core/node-names.ts, the convention shared by
 * every report). The name may denote the node's complement; see {@link litLabel}.
 */
export function nodeLabel(c: Circuit, v: number): string {
  return nodeNames(c).name[v]!;
}

/** A literal as text: `!name` when complemented, `1` for constant true (see core/node-names.ts). */
export function litLabel(c: Circuit, lit: number): string {
  return literalName(c, lit);
}

/** The operation name of gate g: AND/XOR/MAJ, a named 2-input op, or LUT_<hex>. */
export function gateOpLabel(c: Circuit, g: number): string {
  const kind = c.kinds[g] as GateKind;
  if (kind !== GateKind.Lut) return GATE_KIND_NAMES[kind];
  const tt = c.luts.get(g)!;
  if (tt.numVars === 2 && LISTING_OP_NAMES[tt.words[0]! & 15]) return LISTING_OP_NAMES[tt.words[0]! & 15]!;
  return `LUT_${toHex(tt)}`;
}

/** The whole listing. */
export function formatListing(c: Circuit): string {
  const lines = [`inputs: ${c.inputNames.join(' ')}`];
  for (let g = 0; g < c.numGates; g++) {
    const fs = Array.from(gateFanins(c, g), (f) => litLabel(c, f));
    const v = c.numInputs + 1 + g;
    lines.push(`${nodeLabel(c, v)} = ${nodeNames(c).negated[v] ? '!' : ''}${gateOpLabel(c, g)}(${fs.join(', ')})`);
  }
  c.outputs.forEach((o, j) => lines.push(`output ${c.outputNames[j]} = ${litLabel(c, o)}`));
  return lines.join('\n') + '\n';
}
