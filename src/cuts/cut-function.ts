/**
 * `cutFunction(circuit, root, leaves)`: the function of a node over a cut,
 * computed by simulating the cone (the gates between the leaves and the
 * root) on all assignments of the leaves. Leaf j is variable x_j of the
 * result (waterloo's bit order: x_0 is the LSB of the minterm index).
 */
import { gateFanins, type Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { ValidationError } from '../errors.js';
import { fillProjection, fromWords, wordCount, type TruthTable } from '../tt/truth-table.js';

/** Largest number of leaves {@link cutFunction} accepts. */
export const MAX_CUT_FUNCTION_LEAVES = 16;

/**
 * The gates of the cone of `roots` above `leaves`, in increasing node order
 * (which is topological). Throws ValidationError (code `not-a-cut`) when a
 * primary input outside the leaves reaches a root.
 */
export function coneNodes(circuit: Circuit, roots: readonly number[], leaves: readonly number[]): number[] {
  const isLeaf = new Set(leaves);
  const seen = new Set<number>();
  const stack = roots.filter((r) => !isLeaf.has(r));
  const out: number[] = [];
  while (stack.length) {
    const v = stack.pop()!;
    if (seen.has(v) || isLeaf.has(v) || v === 0) continue;
    if (v <= circuit.numInputs) {
      throw new ValidationError(`the leaves [${leaves.join(', ')}] are not a cut of [${roots.join(', ')}]: input node ${v} reaches a root without passing a leaf`, 'not-a-cut');
    }
    seen.add(v);
    out.push(v);
    for (const f of gateFanins(circuit, v - circuit.numInputs - 1)) stack.push(f >>> 1);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Evaluates the cone of `roots` over `leaves` on all 2^|leaves| leaf
 * assignments and returns one table per root (leaf j = variable x_j).
 */
export function coneFunctions(circuit: Circuit, roots: readonly number[], leaves: readonly number[]): TruthTable[] {
  const n = leaves.length;
  if (n > MAX_CUT_FUNCTION_LEAVES) throw new ValidationError(`a cut function has at most ${MAX_CUT_FUNCTION_LEAVES} leaves; got ${n}`, 'too-large');
  const w = wordCount(n);
  const values = new Map<number, Uint32Array>();
  values.set(0, new Uint32Array(w));
  const mask = n >= 5 ? 0xffffffff : (2 ** (1 << n) - 1) >>> 0;
  leaves.forEach((v, j) => {
    if (values.has(v) && v !== 0) throw new ValidationError(`leaf ${v} is listed twice`, 'bad-window');
    const words = new Uint32Array(w);
    fillProjection(words, j);
    values.set(v, words);
  });
  const lit = (f: number): Uint32Array => {
    const src = values.get(f >>> 1)!;
    return f & 1 ? src.map((x) => ~x >>> 0) : src;
  };
  for (const v of coneNodes(circuit, roots, leaves)) {
    const g = v - circuit.numInputs - 1;
    const fs = Array.from(gateFanins(circuit, g), lit);
    const out = new Uint32Array(w);
    const kind = circuit.kinds[g] as GateKind;
    for (let i = 0; i < w; i++) {
      let r: number;
      if (kind === GateKind.And) {
        r = 0xffffffff;
        for (const f of fs) r &= f[i]!;
      } else if (kind === GateKind.Xor) {
        r = 0;
        for (const f of fs) r ^= f[i]!;
      } else if (kind === GateKind.Maj) {
        r = 0;
        for (let bit = 0; bit < 32; bit++) {
          let ones = 0;
          for (const f of fs) ones += (f[i]! >>> bit) & 1;
          if (2 * ones > fs.length) r |= 1 << bit;
        }
      } else {
        const tt = circuit.luts.get(g)!;
        r = 0;
        for (let bit = 0; bit < 32; bit++) {
          let m = 0;
          fs.forEach((f, j) => (m |= ((f[i]! >>> bit) & 1) << j));
          if (tt.get(m)) r |= 1 << bit;
        }
      }
      out[i] = r >>> 0;
    }
    values.set(v, out);
  }
  return roots.map((r) => {
    const words = values.get(r);
    if (words === undefined) throw new ValidationError(`root ${r} is neither a leaf nor in the cone`, 'not-a-cut');
    const copy = words.slice();
    copy[w - 1] = (copy[w - 1]! & mask) >>> 0;
    return fromWords(n, copy);
  });
}

/**
 * The function of node `root` over the cut `leaves` (node ids), leaf j =
 * variable x_j. Throws ValidationError (code `not-a-cut`) when the leaves
 * do not separate the root from the primary inputs.
 */
export function cutFunction(circuit: Circuit, root: number, leaves: readonly number[]): TruthTable {
  return coneFunctions(circuit, [root], leaves)[0]!;
}
