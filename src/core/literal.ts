/**
 * Literals follow AIGER and mockturtle: `lit = 2 * node + negated`. Node 0 is
 * the constant false, so literal 0 is false and literal 1 is true. Nodes
 * 1..numInputs are the primary inputs, then the gates in topological order.
 */

/** A possibly complemented reference to a node: `2 * node + (negated ? 1 : 0)`. */
export type Lit = number;

/** The constant-false literal. */
export const LIT_FALSE: Lit = 0;
/** The constant-true literal. */
export const LIT_TRUE: Lit = 1;

/** Builds a literal from a node index and a polarity. */
export function makeLit(node: number, negated = false): Lit {
  return node * 2 + (negated ? 1 : 0);
}

/** The node a literal refers to. */
export function litNode(lit: Lit): number {
  return lit >>> 1;
}

/** Whether the literal is complemented. */
export function litIsNegated(lit: Lit): boolean {
  return (lit & 1) === 1;
}

/** The complement of a literal. */
export function litNot(lit: Lit): Lit {
  return lit ^ 1;
}

/** Complements the literal when `negate` is true. */
export function litNotIf(lit: Lit, negate: boolean): Lit {
  return negate ? lit ^ 1 : lit;
}

/** The positive literal of the same node. */
export function litRegular(lit: Lit): Lit {
  return lit & ~1;
}
