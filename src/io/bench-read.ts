/**
 * ISCAS BENCH reader (the writer is bench-write.ts; bench.ts exports both).
 *
 * Grammar, one statement per line, `#` comments, blank lines, any line ends:
 *
 *     INPUT(name)
 *     OUTPUT(name)
 *     name = OP(a, b, ...)        OP in AND OR NAND NOR XOR XNOR NOT BUF BUFF
 *     name = LUT 0x<hex> (a, ...)  ABC's LUT gates: the first fanin is x0
 *     name = vdd | gnd            constants
 *
 * Keywords are case-insensitive. Gates may come in any order. Names are any
 * runs of characters other than blanks and `( ) , = #`. XOR/XNOR with more
 * than two inputs are parity. DFF gates are refused (UnsupportedError).
 *
 * Mapping (strash off, so the file's structure is kept): AND/NAND become an
 * And gate, NAND referenced through the complemented literal; OR/NOR become
 * an And gate of complemented fanins (OR referenced complemented);
 * XOR/XNOR an Xor gate; LUT a Lut gate with the table as written; NOT, BUF,
 * 1-input AND/OR/XOR (and their complements) are not gates but aliases of the
 * (complemented) fanin literal; vdd/gnd are the constant literals. Every gate
 * keeps its signal name as gate name.
 */
