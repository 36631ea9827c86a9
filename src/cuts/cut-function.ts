/**
 * `cutFunction(circuit, root, leaves)`: the function of a node over a cut,
 * computed by simulating the cone (the gates between the leaves and the
 * root) on all assignments of the leaves. Leaf j is variable x_j of the
 * result (waterloo's bit order: x_0 is the LSB of the minterm index). The
 * cone toolkit itself is src/core/cone.ts.
 */
import type { Circuit } from '../core/circuit.js';
import { coneFunctions, MAX_CONE_FUNCTION_LEAVES } from '../core/cone.js';
import type { TruthTable } from '../tt/truth-table.js';

export { coneFunctions, coneNodes } from '../core/cone.js';

/** Largest number of leaves {@link cutFunction} accepts. */
export const MAX_CUT_FUNCTION_LEAVES = MAX_CONE_FUNCTION_LEAVES;

/**
 * The function of node `root` over the cut `leaves` (node ids), leaf j =
 * variable x_j. Throws ValidationError (code `not-a-cut`) when the leaves
 * do not separate the root from the primary inputs.
 */
export function cutFunction(circuit: Circuit, root: number, leaves: readonly number[]): TruthTable {
  return coneFunctions(circuit, [root], leaves)[0]!;
}
