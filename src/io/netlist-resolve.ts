/**
 * Resolving a line-based netlist (BENCH, BLIF) whose named definitions may
 * come in any order into a topologically ordered circuit.
 */
import { CircuitBuilder } from '../core/builder.js';
import { validateCircuit, type Circuit } from '../core/circuit.js';
import type { Lit } from '../core/literal.js';
import { failAt, type Token } from './line-lexer.js';

/** One named definition of a netlist: `name` computed from the signals `fanins`. */
export interface NamedDefinition<T> {
  /** The token of the defined name (where redefinition and cycle errors point). */
  readonly name: Token;
  /** The tokens of the fanin signal names, in order. */
  readonly fanins: readonly Token[];
  /** Format-specific content (gate type, table, ...). */
  readonly payload: T;
}

/**
 * Orders named definitions topologically and builds each one once all its
 * fanins are built. `known` holds the signals defined up front (inputs).
 * Definitions are visited in file order, so a file that is already
 * topologically ordered keeps its order. A fanin naming no signal is a
 * ParseError (`undefined-signal`) at its first use in file order; a cycle is a
 * ParseError (`cycle`) at the use that closes it. The caller must have
 * rejected duplicate names already (among the definitions and the known
 * signals). `build` gets a fresh fanin array it may keep or change. Returns
 * the literal of every signal.
 */
export function resolveNetlist<T>(
  file: string,
  known: ReadonlyMap<string, Lit>,
  defs: readonly NamedDefinition<T>[],
  build: (def: NamedDefinition<T>, fanins: Lit[]) => Lit,
): Map<string, Lit> {
  const { index, litOf } = resolveDefinitions(file, known, defs, build);
  const lits = new Map<string, Lit>(known);
  for (const [name, i] of index) lits.set(name, litOf[i]!);
  return lits;
}

/** {@link resolveNetlist} without building the map: each definition's literal by its index, and the index by name. */
function resolveDefinitions<T>(
  file: string,
  known: ReadonlyMap<string, Lit>,
  defs: readonly NamedDefinition<T>[],
  build: (def: NamedDefinition<T>, fanins: Lit[]) => Lit,
): { index: Map<string, number>; litOf: Float64Array } {
  const n = defs.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(defs[i]!.name.text, i);
  // Every fanin looked up once, in file order (so the first undefined use is
  // the one reported): ref[k] >= 0 is the definition of fanin k, ref[k] < 0
  // encodes the literal -1 - ref[k] of a known signal.
  const faninStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) faninStart[i + 1] = faninStart[i]! + defs[i]!.fanins.length;
  const ref = new Float64Array(faninStart[n]!);
  for (let i = 0, k = 0; i < n; i++) {
    const fanins = defs[i]!.fanins;
    for (let j = 0; j < fanins.length; j++) {
      const f = fanins[j]!;
      // definitions first: most fanins are gates (names are disjoint, so the order does not matter)
      const di = index.get(f.text);
      if (di !== undefined) {
        ref[k++] = di;
        continue;
      }
      const lit = known.get(f.text);
      if (lit === undefined) failAt(file, f, 'undefined-signal', `signal '${f.text}' is used but never defined`);
      ref[k++] = -1 - lit;
    }
  }
  const litOf = new Float64Array(n);
  // 0 = new, 1 = on the stack, 2 = built
  const state = new Uint8Array(n);
  const stackDef = new Int32Array(n);
  const stackPos = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    state[root] = 1;
    stackDef[0] = root;
    stackPos[0] = faninStart[root]!;
    let top = 0;
    while (top >= 0) {
      const di = stackDef[top]!;
      const pos = stackPos[top]!;
      if (pos < faninStart[di + 1]!) {
        stackPos[top] = pos + 1;
        const fi = ref[pos]!;
        if (fi < 0 || state[fi] === 2) continue;
        if (state[fi] === 1) {
          const d = defs[di]!;
          const f = d.fanins[pos - faninStart[di]!]!;
          failAt(file, f, 'cycle', `combinational cycle: '${f.text}' depends on itself through '${d.name.text}'`);
        }
        state[fi] = 1;
        top++;
        stackDef[top] = fi;
        stackPos[top] = faninStart[fi]!;
        continue;
      }
      const fanins: Lit[] = [];
      for (let k = faninStart[di]!; k < pos; k++) {
        const r = ref[k]!;
        fanins.push(r < 0 ? -1 - r : litOf[r]!);
      }
      litOf[di] = build(defs[di]!, fanins);
      state[di] = 2;
      top--;
    }
  }
  return { index, litOf };
}

/**
 * Builds the circuit of a named netlist (BENCH, BLIF): `inputs` in order,
 * `defs` via {@link resolveNetlist} and `build`, then `outputs` in order; an
 * output naming no signal is a ParseError (`undefined-signal`).
 */
export function buildNetlist<T>(
  file: string,
  inputs: readonly Token[],
  outputs: readonly Token[],
  defs: readonly NamedDefinition<T>[],
  build: (b: CircuitBuilder, def: NamedDefinition<T>, fanins: Lit[]) => Lit,
): Circuit {
  const b = new CircuitBuilder({ strash: false });
  const known = new Map<string, Lit>();
  for (const t of inputs) known.set(t.text, b.addInput(t.text));
  const { index, litOf } = resolveDefinitions(file, known, defs, (d, fs) => build(b, d, fs));
  for (const o of outputs) {
    const def = index.get(o.text);
    const lit = def === undefined ? known.get(o.text) : litOf[def]!;
    if (lit === undefined) failAt(file, o, 'undefined-signal', `output '${o.text}' is never defined`);
    b.addOutput(lit, o.text);
  }
  const c = b.build();
  validateCircuit(c);
  return c;
}