import { UnsupportedError } from '../errors.js';
import { CircuitBuilder } from '../core/builder.js';
import type { Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from '../core/literal.js';
import { fromHex, MAX_TT_VARS, type TruthTable } from '../tt/truth-table.js';
import { decodeInput, failAt, tokenizeLine, type LogicalLine, type Token } from './line-lexer.js';
import { buildNetlist, type NamedDefinition } from './netlist-resolve.js';

/** Options of {@link parseBench}. */
export interface ParseBenchOptions {
  /** File name used in error messages (default `<stdin>`). */
  readonly fileName?: string;
}

type BenchOp = 'AND' | 'NAND' | 'OR' | 'NOR' | 'XOR' | 'XNOR' | 'NOT' | 'BUF' | 'LUT' | 'VDD' | 'GND';

/** Gate types by upper-case keyword. */
const OP_NAMES: ReadonlyMap<string, BenchOp> = new Map([
  ['AND', 'AND'],
  ['NAND', 'NAND'],
  ['OR', 'OR'],
  ['NOR', 'NOR'],
  ['XOR', 'XOR'],
  ['XNOR', 'XNOR'],
  ['NOT', 'NOT'],
  ['INV', 'NOT'],
  ['BUF', 'BUF'],
  ['BUFF', 'BUF'],
  ['LUT', 'LUT'],
  ['VDD', 'VDD'],
  ['GND', 'GND'],
]);

const SEQUENTIAL = new Set(['DFF', 'DFFR', 'DFFS', 'LATCH']);

interface BenchGate {
  readonly op: BenchOp;
  readonly lut?: TruthTable;
}

/** The payload of every gate without a table, one per type (payloads are never mutated). */
const PLAIN_GATES = new Map<BenchOp, BenchGate>();
function plainGate(op: BenchOp): BenchGate {
  let g = PLAIN_GATES.get(op);
  if (!g) PLAIN_GATES.set(op, (g = { op }));
  return g;
}

const LEX = { comment: '#', punctuation: '(),=' } as const;

/**
 * Parses an ISCAS BENCH netlist into a Circuit (see the module docs for the
 * accepted dialect and the mapping). Throws ParseError with the file, line and
 * column of the problem, or UnsupportedError for sequential elements.
 */
export function parseBench(input: string | Uint8Array, opts: ParseBenchOptions = {}): Circuit {
  const file = opts.fileName ?? '<stdin>';
  return parseBenchText(decodeInput(input, file), file);
}

/** Reads the tokens of one logical line left to right, failing at the offending token. */
class LineReader {
  p = 0;
  constructor(
    private readonly file: string,
    readonly toks: readonly Token[],
    private readonly end: Token,
  ) {}

  /** The token at the cursor, if any, without consuming it. */
  peek(): Token | undefined {
    return this.toks[this.p];
  }

  /** Consumes a token; `what` (for the error) is what was expected. */
  next(what: string): Token {
    const t = this.toks[this.p];
    if (!t) failAt(this.file, this.end, 'unexpected-token', `expected ${what} before the end of the line`);
    this.p++;
    return t;
  }

  /** Consumes the punctuation token `s`. */
  expect(s: string): Token {
    const t = this.toks[this.p];
    if (!t) failAt(this.file, this.end, 'unexpected-token', `expected '${s}' before the end of the line`);
    if (t.text !== s) failAt(this.file, t, 'unexpected-token', `expected '${s}', found '${t.text}'`);
    this.p++;
    return t;
  }

  /** Consumes a name (any token but punctuation). */
  name(what: string): Token {
    const t = this.next(what);
    if (t.text.length === 1 && LEX.punctuation.includes(t.text)) failAt(this.file, t, 'unexpected-token', `expected ${what}, found '${t.text}'`);
    return t;
  }

  endOfLine(): void {
    const t = this.toks[this.p];
    if (t) failAt(this.file, t, 'unexpected-token', `unexpected '${t.text}' after the end of the statement`);
  }
}

function parseBenchText(text: string, file: string): Circuit {
  const p = new BenchParser(file);
  const n = text.length;
  for (let from = 0, line = 1; ; line++) {
    let end = from;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    if (!p.fastLine(text, from, end, line)) {
      const tokens = tokenizeLine(text.slice(from, end), line, LEX);
      if (tokens.length) p.statement({ tokens, line, end: { text: '', line, column: end - from + 1 } });
    }
    if (end === n) break;
    from = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return buildNetlist(file, p.inputs, p.outputs, p.defs, buildGate);
}

// Character classes of the BENCH fast path (see BenchParser.fastLine).
const C_NAME = 0;
const C_BLANK = 1;
const C_END = 2; // end of the statement: the line end or a comment
const C_OPEN = 3;
const C_CLOSE = 4;
const C_COMMA = 5;
const C_EQUALS = 6;
const BENCH_CLASS = new Uint8Array(128);
for (const ch of ' \t\f\v') BENCH_CLASS[ch.charCodeAt(0)] = C_BLANK;
BENCH_CLASS[35] = C_END; // #
BENCH_CLASS[40] = C_OPEN;
BENCH_CLASS[41] = C_CLOSE;
BENCH_CLASS[44] = C_COMMA;
BENCH_CLASS[61] = C_EQUALS;

/** Gate types the fast path builds (the others, with tables, constants or one-input checks, go the general way). */
const FAST_OPS: ReadonlySet<BenchOp> = new Set(['AND', 'NAND', 'OR', 'NOR', 'XOR', 'XNOR', 'NOT', 'BUF']);

/** The statements read so far; one BENCH file. */
class BenchParser {
  readonly inputs: Token[] = [];
  readonly outputs: Token[] = [];
  readonly defs: NamedDefinition<BenchGate>[] = [];
  private readonly defined = new Map<string, Token>();
  /** Position of the fast path's scanner in the current line. */
  private i = 0;

  constructor(private readonly file: string) {}

  private define(t: Token): void {
    const prev = this.defined.get(t.text);
    if (prev) failAt(this.file, t, 'redefinition', `signal '${t.text}' is already defined at line ${prev.line}`);
    this.defined.set(t.text, t);
  }

  /**
   * Reads the well-formed statements that make up nearly every line of real
   * files -- `INPUT(a)`, `OUTPUT(a)`, `x = OP(a, ...)` with one of the plain
   * gate types -- straight from the text, without a token per punctuation
   * character and without the general reader. Returns false, having changed
   * nothing, for any other line, which {@link statement} then reads (and
   * reports, if it is wrong) exactly as before.
   */
  fastLine(text: string, from: number, end: number, line: number): boolean {
    this.i = from;
    let k = this.skipBlanks(text, end);
    if (k === C_END) return true; // blank or comment line
    if (k !== C_NAME) return false;
    const head = this.name(text, from, end, line);
    k = this.skipBlanks(text, end);
    if (k === C_OPEN) {
      const kw = head.text.toUpperCase();
      if (kw !== 'INPUT' && kw !== 'OUTPUT') return false;
      this.i++;
      if (this.skipBlanks(text, end) !== C_NAME) return false;
      const sig = this.name(text, from, end, line);
      if (this.skipBlanks(text, end) !== C_CLOSE) return false;
      this.i++;
      if (this.skipBlanks(text, end) !== C_END) return false;
      if (kw === 'INPUT') {
        this.define(sig);
        this.inputs.push(sig);
      } else {
        this.outputs.push(sig);
      }
      return true;
    }
    if (k !== C_EQUALS) return false;
    this.i++;
    if (this.skipBlanks(text, end) !== C_NAME) return false;
    const opStart = this.i;
    this.scanName(text, end);
    const op = OP_NAMES.get(text.slice(opStart, this.i).toUpperCase());
    if (op === undefined || !FAST_OPS.has(op)) return false;
    if (this.skipBlanks(text, end) !== C_OPEN) return false;
    this.i++;
    const fanins: Token[] = [];
    for (;;) {
      if (this.skipBlanks(text, end) !== C_NAME) return false;
      fanins.push(this.name(text, from, end, line));
      k = this.skipBlanks(text, end);
      this.i++;
      if (k === C_CLOSE) break;
      if (k !== C_COMMA) return false;
    }
    if (this.skipBlanks(text, end) !== C_END) return false;
    if ((op === 'NOT' || op === 'BUF') && fanins.length !== 1) return false;
    this.define(head);
    this.defs.push({ name: head, fanins, payload: plainGate(op) });
    return true;
  }

  /** Skips blanks; returns the class of the character reached (C_END at the line end). */
  private skipBlanks(text: string, end: number): number {
    while (this.i < end) {
      const c = text.charCodeAt(this.i);
      const k = c < 128 ? BENCH_CLASS[c]! : C_NAME;
      if (k !== C_BLANK) return k;
      this.i++;
    }
    return C_END;
  }

  private scanName(text: string, end: number): void {
    let j = this.i + 1;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c < 128 && BENCH_CLASS[c] !== C_NAME) break;
      j++;
    }
    this.i = j;
  }

  /** The name token at the scanner (which is on a name character). */
  private name(text: string, from: number, end: number, line: number): Token {
    const start = this.i;
    this.scanName(text, end);
    return { text: text.slice(start, this.i), line, column: start - from + 1 };
  }

  /** Reads one statement from its tokens (the general path, with every error). */
  statement(ll: LogicalLine): void {
    const r = new LineReader(this.file, ll.tokens, ll.end);
    const head = r.name('INPUT, OUTPUT or a signal name');
    if (ll.tokens[1]?.text === '(') {
      const kw = head.text.toUpperCase();
      if (kw === 'INPUT' || kw === 'OUTPUT') {
        r.expect('(');
        const sig = r.name(kw === 'INPUT' ? 'the input name' : 'the output name');
        r.expect(')');
        r.endOfLine();
        if (kw === 'INPUT') {
          this.define(sig);
          this.inputs.push(sig);
        } else {
          this.outputs.push(sig);
        }
        return;
      }
    }
    // name = OP(...)
    r.expect('=');
    const opTok = r.name('a gate type');
    const opName = opTok.text.toUpperCase();
    const op = OP_NAMES.get(opName);
    if (!op) {
      if (SEQUENTIAL.has(opName)) {
        throw new UnsupportedError(`${this.file}:${opTok.line}:${opTok.column}: ${opTok.text} is a sequential element; only combinational BENCH is supported`, 'latches');
      }
      failAt(this.file, opTok, 'unexpected-token', `unknown gate type '${opTok.text}'`);
    }
    if (op === 'VDD' || op === 'GND') {
      // `vdd`, also tolerated as `vdd()`
      if (r.peek()?.text === '(') {
        r.expect('(');
        r.expect(')');
      }
      r.endOfLine();
      this.define(head);
      this.defs.push({ name: head, fanins: [], payload: plainGate(op) });
      return;
    }
    let hexTok: Token | undefined;
    if (op === 'LUT') hexTok = r.name('a hex truth table (0x...)');
    r.expect('(');
    const fanins: Token[] = [];
    if (r.peek()?.text === ')') {
      r.p++;
    } else {
      for (;;) {
        fanins.push(r.name('a fanin name'));
        const sep = r.next("',' or ')'");
        if (sep.text === ')') break;
        if (sep.text !== ',') failAt(this.file, sep, 'unexpected-token', `expected ',' or ')', found '${sep.text}'`);
      }
    }
    r.endOfLine();
    let gate: BenchGate;
    if (op === 'LUT') {
      gate = { op, lut: parseLutTable(hexTok!, fanins.length, this.file) };
    } else {
      if (op === 'NOT' || op === 'BUF') {
        if (fanins.length !== 1) failAt(this.file, fanins[1] ?? opTok, 'unexpected-token', `${opTok.text} takes exactly one input, found ${fanins.length}`);
      } else if (fanins.length === 0) {
        failAt(this.file, opTok, 'unexpected-token', `${opTok.text} needs at least one input`);
      }
      gate = plainGate(op);
    }
    this.define(head);
    this.defs.push({ name: head, fanins, payload: gate });
  }
}

