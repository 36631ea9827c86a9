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
 * - LUT3: any gate of at most three inputs costs 1. MC (multiplicative
 *   complexity): an n-ary AND costs n - 1, XORs, negations and constants 0.
 * - A custom basis `ops:...`: two-input gates whose op, with complemented
 *   fanins folded in and in either fanin order, is listed; each costs 1.
 * Gates the basis cannot express (e.g. MAJ in B2, XOR in U2, LUTs of more
 * than two inputs) make the circuit not in the basis: the result says which.
 */
import { gateFanins, type Circuit } from './circuit.js';
import { BASES, basisInfo, isOpsBasis, opsBasisPairOps, type BasisName } from './basis.js';
import { GateKind, GATE_KIND_NAMES, opIsAndType, opIsXorType, opNegateFirst, opNegateSecond, type GateOp } from './gate.js';

/** Size of a circuit in a basis, or why it has none. */
export type CircuitCost =
  | { readonly inBasis: true; readonly basis: BasisName; readonly size: number; readonly gates: number; readonly notGates: number }
  | { readonly inBasis: false; readonly basis: BasisName; readonly gate: number; readonly reason: string };

/**
 * The size of gate g in any basis that can express it: an n-ary AND or XOR
 * costs n - 1 (a tree of two-input gates), a MAJ or a LUT one gate. Whether
 * the basis can express it at all is {@link circuitCost}'s question.
 */
export function gateSize(c: Circuit, g: number): number {
  const kind = c.kinds[g] as GateKind;
  return kind === GateKind.Maj || kind === GateKind.Lut ? 1 : c.faninStart[g + 1]! - c.faninStart[g]! - 1;
}

/**
 * The size of gate g in `basis` (which can express it): {@link gateSize},
 * except that LUT3 counts every gate once, and MC (multiplicative
 * complexity) counts n - 1 per n-ary AND and nothing for XORs.
 */
export function gateSizeIn(c: Circuit, g: number, basis: BasisName): number {
  if (basis === 'LUT3') return 1;
  if (basis === 'MC') {
    const kind = c.kinds[g] as GateKind;
    if (kind === GateKind.Xor) return 0;
    if (kind === GateKind.Lut) return opIsXorType(c.luts.get(g)!.words[0]! & 15) ? 0 : 1;
  }
  return gateSize(c, g);
}

/**
 * The op a two-input gate computes on its fanin nodes' values: complemented
 * fanins folded into the op (as B2 reads them), fanin order as stored.
 */
export function gateOp2(c: Circuit, g: number): GateOp {
  const kind = c.kinds[g] as GateKind;
  const [la, lb] = gateFanins(c, g);
  let op = kind === GateKind.And ? 0x8 : kind === GateKind.Xor ? 0x6 : c.luts.get(g)!.words[0]! & 15;
  if (la! & 1) op = opNegateFirst(op);
  if (lb! & 1) op = opNegateSecond(op);
  return op;
}

/** The reason gate g is not expressible in the basis, or undefined when it is. */
function notInBasis(c: Circuit, g: number, basis: BasisName): string | undefined {
  const kind = c.kinds[g] as GateKind;
  const k = c.faninStart[g + 1]! - c.faninStart[g]!;
  if (isOpsBasis(basis)) {
    // a custom basis: two-input gates whose op (fanins folded in, either fanin order) is listed
    if (k !== 2 || kind === GateKind.Maj) return `${basis} has only two-input gates`;
    const op = gateOp2(c, g);
    return opsBasisPairOps(basis).includes(op) ? undefined : `${basis} has no op ${op.toString(16)}`;
  }
  if (basis === 'LUT3') return k <= 3 ? undefined : `${basis} has no ${k}-input gate`;
  if (basis === 'MC') {
    if (kind === GateKind.And || kind === GateKind.Xor) return undefined;
    if (kind === GateKind.Lut && k === 2) {
      const op = c.luts.get(g)!.words[0]! & 15;
      return opIsAndType(op) || opIsXorType(op) ? undefined : `${basis} cannot express op ${op.toString(16)} with one gate`;
    }
    return `${basis} has no ${k}-input ${GATE_KIND_NAMES[kind]} gate`;
  }
  switch (kind) {
    case GateKind.And:
      return undefined;
    case GateKind.Xor:
      return basis === 'B2' || basis === 'XAIG' ? undefined : `${basis} has no XOR`;
    case GateKind.Maj:
      return basis === 'MIG' && k === 3 ? undefined : `${basis} has no ${k}-input MAJ gate`;
    case GateKind.Lut: {
      if (k !== 2) return `${basis} has no ${k}-input LUT gate`;
      const op = c.luts.get(g)!.words[0]! & 15;
      if (basis === 'B2' || basis === 'U2') return BASES[basis].ops.has(op) ? undefined : `${basis} has no op ${op.toString(16)}`;
      if (opIsAndType(op)) return undefined;
      if (opIsXorType(op) && basis === 'XAIG') return undefined;
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
    const why = notInBasis(c, g, basis);
    if (why !== undefined) {
      return { inBasis: false, basis, gate: g, reason: `gate ${g} (${GATE_KIND_NAMES[c.kinds[g] as GateKind]}/${gateFanins(c, g).length}): ${why}` };
    }
    size += gateSizeIn(c, g, basis);
  }
  let notGates = 0;
  if (opts.outputNegations === 'gate' && !basisInfo(basis).freeNegations) {
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
