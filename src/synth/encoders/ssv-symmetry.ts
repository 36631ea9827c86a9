/**
 * Spec analysis used by the SSV encoder's symmetry breaking: which inputs the
 * whole spec (all outputs and their care sets together) is symmetric in.
 */
import { careOf, type FunctionSpec } from '../../tt/spec.js';
import { ttAnd, ttEqual, ttSwapVars, type TruthTable } from '../../tt/truth-table.js';

/** Whether swapping inputs a and b maps every output's care set and its values on the care set to themselves. */
export function specSymmetricIn(spec: FunctionSpec, a: number, b: number): boolean {
  for (let h = 0; h < spec.outputs.length; h++) {
    const care = careOf(spec, h);
    const f: TruthTable = care === undefined ? spec.outputs[h]! : ttAnd(spec.outputs[h]!, care);
    if (!ttEqual(ttSwapVars(f, a, b), f)) return false;
    if (care !== undefined && !ttEqual(ttSwapVars(care, a, b), care)) return false;
  }
  return true;
}

/**
 * The classes (size >= 2, ascending, sorted by first member) of inputs the
 * spec is totally symmetric in: connected components of the "swap-invariant"
 * relation. Transpositions along a connected graph generate the full
 * symmetric group of the component, so any permutation within a class maps
 * the spec to itself.
 */
export function symmetricInputClasses(spec: FunctionSpec): number[][] {
  const n = spec.numInputs;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (find(a) === find(b)) continue;
      if (specSymmetricIn(spec, a, b)) parent[find(b)] = find(a);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].filter((g) => g.length >= 2).sort((x, y) => x[0]! - y[0]!);
}
