/**
 * Structural gate-level Verilog writer (write-only, for people and for other
 * tools such as yosys).
 *
 * One module with one `input`/`output` declaration per port, one `wire` per
 * internal gate, and one `assign` per gate whose right-hand side uses only
 * `&`, `|`, `^`, `~` and, for LUTs of 3 or more inputs, `?:`:
 *
 * - AND: `a & ~b & c`; XOR: `a ^ b`; MAJ3: `(a & b) | (a & c) | (b & c)`,
 *   larger MAJ as the OR of all majority-sized ANDs (up to 9 fanins) and as
 *   a sum compared with a threshold above that;
 * - 2-input LUTs by their op (`~(a & b)`, `a & ~b`, `~(a ^ b)`, ...);
 * - larger LUTs by Shannon expansion on the highest variable, written as nested
 *   `x ? f1 : f0` with constant and single-literal cofactors simplified.
 *
 * Identifiers: a name that is a legal simple Verilog identifier
 * (`[A-Za-z_][A-Za-z0-9_$]*`, not a keyword) is written as is; any other name
 * made of printable ASCII is written as an escaped identifier, `\name `
 * (backslash, the name, one space), so BENCH names like `22` or `G1.3`
 * survive unchanged; a name with spaces or other characters is sanitised
 * (each bad character becomes `_`). Names are kept unique: when a name is
 * taken (e.g. an output named like an input) it gets the suffix `_1`, `_2`,
 * ... (inputs claim their names first, then outputs, then gates). Unnamed gates
 * are called `n<node>` (node number as in literal.ts). A gate that drives an
 * output with a plain (uncomplemented) reference under the output's own name
 * (or that has no name) is computed directly into the output port, so the
 * usual BENCH naming gives no extra wires.
 *
 * Polarity: the net of a named gate carries the gate's positive literal (a
 * name denotes the node, see CircuitBuilder.nameGate), except for a gate
 * computed straight into an output port of the same name that refers to it
 * complemented (BENCH's `OUTPUT(22)`, `22 = NAND(10, 16)`): the port carries
 * the output's value. An unnamed gate whose every reference is complemented
 * computes its complement into its net, so no `~` is repeated at every use.
 */
