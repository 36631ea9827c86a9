/**
 * Graphviz DOT writer (write-only, for people).
 *
 * Layout of the graph, top to bottom: the primary inputs on the first rank
 * (`rank=source`), the gates, the primary outputs on the last rank
 * (`rank=sink`). Node identifiers are `n<node>` for the constant, inputs and
 * gates (node numbers as in literal.ts) and `o<j>` for output j, so a DOT file
 * can be matched back to the circuit.
 *
 * Gate labels: `AND`, `XOR`, `MAJ`, 2-input LUTs by their op name (`AND`,
 * `OR`, `XOR`, `NAND`, `NOR`, `XNOR`, `a&!b`, ..., see {@link opDisplayName}),
 * larger LUTs as `LUT 0x<hex>` (kitty hex, see truth-table.ts). A gate's name
 * (e.g. the BENCH signal name) is shown in small type under its label.
 *
 * Complemented edges are drawn dashed and end in an open circle (`arrowhead=odot`,
 * the inversion bubble of schematics). To keep pictures readable, two
 * De Morgan rewrites are applied to the picture only (the circuit is not
 * changed): a gate whose every reference is complemented is drawn as its
 * complement (AND→NAND, XOR→XNOR, LUT→complemented table, AND with all fanins
 * complemented→OR) with those references drawn plain, and an AND whose fanins
 * are all complemented is drawn as NOR with plain fanin edges. Pass
 * `{ deMorgan: false }` to draw the stored structure as is.
 * A gate's name (see core/node-names.ts) states the polarity of the value
 * drawn: a node drawn as its complement, or whose file name denotes its
 * complement, is labelled `name` when the drawn value is the file's signal
 * and `!name` when it is its complement.
 *
 * LUT gates whose function is not symmetric are drawn as a small table with
 * one labelled port per fanin along the top (`a`/`b` for 2-input ops, `x0`,
 * `x1`, ... else; edge heads `n<node>:p<k>:n`), so the operand order is visible.
 * The constant node (`0`, i.e. false; a complemented edge from it is true) is
 * drawn only if something refers to it. Output is deterministic.
 */
