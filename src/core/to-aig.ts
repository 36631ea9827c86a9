/**
 * Decomposition into an AIG (two-input ANDs with complemented edges), the
 * common denominator of AIGER files and ABC. n-ary AND/XOR become balanced
 * trees, MAJ3 becomes (a&b)|(c&(a|b)), LUTs are decomposed by Shannon
 * expansion on their table with structural hashing.
 */
import { createFromFunction, ttCofactor, ttIsConst, type TruthTable } from '../tt/truth-table.js';
import { CircuitBuilder } from './builder.js';
import { gateFanins, type Circuit } from './circuit.js';
import { GateKind } from './gate.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from './literal.js';
import { popcount } from '../util/popcount.js';
import { reachableFromOutputs } from './analysis.js';

/** Whether every gate is a two-input AND. */
export function isAig(c: Circuit): boolean {
  for (let g = 0; g < c.numGates; g++) {
    if (c.kinds[g] !== GateKind.And || c.faninStart[g + 1]! - c.faninStart[g]! !== 2) return false;
  }
  return true;
}

/** The same function as an AIG with structural hashing (input and output names kept). */
export function toAig(c: Circuit): Circuit {
  const b = new CircuitBuilder({ strash: true });
  const inputs = c.inputNames.map((name) => b.addInput(name));
  const outs = appendAig(b, c, inputs);
  outs.forEach((o, j) => b.addOutput(o, c.outputNames[j]));
  return b.build();
}

/** Combines literals pairwise, level by level, into a balanced tree of `op` (the first literal for one). */
export function balancedTree(lits: readonly Lit[], op: (x: Lit, y: Lit) => Lit): Lit {
  let level = [...lits];
  while (level.length > 1) {
    const next: Lit[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(op(level[i]!, level[i + 1]!));
    if (level.length % 2) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

/**
 * Adds `c`, decomposed into two-input ANDs, to an existing builder with its
 * inputs bound to `inputLits`, and returns the literals of its outputs. Only
 * gates some output needs are added.
 */
export function appendAig(b: CircuitBuilder, c: Circuit, inputLits: readonly Lit[]): Lit[] {
  const live = reachableFromOutputs(c);
  const map = new Uint32Array(1 + c.numInputs + c.numGates);
  for (let i = 0; i < c.numInputs; i++) map[i + 1] = inputLits[i]!;
  const first = c.numInputs + 1;
  const xor = (x: Lit, y: Lit): Lit => b.or(b.and(x, y ^ 1), b.and(x ^ 1, y));
  for (let g = 0; g < c.numGates; g++) {
    if (!live[first + g]) continue;
    const fs = Array.from(gateFanins(c, g), (f) => map[f >>> 1]! ^ (f & 1));
    let lit: Lit;
    switch (c.kinds[g] as GateKind) {
      case GateKind.And:
        lit = balancedTree(fs, (x, y) => b.and(x, y));
        break;
      case GateKind.Xor:
        lit = balancedTree(fs, xor);
        break;
      case GateKind.Maj:
        lit = fs.length === 3 ? b.or(b.and(fs[0]!, fs[1]!), b.and(fs[2]!, b.or(fs[0]!, fs[1]!))) : majByLut(b, fs);
        break;
      case GateKind.Lut:
        lit = shannon(b, c.luts.get(g)!, fs, fs.length);
        break;
    }
    map[first + g] = lit;
  }
  return Array.from(c.outputs, (o) => map[o >>> 1]! ^ (o & 1));
}

/** Builds f over fanins x_0..x_{k-1} by Shannon expansion on the highest variable first. */
function shannon(b: CircuitBuilder, f: TruthTable, fs: readonly Lit[], k: number): Lit {
  if (ttIsConst(f, false)) return LIT_FALSE;
  if (ttIsConst(f, true)) return LIT_TRUE;
  const j = k - 1;
  const f0 = ttCofactor(f, j, false);
  const f1 = ttCofactor(f, j, true);
  const l0 = shannon(b, f0, fs, j);
  const l1 = shannon(b, f1, fs, j);
  if (l0 === l1) return l0;
  return b.mux(fs[j]!, l1, l0);
}

function majByLut(b: CircuitBuilder, fs: readonly Lit[]): Lit {
  const n = fs.length;
  const table = createFromFunction(n, (m) => 2 * popcount(m) > n);
  return shannon(b, table, fs, n);
}