import { gateFanins, gateNode, positiveGateName, type Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { ttCofactor, ttEqual, ttIsConst, ttNot, ttShrink, type TruthTable } from '../tt/truth-table.js';

/** Options of {@link writeVerilog}. */
export interface WriteVerilogOptions {
  /** Module name (default `top`; made a legal identifier like any other name). */
  readonly moduleName?: string;
}

/** Reserved words of Verilog-2005 (IEEE 1364-2005, annex B) plus SystemVerilog's, which may not be simple identifiers. */
const KEYWORDS = new Set(
  (
    'always and assign automatic begin buf bufif0 bufif1 case casex casez cell cmos config deassign default defparam design disable ' +
    'edge else end endcase endconfig endfunction endgenerate endmodule endprimitive endspecify endtable endtask event for force forever ' +
    'fork function generate genvar highz0 highz1 if ifnone incdir include initial inout input instance integer join large liblist library ' +
    'localparam macromodule medium module nand negedge nmos nor noshowcancelled not notif0 notif1 or output parameter pmos posedge primitive ' +
    'pull0 pull1 pulldown pullup pulsestyle_onevent pulsestyle_ondetect rcmos real realtime reg release repeat rnmos rpmos rtran rtranif0 ' +
    'rtranif1 scalared showcancelled signed small specify specparam strong0 strong1 supply0 supply1 table task time tran tranif0 tranif1 tri ' +
    'tri0 tri1 triand trior trireg unsigned use uwire vectored wait wand weak0 weak1 while wire wor xnor xor ' +
    'alias always_comb always_ff always_latch assert assume before bind bins binsof bit break byte chandle class clocking const constraint ' +
    'context continue cover covergroup coverpoint cross dist do endclass endclocking endgroup endinterface endpackage endprogram endproperty ' +
    'endsequence enum expect export extends extern final first_match foreach forkjoin iff ignore_bins illegal_bins import inside int interface ' +
    'intersect join_any join_none local logic longint matches modport new null package packed priority program property protected pure rand ' +
    'randc randcase randsequence ref return sequence shortint shortreal solve static string struct super tagged this throughout timeprecision ' +
    'timeunit type typedef union unique var virtual void wait_order wildcard with within'
  ).split(' '),
);

const SIMPLE_ID = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const ESCAPABLE = /^[\x21-\x7e]+$/;

/** Whether `name` can be written as a simple (unescaped) Verilog identifier. */
export function isSimpleVerilogIdentifier(name: string): boolean {
  return SIMPLE_ID.test(name) && !KEYWORDS.has(name);
}

/**
 * Verilog spelling of an identifier whose name is already legal as an escaped
 * identifier: simple identifiers as is, others as `\name ` (with the
 * terminating space, which is part of the token).
 */
export function verilogIdentifier(name: string): string {
  return isSimpleVerilogIdentifier(name) ? name : `\\${name} `;
}

/** Allocates unique names (compared as raw names: `\abc ` and `abc` are the same identifier). */
class Namer {
  private readonly used = new Set<string>();

  claim(preferred: string): string {
    let base = preferred;
    if (!ESCAPABLE.test(base)) base = base.replace(/[^\x21-\x7e]/g, '_') || '_';
    let name = base;
    for (let k = 1; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return verilogIdentifier(name);
  }
}

/** Writes `c` as one structural Verilog module (see module docs for the expression and naming rules). */
export function writeVerilog(c: Circuit, opts: WriteVerilogOptions = {}): string {
  const first = c.numInputs + 1;
  const namer = new Namer();
  const moduleName = new Namer().claim(opts.moduleName ?? 'top');
  const inNames = c.inputNames.map((n) => namer.claim(n));
  const outNames = c.outputNames.map((n) => namer.claim(n));

  // A gate whose every reference is complemented computes its complement into
  // its net (so BENCH's NAND/NOR/XNOR come back as one assign each).
  const refs = new Uint32Array(first + c.numGates);
  const negRefs = new Uint32Array(first + c.numGates);
  for (const l of [...c.fanins, ...c.outputs]) {
    refs[l >>> 1]!++;
    negRefs[l >>> 1]! += l & 1;
  }
  // A named gate's net carries its positive literal (the name denotes the
  // node), unless the gate is computed straight into a complemented output of
  // the same name (BENCH's `OUTPUT(22)` with `22 = NAND(...)`).
  const negOutName = new Map<number, string>();
  for (let j = 0; j < c.outputs.length; j++) {
    const o = c.outputs[j]!;
    if (o & 1 && o >>> 1 >= first && !negOutName.has(o >>> 1)) negOutName.set(o >>> 1, c.outputNames[j]!);
  }
  const flip = new Uint8Array(c.numGates);
  for (let g = 0; g < c.numGates; g++) {
    const v = first + g;
    const name = positiveGateName(c, g);
    const mayFlip = name === undefined || negOutName.get(v) === name;
    flip[g] = mayFlip && refs[v]! > 0 && negRefs[v] === refs[v] ? 1 : 0;
  }
  /** A gate's name when it denotes the value its net carries (flipped nets carry the complement). */
  const netName = (g: number): string | undefined => (flip[g] ? (c.negatedGateNames?.has(g) ? c.gateNames.get(g) : undefined) : positiveGateName(c, g));
  /** The literal relative to the net of its node. */
  const eff = (lit: number): number => {
    const g = (lit >>> 1) - first;
    return g >= 0 ? lit ^ flip[g]! : lit;
  };

  // gates computed directly into an output port
  const gateNet: (string | undefined)[] = new Array(c.numGates);
  const outDriven = new Uint8Array(c.outputs.length);
  for (let j = 0; j < c.outputs.length; j++) {
    const o = eff(c.outputs[j]!);
    const g = (o >>> 1) - first;
    if (g < 0 || (o & 1) === 1 || gateNet[g] !== undefined) continue;
    const gn = netName(g);
    if (gn === undefined || gn === c.outputNames[j]) {
      gateNet[g] = outNames[j]!;
      outDriven[j] = 1;
    }
  }
  const wires: string[] = [];
  for (let g = 0; g < c.numGates; g++) {
    if (gateNet[g] !== undefined) continue;
    const name = namer.claim(netName(g) ?? `n${gateNode(c, g)}`);
    gateNet[g] = name;
    wires.push(name);
  }

  const ref = (lit: number): string => {
    const v = lit >>> 1;
    if (v === 0) return lit & 1 ? "1'b1" : "1'b0";
    const e = eff(lit);
    const id = v < first ? inNames[v - 1]! : gateNet[v - first]!;
    return e & 1 ? `~${id}` : id;
  };

  const lines: string[] = [];
  lines.push(`// ${c.numInputs} inputs, ${c.outputs.length} outputs, ${c.numGates} gates; written by waterloo`);
  const ports = [...inNames, ...outNames];
  if (ports.length === 0) {
    lines.push(`module ${moduleName};`);
  } else {
    lines.push(`module ${moduleName} (`);
    for (let i = 0; i < ports.length; i++) lines.push(`  ${ports[i]}${i + 1 < ports.length ? ',' : ''}`);
    lines.push(');');
  }
  for (const n of inNames) lines.push(`  input ${n};`);
  for (const n of outNames) lines.push(`  output ${n};`);
  for (const n of wires) lines.push(`  wire ${n};`);
  for (let g = 0; g < c.numGates; g++) {
    const fs = [...gateFanins(c, g)].map(ref);
    lines.push(`  assign ${gateNet[g]} = ${gateExpression(c.kinds[g] as GateKind, fs, c.luts.get(g), flip[g] === 1)};`);
  }
  for (let j = 0; j < c.outputs.length; j++) {
    if (!outDriven[j]) lines.push(`  assign ${outNames[j]} = ${ref(c.outputs[j]!)};`);
  }
  lines.push('endmodule');
  return lines.join('\n') + '\n';
}

/** Parenthesises an operand unless it is a plain (possibly complemented) identifier or constant. */
function atom(e: string): string {
  return /^~?(\\\S+ |[A-Za-z_][A-Za-z0-9_$]*|1'b[01])$/.test(e) ? e : `(${e})`;
}

/** Complement of an expression, removing a double `~`. */
function notExpr(e: string): string {
  if (e === "1'b0") return "1'b1";
  if (e === "1'b1") return "1'b0";
  if (/^~(\\\S+ |[A-Za-z_][A-Za-z0-9_$]*)$/.test(e)) return e.slice(1);
  return `~${atom(e)}`;
}

/** Right-hand side for one gate over fanin expressions `fs`, complemented when `negate`. */
function gateExpression(kind: GateKind, fs: readonly string[], tt: TruthTable | undefined, negate: boolean): string {
  switch (kind) {
    case GateKind.And: {
      // De Morgan: an AND of complements is a NOR
      if (fs.every((f) => f.startsWith('~'))) {
        const or = fs.map(notExpr).join(' | ');
        return negate ? or : `~(${or})`;
      }
      const and = fs.join(' & ');
      return negate ? `~(${and})` : and;
    }
    case GateKind.Xor: {
      const xor = fs.join(' ^ ');
      return negate ? `~(${xor})` : xor;
    }
    case GateKind.Maj:
      return negate ? notExpr(majExpression(fs)) : majExpression(fs);
    case GateKind.Lut:
      return lutExpression(negate ? ttNot(tt!) : tt!, fs);
  }
}

/** Majority of an odd number of operands. */
function majExpression(fs: readonly string[]): string {
  const n = fs.length;
  const k = (n + 1) >> 1;
  if (n > 9) return `(${fs.map((f) => `{31'b0, ${f}}`).join(' + ')}) >= ${k}`;
  const terms: string[] = [];
  const pick = (start: number, chosen: string[]): void => {
    if (chosen.length === k) {
      terms.push(chosen.length === 1 ? chosen[0]! : `(${chosen.join(' & ')})`);
      return;
    }
    for (let i = start; i <= n - (k - chosen.length); i++) pick(i + 1, [...chosen, fs[i]!]);
  };
  pick(0, []);
  return terms.join(' | ');
}

/** Expressions of the 16 two-input ops over operands a (x0) and b (x1). */
function op2Expression(op: number, a: string, b: string): string {
  switch (op & 15) {
    case 0x0: return "1'b0";
    case 0x1: return `~(${atom(a)} | ${atom(b)})`;
    case 0x2: return `${atom(a)} & ${atom(notExpr(b))}`;
    case 0x3: return notExpr(b);
    case 0x4: return `${atom(notExpr(a))} & ${atom(b)}`;
    case 0x5: return notExpr(a);
    case 0x6: return `${atom(a)} ^ ${atom(b)}`;
    case 0x7: return `~(${atom(a)} & ${atom(b)})`;
    case 0x8: return `${atom(a)} & ${atom(b)}`;
    case 0x9: return `~(${atom(a)} ^ ${atom(b)})`;
    case 0xa: return a;
    case 0xb: return `${atom(a)} | ${atom(notExpr(b))}`;
    case 0xc: return b;
    case 0xd: return `${atom(notExpr(a))} | ${atom(b)}`;
    case 0xe: return `${atom(a)} | ${atom(b)}`;
    default: return "1'b1";
  }
}

/** A LUT by Shannon expansion on its highest variable (nested ?:), simplified at constants and literals. */
function lutExpression(tt: TruthTable, fs: readonly string[]): string {
  if (tt.numVars === 0) return tt.get(0) ? "1'b1" : "1'b0";
  if (tt.numVars === 1) return tt.get(0) ? (tt.get(1) ? "1'b1" : notExpr(fs[0]!)) : tt.get(1) ? fs[0]! : "1'b0";
  if (tt.numVars === 2) return op2Expression(tt.words[0]!, fs[0]!, fs[1]!);
  const j = tt.numVars - 1;
  const x = fs[j]!;
  const f0 = ttCofactor(tt, j, false);
  const f1 = ttCofactor(tt, j, true);
  const rest = fs.slice(0, j);
  const sub = (t: TruthTable): string => lutExpression(shrinkTop(t), rest);
  if (ttEqual(f0, f1)) return sub(f0);
  if (ttIsConst(f0, false)) return ttIsConst(f1, true) ? x : `${atom(x)} & ${atom(sub(f1))}`;
  if (ttIsConst(f0, true)) return ttIsConst(f1, false) ? notExpr(x) : `${atom(notExpr(x))} | ${atom(sub(f1))}`;
  if (ttIsConst(f1, false)) return `${atom(notExpr(x))} & ${atom(sub(f0))}`;
  if (ttIsConst(f1, true)) return `${atom(x)} | ${atom(sub(f0))}`;
  if (ttEqual(f1, ttNot(f0))) return `${atom(x)} ^ ${atom(sub(f0))}`;
  return `${atom(x)} ? ${atom(sub(f1))} : ${atom(sub(f0))}`;
}

/** Drops the (unused) highest variable of a cofactor. */
function shrinkTop(t: TruthTable): TruthTable {
  return ttShrink(t, [...Array(t.numVars - 1).keys()]);
}
