/**
 * The cost model: a circuit's size in a basis.
 *
 * - A two-input gate costs 1; an n-ary AND (or XOR, where allowed) costs n - 1,
 *   the size of a tree of two-input gates; a MAJ3 costs 1 in MIG.
 * - AIG, XAIG and MIG: complemented edges are free.
 * - B2 and U2: a complemented fanin is absorbed into the consuming gate's op,
 *   so internal negations are free.
 * - Output negations are free by default in every basis: this is Knuth's
 *   convention (TAOCP 4A, 7.1.2: C(f) = C(!f)), the one under which NPN classes
 *   have a single cost. With `outputNegations: 'gate'`, B2/U2 instead charge
 *   one NOT gate for each complemented primary input used as an output and for
 *   each gate that outputs need in both polarities (a gate needed in one
 *   polarity only can flip its op).
 * - Constants cost nothing.
 * Gates the basis cannot express (e.g. MAJ in B2, XOR in U2, LUTs of more
 * than two inputs) make the circuit not in the basis: the result says which.
 */
import { gateFanins, type Circuit } from './circuit.js';
import { BASES, type BasisName } from './basis.js';
import { GateKind, GATE_KIND_NAMES, opIsXorType, OPS } from './gate.js';

/** Size of a circuit in a basis, or why it has none. */
export type CircuitCost =
  | { readonly inBasis: true; readonly basis: BasisName; readonly size: number; readonly gates: number; readonly notGates: number }
  | { readonly inBasis: false; readonly basis: BasisName; readonly gate: number; readonly reason: string };

const AND_TYPE_OPS = new Set<number>([OPS.AND, OPS.NAND, OPS.OR, OPS.NOR, OPS.A_AND_NOT_B, OPS.NOT_A_AND_B, OPS.A_OR_NOT_B, OPS.NOT_A_OR_B]);

/** The cost of each gate in the basis, or a reason it is not expressible. */
function gateCost(c: Circuit, g: number, basis: BasisName): number | string {
  const kind = c.kinds[g] as GateKind;
  const k = c.faninStart[g + 1]! - c.faninStart[g]!;
  const info = BASES[basis];
  switch (kind) {
    case GateKind.And:
      return k - 1;
    case GateKind.Xor:
      return basis === 'B2' || basis === 'XAIG' ? k - 1 : `${basis} has no XOR`;
    case GateKind.Maj:
      return basis === 'MIG' && k === 3 ? 1 : `${basis} has no ${k}-input MAJ gate`;
    case GateKind.Lut: {
      if (k !== 2) return `${basis} has no ${k}-input LUT gate`;
      const op = c.luts.get(g)!.words[0]! & 15;
      if (basis === 'B2' || basis === 'U2') return info.ops.has(op) ? 1 : `${basis} has no op ${op.toString(16)}`;
      if (AND_TYPE_OPS.has(op)) return 1;
      if (opIsXorType(op) && basis === 'XAIG') return 1;
      return `${basis} cannot express op ${op.toString(16)} with one gate`;
    }
  }
}

/** Options of the cost model. */
export interface CostOptions {
  /** 'free' (default, Knuth) or 'gate' (B2/U2 pay NOT gates where outputs need them). */
  readonly outputNegations?: 'free' | 'gate';
}

/** Size of `c` in `basis` under the cost model above. */
export function circuitCost(c: Circuit, basis: BasisName, opts: CostOptions = {}): CircuitCost {
  let size = 0;
  for (let g = 0; g < c.numGates; g++) {
    const cost = gateCost(c, g, basis);
    if (typeof cost === 'string') {
      return { inBasis: false, basis, gate: g, reason: `gate ${g} (${GATE_KIND_NAMES[c.kinds[g] as GateKind]}/${gateFanins(c, g).length}): ${cost}` };
    }
    size += cost;
  }
  let notGates = 0;
  if (opts.outputNegations === 'gate' && !BASES[basis].freeNegations) {
    const polarity = new Map<number, number>(); // node -> bitmask of output polarities (1 pos, 2 neg)
    for (const o of c.outputs) {
      const v = o >>> 1;
      if (v === 0) continue;
      polarity.set(v, (polarity.get(v) ?? 0) | (o & 1 ? 2 : 1));
    }
    for (const [v, mask] of polarity) {
      if (v <= c.numInputs ? mask & 2 : mask === 3) notGates++;
    }
  }
  return { inBasis: true, basis, size: size + notGates, gates: size, notGates };
}