function parseLutTable(t: Token, k: number, file: string): TruthTable {
  if (!/^0[xX][0-9a-fA-F]+$/.test(t.text)) failAt(file, t, 'bad-number', `expected a hex truth table like 0x8, found '${t.text}'`);
  if (k > MAX_TT_VARS) failAt(file, t, 'bad-number', `LUT with ${k} inputs is too large (at most ${MAX_TT_VARS})`);
  const digits = t.text.slice(2).replace(/^0+(?=.)/, '');
  try {
    // ABC writes exactly 2^k / 4 digits; shorter tables mean leading zeros
    return fromHex(digits, k, { allowShort: true });
  } catch {
    failAt(file, t, 'bad-number', `truth table '${t.text}' does not fit a ${k}-input LUT`);
  }
}

function nameSignal(b: CircuitBuilder, lit: Lit, name: string): Lit {
  b.nameGate(lit, name);
  return lit;
}

function buildGate(b: CircuitBuilder, d: NamedDefinition<BenchGate>, fs: Lit[]): Lit {
  const { op, lut } = d.payload;
  // the name denotes the signal, so a NAND's name is recorded as naming the complement
  const name = d.name.text;
  switch (op) {
    case 'VDD':
      return LIT_TRUE;
    case 'GND':
      return LIT_FALSE;
    case 'BUF':
      return fs[0]!;
    case 'NOT':
      return fs[0]! ^ 1;
    case 'AND':
    case 'NAND': {
      const neg = op === 'NAND' ? 1 : 0;
      if (fs.length === 1) return fs[0]! ^ neg;
      return nameSignal(b, b.addGate(GateKind.And, fs) ^ neg, name);
    }
    case 'OR':
    case 'NOR': {
      const neg = op === 'OR' ? 1 : 0;
      if (fs.length === 1) return fs[0]! ^ (neg ^ 1);
      for (let i = 0; i < fs.length; i++) fs[i] = fs[i]! ^ 1; // fs is this call's own array (see resolveNetlist)
      return nameSignal(b, b.addGate(GateKind.And, fs) ^ neg, name);
    }
    case 'XOR':
    case 'XNOR': {
      const neg = op === 'XNOR' ? 1 : 0;
      if (fs.length === 1) return fs[0]! ^ neg;
      return nameSignal(b, b.addGate(GateKind.Xor, fs) ^ neg, name);
    }
    case 'LUT': {
      if (fs.length === 0) return lut!.get(0) ? LIT_TRUE : LIT_FALSE;
      return nameSignal(b, b.addGate(GateKind.Lut, fs, lut), name);
    }
  }
}
