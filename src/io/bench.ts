/**
 * ISCAS BENCH reader (the writer is in bench-write.ts and re-exported here).
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
import { buildNetlist, decodeInput, failAt, logicalLines, type NamedDefinition, type Token } from './line-lexer.js';

export { writeBench, type WriteBenchOptions } from './bench-write.js';

/** Options of {@link parseBench}. */
export interface ParseBenchOptions {
  /** File name used in error messages (default `<stdin>`). */
  readonly fileName?: string;
}

type BenchOp = 'AND' | 'NAND' | 'OR' | 'NOR' | 'XOR' | 'XNOR' | 'NOT' | 'BUF' | 'LUT' | 'VDD' | 'GND';

const OP_NAMES: Readonly<Record<string, BenchOp>> = {
  AND: 'AND',
  NAND: 'NAND',
  OR: 'OR',
  NOR: 'NOR',
  XOR: 'XOR',
  XNOR: 'XNOR',
  NOT: 'NOT',
  INV: 'NOT',
  BUF: 'BUF',
  BUFF: 'BUF',
  LUT: 'LUT',
  VDD: 'VDD',
  GND: 'GND',
};

const SEQUENTIAL = new Set(['DFF', 'DFFR', 'DFFS', 'LATCH']);

interface BenchGate {
  readonly op: BenchOp;
  readonly lut?: TruthTable;
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

function parseBenchText(text: string, file: string): Circuit {
  const inputs: Token[] = [];
  const outputs: Token[] = [];
  const defs: NamedDefinition<BenchGate>[] = [];
  const defined = new Map<string, Token>();

  const define = (t: Token): void => {
    const prev = defined.get(t.text);
    if (prev) failAt(file, t, 'redefinition', `signal '${t.text}' is already defined at line ${prev.line}`);
    defined.set(t.text, t);
  };

  for (const ll of logicalLines(text, file, LEX)) {
    const toks = ll.tokens;
    let p = 0;
    const next = (what: string): Token => {
      const t = toks[p];
      if (!t) failAt(file, ll.end, 'unexpected-token', `expected ${what} before the end of the line`);
      p++;
      return t;
    };
    const expect = (s: string): Token => {
      const t = next(`'${s}'`);
      if (t.text !== s) failAt(file, t, 'unexpected-token', `expected '${s}', found '${t.text}'`);
      return t;
    };
    const name = (what: string): Token => {
      const t = next(what);
      if (LEX.punctuation.includes(t.text)) failAt(file, t, 'unexpected-token', `expected ${what}, found '${t.text}'`);
      return t;
    };
    const endOfLine = (): void => {
      const t = toks[p];
      if (t) failAt(file, t, 'unexpected-token', `unexpected '${t.text}' after the end of the statement`);
    };

    const head = name('INPUT, OUTPUT or a signal name');
    const second = toks[1];
    const kw = head.text.toUpperCase();
    if ((kw === 'INPUT' || kw === 'OUTPUT') && second?.text === '(') {
      expect('(');
      const sig = name(`the ${kw.toLowerCase()} name`);
      expect(')');
      endOfLine();
      if (kw === 'INPUT') {
        define(sig);
        inputs.push(sig);
      } else {
        outputs.push(sig);
      }
      continue;
    }
    // name = OP(...)
    expect('=');
    const opTok = name('a gate type');
    const opName = opTok.text.toUpperCase();
    const op = OP_NAMES[opName];
    if (!op) {
      if (SEQUENTIAL.has(opName)) {
        throw new UnsupportedError(`${file}:${opTok.line}:${opTok.column}: ${opTok.text} is a sequential element; only combinational BENCH is supported`, 'latches');
      }
      failAt(file, opTok, 'unexpected-token', `unknown gate type '${opTok.text}'`);
    }
    if (op === 'VDD' || op === 'GND') {
      // `vdd`, also tolerated as `vdd()`
      if (toks[p]?.text === '(') {
        expect('(');
        expect(')');
      }
      endOfLine();
      define(head);
      defs.push({ name: head, fanins: [], payload: { op } });
      continue;
    }
    let hexTok: Token | undefined;
    if (op === 'LUT') hexTok = name('a hex truth table (0x...)');
    expect('(');
    const fanins: Token[] = [];
    if (toks[p]?.text === ')') {
      p++;
    } else {
      for (;;) {
        fanins.push(name('a fanin name'));
        const sep = next("',' or ')'");
        if (sep.text === ')') break;
        if (sep.text !== ',') failAt(file, sep, 'unexpected-token', `expected ',' or ')', found '${sep.text}'`);
      }
    }
    endOfLine();
    let lut: TruthTable | undefined;
    if (op === 'LUT') {
      lut = parseLutTable(hexTok!, fanins.length, file);
    } else if (op === 'NOT' || op === 'BUF') {
      if (fanins.length !== 1) failAt(file, fanins[1] ?? opTok, 'unexpected-token', `${opTok.text} takes exactly one input, found ${fanins.length}`);
    } else if (fanins.length === 0) {
      failAt(file, opTok, 'unexpected-token', `${opTok.text} needs at least one input`);
    }
    define(head);
    defs.push({ name: head, fanins, payload: lut ? { op, lut } : { op } });
  }

  return buildNetlist(file, inputs, outputs, defs, buildGate);
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

function buildGate(b: CircuitBuilder, d: NamedDefinition<BenchGate>, fs: Lit[]): Lit {
  const { op, lut } = d.payload;
  // the name denotes the signal, so a NAND's name is recorded as naming the complement
  const named = (lit: Lit): Lit => {
    b.nameGate(lit, d.name.text);
    return lit;
  };
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
      return named(b.addGate(GateKind.And, fs) ^ neg);
    }
    case 'OR':
    case 'NOR': {
      const neg = op === 'OR' ? 1 : 0;
      if (fs.length === 1) return fs[0]! ^ (neg ^ 1);
      return named(b.addGate(GateKind.And, fs.map((f) => f ^ 1)) ^ neg);
    }
    case 'XOR':
    case 'XNOR': {
      const neg = op === 'XNOR' ? 1 : 0;
      if (fs.length === 1) return fs[0]! ^ neg;
      return named(b.addGate(GateKind.Xor, fs) ^ neg);
    }
    case 'LUT': {
      if (fs.length === 0) return lut!.get(0) ? LIT_TRUE : LIT_FALSE;
      return named(b.addGate(GateKind.Lut, fs, lut));
    }
  }
}