import { gateFanins, gateNode, numNodes, type Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { literalName } from '../core/node-names.js';
import { toHex, ttEqual, ttNot, ttSwapVars, type TruthTable } from '../tt/truth-table.js';

/** Options of {@link writeDot}. */
export interface WriteDotOptions {
  /** Graph title, drawn above the picture and used as the graph's name. */
  readonly title?: string;
  /** Show gate names (e.g. BENCH signal names) under the gate labels (default true). */
  readonly gateNames?: boolean;
  /** Draw De Morgan equivalents to avoid inversion bubbles (default true; see module docs). */
  readonly deMorgan?: boolean;
  /**
   * Blocks drawn as coloured clusters (Graphviz `cluster` subgraphs) around
   * their gates, labelled; each gate in at most one block (later blocks skip
   * gates taken by earlier ones).
   */
  readonly blocks?: readonly DotBlock[];
}

/** A block of gates drawn as a labelled, coloured cluster (see {@link WriteDotOptions.blocks}). */
export interface DotBlock {
  readonly label: string;
  /** Node ids of the block's gates. */
  readonly nodes: readonly number[];
  /** Fill colour (`#rrggbb`). */
  readonly color: string;
}

/** Picture names of the 16 two-input ops, indexed by GateOp (bit a + 2b = op(a, b)). */
export const OP_DISPLAY_NAMES: readonly string[] = [
  'FALSE', 'NOR', 'a&!b', '!b', '!a&b', '!a', 'XOR', 'NAND',
  'AND', 'XNOR', 'a', 'a|!b', 'b', '!a|b', 'OR', 'TRUE',
];

/** Picture name of a two-input op (see {@link OP_DISPLAY_NAMES}). */
export function opDisplayName(op: number): string {
  return OP_DISPLAY_NAMES[op & 15]!;
}

/** Whether a 2-input op is symmetric in its operands (its edges need no a/b labels). */
function opSymmetric(op: number): boolean {
  return ((op >> 1) & 1) === ((op >> 2) & 1);
}

/** Whether a table is invariant under swapping any two adjacent variables (so under all permutations). */
export function ttIsSymmetric(tt: TruthTable): boolean {
  const k = tt.numVars;
  for (let j = 0; j + 1 < k; j++) {
    if (!ttEqual(ttSwapVars(tt, j, j + 1), tt)) return false;
  }
  return true;
}

/** How one gate is drawn. */
export interface GateDrawing {
  /** Main label (kind or op). */
  readonly label: string;
  /** The picture absorbs the complement of every reference to the gate. */
  readonly outputAbsorbed: boolean;
  /** The picture absorbs the complement of every fanin edge. */
  readonly faninsAbsorbed: boolean;
  /** Per-fanin edge labels (variable names) or undefined when the gate is symmetric. */
  readonly pinLabels: readonly string[] | undefined;
}

/**
 * Decides how every gate is drawn (label, absorbed complements, pin labels);
 * shared by the DOT and SVG writers. Index = gate number.
 */
export function gateDrawings(c: Circuit, deMorgan = true): GateDrawing[] {
  // does every reference to a node come complemented?
  const refs = new Uint32Array(numNodes(c));
  const negRefs = new Uint32Array(numNodes(c));
  const count = (l: number): void => {
    refs[l >>> 1]!++;
    if (l & 1) negRefs[l >>> 1]!++;
  };
  for (const f of c.fanins) count(f);
  for (const o of c.outputs) count(o);
  const first = c.numInputs + 1;
  const outAbsorbed = (v: number): boolean =>
    deMorgan && v >= first && c.kinds[v - first] !== GateKind.Maj && refs[v]! > 0 && negRefs[v] === refs[v];
  const out: GateDrawing[] = [];
  for (let g = 0; g < c.numGates; g++) {
    const v = gateNode(c, g);
    const fs = gateFanins(c, g);
    const allOutNeg = outAbsorbed(v);
    const kind = c.kinds[g] as GateKind;
    switch (kind) {
      case GateKind.And: {
        // fanins as drawn (after their own gates absorbed their complements) all complemented?
        const allInNeg = deMorgan && fs.every((f) => ((f & 1) === 1) !== outAbsorbed(f >>> 1));
        const name = allInNeg ? (allOutNeg ? 'OR' : 'NOR') : allOutNeg ? 'NAND' : 'AND';
        out.push({ label: fs.length > 2 ? `${name}${fs.length}` : name, outputAbsorbed: allOutNeg, faninsAbsorbed: allInNeg, pinLabels: undefined });
        break;
      }
      case GateKind.Xor: {
        const name = allOutNeg ? 'XNOR' : 'XOR';
        out.push({ label: fs.length > 2 ? `${name}${fs.length}` : name, outputAbsorbed: allOutNeg, faninsAbsorbed: false, pinLabels: undefined });
        break;
      }
      case GateKind.Maj:
        out.push({ label: fs.length > 3 ? `MAJ${fs.length}` : 'MAJ', outputAbsorbed: false, faninsAbsorbed: false, pinLabels: undefined });
        break;
      case GateKind.Lut: {
        let tt = c.luts.get(g)!;
        if (allOutNeg) tt = ttNot(tt);
        if (tt.numVars === 2) {
          const op = tt.words[0]! & 15;
          out.push({ label: opDisplayName(op), outputAbsorbed: allOutNeg, faninsAbsorbed: false, pinLabels: opSymmetric(op) ? undefined : ['a', 'b'] });
        } else {
          const pins = ttIsSymmetric(tt) ? undefined : Array.from({ length: tt.numVars }, (_, j) => `x${j}`);
          out.push({ label: `LUT 0x${toHex(tt)}`, outputAbsorbed: allOutNeg, faninsAbsorbed: false, pinLabels: pins });
        }
        break;
      }
    }
  }
  return out;
}

/**
 * Whether the reference `lit` is drawn with an inversion bubble, given the
 * drawings (a gate drawn as its complement absorbs its references' complement).
 */
export function drawnNegated(c: Circuit, draw: readonly GateDrawing[], lit: number): boolean {
  const g = (lit >>> 1) - c.numInputs - 1;
  const absorbed = g >= 0 && draw[g]!.outputAbsorbed;
  return ((lit & 1) === 1) !== absorbed;
}

/** Quotes a string as a DOT double-quoted ID. */
export function dotQuote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** Escapes text for a DOT HTML-like label. */
function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NEG_EDGE = 'style=dashed, arrowhead=odot';

/** Writes a circuit as a Graphviz digraph (see module docs for the drawing conventions). */
export function writeDot(c: Circuit, opts: WriteDotOptions = {}): string {
  const showNames = opts.gateNames ?? true;
  const draw = gateDrawings(c, opts.deMorgan ?? true);
  const first = c.numInputs + 1;
  const lines: string[] = [];
  const title = opts.title;
  lines.push(`digraph ${dotQuote(title ?? 'circuit')} {`);
  lines.push('  rankdir=TB;');
  lines.push('  ranksep=0.35; nodesep=0.25;');
  if (title !== undefined) lines.push(`  label=${dotQuote(title)}; labelloc=t; fontname="Helvetica"; fontsize=14;`);
  lines.push('  node [fontname="Helvetica", fontsize=10, height=0.3, margin="0.06,0.03"];');
  lines.push('  edge [arrowsize=0.6, fontname="Helvetica", fontsize=8];');

  // constant node: only if referenced
  const usesConst = c.fanins.some((f) => f >>> 1 === 0) || c.outputs.some((o) => o >>> 1 === 0);
  if (usesConst) lines.push('  n0 [label="0", shape=square, style=filled, fillcolor="#e5e7eb"];');

  lines.push('  { rank=source;');
  for (let i = 0; i < c.numInputs; i++) {
    lines.push(`    n${i + 1} [label=${dotQuote(c.inputNames[i]!)}, shape=invhouse, style=filled, fillcolor="#dbeafe"];`);
  }
  if (c.numInputs > 1) lines.push(`    ${Array.from({ length: c.numInputs }, (_, i) => `n${i + 1}`).join(' -> ')} [style=invis];`);
  lines.push('  }');

  for (let g = 0; g < c.numGates; g++) {
    const d = draw[g]!;
    // the drawn value is the node, complemented when the picture absorbs its references' complement
    const name = showNames && c.gateNames.has(g) ? literalName(c, 2 * (first + g) + (d.outputAbsorbed ? 1 : 0)) : undefined;
    const kind = c.kinds[g] as GateKind;
    const fill = kind === GateKind.Xor ? '#dcfce7' : kind === GateKind.Maj ? '#fce7f3' : kind === GateKind.Lut ? '#f3e8ff' : '#ffffff';
    const nameHtml = name === undefined ? '' : `<FONT POINT-SIZE="7" COLOR="#6b7280">${htmlEscape(name)}</FONT>`;
    if (d.pinLabels) {
      // an HTML table with one port per fanin on top, so the pins are ordered and labelled
      const pins = d.pinLabels.map((p, k) => `<TD PORT="p${k}"><FONT POINT-SIZE="7" COLOR="#6b7280">${htmlEscape(p)}</FONT></TD>`).join('');
      const span = d.pinLabels.length;
      const rows = [`<TR>${pins}</TR>`, `<TR><TD COLSPAN="${span}"> ${htmlEscape(d.label)} </TD></TR>`];
      if (name !== undefined) rows.push(`<TR><TD COLSPAN="${span}">${nameHtml}</TD></TR>`);
      const table = `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2" STYLE="rounded" BGCOLOR="${fill}">${rows.join('')}</TABLE>`;
      lines.push(`  n${first + g} [label=<${table}>, shape=plain];`);
    } else {
      const label = name === undefined ? dotQuote(d.label) : `<${htmlEscape(d.label)}<BR/>${nameHtml}>`;
      lines.push(`  n${first + g} [label=${label}, shape=box, style="rounded,filled", fillcolor="${fill}"];`);
    }
  }

  const taken = new Set<number>();
  (opts.blocks ?? []).forEach((b, k) => {
    const own = b.nodes.filter((v) => v >= first && v < numNodes(c) && !taken.has(v));
    if (own.length === 0) return;
    own.forEach((v) => taken.add(v));
    lines.push(`  subgraph cluster_b${k} { label=${dotQuote(b.label)}; labeljust=l; fontname="Helvetica"; fontsize=9; fontcolor="#334155"; style="rounded,filled"; color="#64748b"; fillcolor=${dotQuote(b.color)}; ${own.map((v) => `n${v};`).join(' ')} }`);
  });

  lines.push('  { rank=sink;');
  for (let j = 0; j < c.outputs.length; j++) {
    lines.push(`    o${j} [label=${dotQuote(c.outputNames[j]!)}, shape=house, style=filled, fillcolor="#fef3c7"];`);
  }
  if (c.outputs.length > 1) lines.push(`    ${Array.from({ length: c.outputs.length }, (_, j) => `o${j}`).join(' -> ')} [style=invis];`);
  lines.push('  }');

  const refNegated = (lit: number): boolean => drawnNegated(c, draw, lit);
  for (let g = 0; g < c.numGates; g++) {
    const d = draw[g]!;
    const fs = gateFanins(c, g);
    for (let k = 0; k < fs.length; k++) {
      const f = fs[k]!;
      const neg = refNegated(f) !== d.faninsAbsorbed;
      const attrs: string[] = [];
      if (neg) attrs.push(NEG_EDGE);
      const head = d.pinLabels ? `n${first + g}:p${k}:n` : `n${first + g}`;
      lines.push(`  n${f >>> 1} -> ${head}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
    }
  }
  for (let j = 0; j < c.outputs.length; j++) {
    const o = c.outputs[j]!;
    lines.push(`  n${o >>> 1} -> o${j}${refNegated(o) ? ` [${NEG_EDGE}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
