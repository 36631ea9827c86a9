/**
 * Gate kinds of the circuit model. Every gate has a list of fanin literals
 * (complemented edges allowed) and one of four kinds:
 *
 * - `And`: conjunction of its fanins (n >= 2). OR, NAND, NOR are ANDs with
 *   complemented fanins and/or a complemented reference.
 * - `Xor`: parity of its fanins (n >= 2).
 * - `Maj`: majority of an odd number (>= 3) of fanins.
 * - `Lut`: an arbitrary function of its k fanins given by a truth table in
 *   which fanin j is variable x_j. Two-input LUTs are the B2/U2 gates; the
 *   table is then the 4-bit {@link GateOp}.
 */
export const GateKind = { And: 0, Xor: 1, Maj: 2, Lut: 3 } as const;
/** One of the four gate kinds. */
export type GateKind = (typeof GateKind)[keyof typeof GateKind];

/** Human name of each kind (exhaustive). */
export const GATE_KIND_NAMES: Readonly<Record<GateKind, string>> = { 0: 'AND', 1: 'XOR', 2: 'MAJ', 3: 'LUT' };

/**
 * A two-input gate operation as its 4-bit truth table: bit (a + 2*b) is
 * op(a, b), where a is the first fanin (x0) and b the second (x1). So AND = 8,
 * OR = 14 (`e`), XOR = 6, NAND = 7, NOR = 1, XNOR = 9, a AND NOT b = 2.
 */
export type GateOp = number;

/** Named two-input operations (kitty order, see {@link GateOp}). */
export const OPS = {
  FALSE: 0x0,
  NOR: 0x1,
  A_AND_NOT_B: 0x2, // a & !b ("GT" in Cirbo when a is the first operand)
  NOT_B: 0x3,
  NOT_A_AND_B: 0x4,
  NOT_A: 0x5,
  XOR: 0x6,
  NAND: 0x7,
  AND: 0x8,
  XNOR: 0x9,
  A: 0xa,
  A_OR_NOT_B: 0xb,
  B: 0xc,
  NOT_A_OR_B: 0xd,
  OR: 0xe,
  TRUE: 0xf,
} as const;

/** Evaluates a 2-input op on 32 parallel bit pairs. */
export function evalOpWord(op: GateOp, a: number, b: number): number {
  let r = 0;
  if (op & 1) r |= ~a & ~b;
  if (op & 2) r |= a & ~b;
  if (op & 4) r |= ~a & b;
  if (op & 8) r |= a & b;
  return r;
}

/** The op computing op(!a, b) (first operand complemented). */
export function opNegateFirst(op: GateOp): GateOp {
  return ((op & 0x5) << 1) | ((op & 0xa) >> 1);
}
/** The op computing op(a, !b). */
export function opNegateSecond(op: GateOp): GateOp {
  return ((op & 0x3) << 2) | ((op & 0xc) >> 2);
}
/** The op computing op(b, a). */
export function opSwap(op: GateOp): GateOp {
  return (op & 0x9) | ((op & 0x2) << 1) | ((op & 0x4) >> 1);
}
/** Whether the op depends on both operands. */
export function opIsNormalBinary(op: GateOp): boolean {
  const dependsA = ((op >> 1) & 0x5) !== (op & 0x5);
  const dependsB = ((op >> 2) & 0x3) !== (op & 0x3);
  return dependsA && dependsB;
}
/** Whether the op is XOR or XNOR (the two ops outside U2). */
export function opIsXorType(op: GateOp): boolean {
  return op === OPS.XOR || op === OPS.XNOR;
}

const AND_TYPE_OPS = new Set<number>([OPS.AND, OPS.NAND, OPS.OR, OPS.NOR, OPS.A_AND_NOT_B, OPS.NOT_A_AND_B, OPS.A_OR_NOT_B, OPS.NOT_A_OR_B]);

/** Whether a 2-input op is an AND with optional negations of its inputs and output (one AIG gate). */
export function opIsAndType(op: GateOp): boolean {
  return AND_TYPE_OPS.has(op);
}
