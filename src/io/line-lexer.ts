/**
 * Shared helpers for line-based netlist formats (BENCH, BLIF): decoding the
 * input, splitting it into physical and logical lines with 1-based line and
 * column positions, tokenising a line, and resolving a netlist whose named
 * definitions may come in any order into a topologically ordered circuit.
 *
 * Nothing here knows a particular format; the callers pass the comment
 * character, the punctuation characters and the continuation character.
 */
import { ParseError, type ParseErrorCode } from '../errors.js';
import { CircuitBuilder } from '../core/builder.js';
import { numNodes, validateCircuit, type Circuit } from '../core/circuit.js';
import type { Lit } from '../core/literal.js';
import { createFromFunction, type TruthTable } from '../tt/truth-table.js';

/** A token with its 1-based position in the file. */
export interface Token {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** Options of {@link tokenizeLine} and {@link logicalLines}. */
export interface LexOptions {
  /** Characters starting a comment that runs to the end of the line (default none). */
  readonly comment?: string;
  /** Characters that are tokens of their own and end names (default none). */
  readonly punctuation?: string;
  /** Character that, as the last non-blank of a line, joins the next line (default none). */
  readonly continuation?: string;
}

/** A logical line: the tokens of one or more physical lines joined by continuations. */
export interface LogicalLine {
  readonly tokens: readonly Token[];
  /** 1-based number of the first physical line. */
  readonly line: number;
  /** Position just after the last character of the last physical line (for "expected more" errors). */
  readonly end: Token;
}

/** Throws a located ParseError. */
export function failAt(file: string, at: { line: number; column: number }, code: ParseErrorCode, reason: string): never {
  throw new ParseError(reason, code, file, at.line, at.column);
}

/**
 * Turns the parser input into a string. Bytes are decoded as UTF-8; invalid
 * UTF-8 is a ParseError (`bad-encoding`) at the first bad byte. A leading
 * byte order mark is dropped.
 */
export function decodeInput(input: string | Uint8Array, file: string): string {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      const loose = new TextDecoder('utf-8').decode(input);
      const at = Math.max(0, loose.indexOf('\uFFFD'));
      const before = loose.slice(0, at);
      const line = before.split('\n').length;
      const column = at - (before.lastIndexOf('\n') + 1) + 1;
      failAt(file, { line, column }, 'bad-encoding', 'input is not valid UTF-8');
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// Character classes of the scanner. EOL (\n, \r) ends a physical line whatever
// the options say; among the rest, blank beats comment beats punctuation.
const NAME = 0;
const BLANK = 1;
const COMMENT = 2;
const PUNCT = 3;
const EOL = 4;

/** The classes of one LexOptions: a table for ASCII, the option strings for the rest. */
interface CharClasses {
  readonly ascii: Uint8Array;
  readonly comment: string;
  readonly punct: string;
}

const classCache = new Map<string, CharClasses>();

function classesOf(opts: LexOptions): CharClasses {
  const comment = opts.comment ?? '';
  const punct = opts.punctuation ?? '';
  const key = `${comment}\u0000${punct}`;
  let cls = classCache.get(key);
  if (!cls) {
    const ascii = new Uint8Array(128);
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      if (c === 10 || c === 13) ascii[c] = EOL;
      else if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v') ascii[c] = BLANK;
      else if (comment.includes(ch)) ascii[c] = COMMENT;
      else if (punct.includes(ch)) ascii[c] = PUNCT;
    }
    cls = { ascii, comment, punct };
    classCache.set(key, cls);
  }
  return cls;
}

function classOf(cls: CharClasses, code: number): number {
  if (code < 128) return cls.ascii[code]!;
  const ch = String.fromCharCode(code);
  return cls.comment.includes(ch) ? COMMENT : cls.punct.includes(ch) ? PUNCT : NAME;
}

/**
 * Scans the tokens of the physical line starting at `from` into `out` and
 * returns the index of its end (its line terminator, or the text's length).
 * Tokens are runs of non-blank characters, except that each punctuation
 * character is a token of its own; a comment character ends the line.
 */
function scanLine(text: string, from: number, line: number, cls: CharClasses, out: Token[]): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const k = classOf(cls, text.charCodeAt(i));
    if (k === BLANK) {
      i++;
    } else if (k === EOL) {
      return i;
    } else if (k === COMMENT) {
      while (i < n && classOf(cls, text.charCodeAt(i)) !== EOL) i++;
      return i;
    } else if (k === PUNCT) {
      out.push({ text: text[i]!, line, column: i - from + 1 });
      i++;
    } else {
      const start = i;
      i++;
      while (i < n && classOf(cls, text.charCodeAt(i)) === NAME) i++;
      out.push({ text: text.slice(start, i), line, column: start - from + 1 });
    }
  }
  return i;
}

/**
 * Splits one physical line (no line terminators) into tokens: runs of
 * non-blank characters, except that each punctuation character is a token of
 * its own. A comment character ends the line.
 */
export function tokenizeLine(text: string, line: number, opts: LexOptions = {}): Token[] {
  const out: Token[] = [];
  scanLine(text, 0, line, classesOf(opts), out);
  return out;
}

/**
 * Tokenises the whole text into logical lines, dropping lines with no tokens.
 * Physical lines end at `\n`, `\r\n` or a lone `\r`; a final terminator adds
 * no empty line. With a continuation character, a line whose last token ends
 * in it (after comments are removed) is joined with the next line; the
 * character itself is dropped. A continuation on the last line is a
 * ParseError (`unexpected-eof`).
 */
export function logicalLines(text: string, file: string, opts: LexOptions = {}): LogicalLine[] {
  const out: LogicalLine[] = [];
  forEachLogicalLine(text, file, opts, (ll) => {
    out.push(ll);
  });
  return out;
}

/**
 * {@link logicalLines} one line at a time: calls `visit` on each logical line
 * in order until it returns false. The continuation error is raised before the
 * first line is visited, as if the whole text had been split first.
 *
 * Parsers use this rather than the array: on small files everything runs
 * before the JIT has compiled it and garbage collection is a large share of
 * the time, which is spent copying objects that are still alive; tokens that
 * die with their line are nearly free.
 */
export function forEachLogicalLine(text: string, file: string, opts: LexOptions, visit: (line: LogicalLine) => boolean | void): void {
  const cls = classesOf(opts);
  const ascii = cls.ascii;
  const cont = opts.continuation;
  if (cont) failOnFinalContinuation(text, file, cont, cls);
  const n = text.length;
  // One loop over the whole text with the scanner inlined (not scanLine per
  // line): a long-running loop gets compiled on-stack early, short calls
  // would stay in the interpreter for most of a small file.
  /** Tokens of the current logical line. */
  let toks: Token[] = [];
  /** Token count of the current logical line before this physical line. */
  let before = 0;
  let first = 1;
  let line = 1;
  let from = 0;
  let i = 0;
  for (;;) {
    // scan one physical line from `from`
    let k = EOL;
    while (i < n) {
      const c = text.charCodeAt(i);
      k = c < 128 ? ascii[c]! : classOf(cls, c);
      if (k === BLANK) {
        i++;
      } else if (k === NAME) {
        const start = i;
        for (i++; i < n; i++) {
          const d = text.charCodeAt(i);
          if ((d < 128 ? ascii[d]! : classOf(cls, d)) !== NAME) break;
        }
        toks.push({ text: text.slice(start, i), line, column: start - from + 1 });
      } else if (k === PUNCT) {
        toks.push({ text: text[i]!, line, column: i - from + 1 });
        i++;
      } else if (k === COMMENT) {
        while (i < n && classOf(cls, text.charCodeAt(i)) !== EOL) i++;
      } else {
        break; // EOL
      }
    }
    const end = i;
    // the segment after a final line terminator is not a line
    if (end === n && end === from && (line > 1 || n === 0)) return;
    if (cont && toks.length > before && endsInContinuation(toks, cont)) {
      before = toks.length;
    } else {
      if (toks.length && visit({ tokens: toks, line: first, end: { text: '', line, column: end - from + 1 } }) === false) return;
      toks = [];
      before = 0;
      first = line + 1;
    }
    if (end === n) return;
    i = from = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
}

/** Whether the line's last token ends in the continuation; if so, drops the continuation from it. */
function endsInContinuation(toks: Token[], cont: string): boolean {
  const t = toks[toks.length - 1]!;
  if (!t.text.endsWith(cont)) return false;
  toks.pop();
  if (t.text.length > cont.length) toks.push({ text: t.text.slice(0, -cont.length), line: t.line, column: t.column });
  return true;
}

/** Throws the `unexpected-eof` ParseError when the last physical line ends in a continuation. */
function failOnFinalContinuation(text: string, file: string, cont: string, cls: CharClasses): void {
  let end = text.length;
  // the segment after a final line terminator is not a line
  if (end > 0 && text.charCodeAt(end - 1) === 10) end -= end > 1 && text.charCodeAt(end - 2) === 13 ? 2 : 1;
  else if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  if (end === 0 && text.length === 0) return;
  let from = end;
  while (from > 0 && text.charCodeAt(from - 1) !== 10 && text.charCodeAt(from - 1) !== 13) from--;
  const toks: Token[] = [];
  scanLine(text, from, 0, cls, toks);
  if (toks.length === 0 || !toks[toks.length - 1]!.text.endsWith(cont)) return;
  let line = 1;
  for (let i = 0; i < from; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  failAt(file, { line, column: end - from + 1 }, 'unexpected-eof', `file ends after a line continuation '${cont}'`);
}

// ---------------------------------------------------------------------------
// Resolving named netlists whose definitions come in any order.

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

// ---------------------------------------------------------------------------
// Writer helpers shared by the BENCH and BLIF writers.

/**
 * Hands out signal names that never collide: a name is used as is when it is
 * still free (after `sanitize`), otherwise a suffix `_1`, `_2`, ... is added.
 */
export class NameAllocator {
  private readonly used = new Set<string>();
  /** @param sanitize maps a wanted name to one the format can write (must return a non-empty string). */
  constructor(private readonly sanitize: (name: string) => string) {}

  /** Whether the (sanitised) name is taken. */
  has(name: string): boolean {
    return this.used.has(this.sanitize(name));
  }

  /** The (sanitised) name itself when free, else a fresh variant of it; the result is now taken. */
  fresh(name: string): string {
    const base = this.sanitize(name);
    let s = base;
    for (let k = 1; this.used.has(s); k++) s = `${base}_${k}`;
    this.used.add(s);
    return s;
  }
}

/**
 * Names every gate node of `c` that `name` (indexed by node) leaves unnamed:
 * first with the gate's own name where it has one and that name denotes the
 * signal the writer writes for the gate (`writtenPolarity(v)` = 1 when the
 * writer writes the gate's complement; default 0: only names of the gate's
 * own value, see core/node-names.ts), then `n<node>` for the rest, so a
 * generated name never takes one the circuit already uses.
 */
export function nameRemainingGates(c: Circuit, name: (string | undefined)[], names: NameAllocator, writtenPolarity: (v: number) => number = () => 0): void {
  const first = c.numInputs + 1;
  for (let g = 0; g < c.numGates; g++) {
    const gn = c.gateNames.get(g);
    const negated = c.negatedGateNames?.has(g) ? 1 : 0;
    if (gn !== undefined && negated === writtenPolarity(first + g) && name[first + g] === undefined) name[first + g] = names.fresh(gn);
  }
  for (let v = first; v < numNodes(c); v++) if (name[v] === undefined) name[v] = names.fresh(`n${v}`);
}

/** Replaces every character matched by `bad` with `_`; the empty name becomes `_`. */
export function sanitizeName(name: string, bad: RegExp): string {
  const s = name.replace(bad, '_');
  return s.length ? s : '_';
}

/** A LUT re-expressed over distinct, regular signals (see {@link normalizeLut}). */
export interface NormalizedLut {
  /** Distinct non-constant nodes, in order of first appearance: variable k of `table` is `nodes[k]`. */
  readonly nodes: number[];
  readonly table: TruthTable;
}

/**
 * Re-expresses `table(fanins)` over the distinct nodes of the fanins, each
 * taken in the polarity `polarity(node)` (its written signal is node ^ polarity):
 * constant fanins are fixed, complemented and repeated fanins folded into the table.
 * The result's output is further complemented when `negateOutput` is set.
 */
export function normalizeLut(
  table: TruthTable,
  fanins: ArrayLike<Lit>,
  polarity: (node: number) => number,
  negateOutput = false,
): NormalizedLut {
  const nodes: number[] = [];
  const pos = new Map<number, number>();
  const k = fanins.length;
  const varIdx = new Int32Array(k);
  let fixedMask = 0; // bits of the constant fanins that are true
  let flipMask = 0;
  for (let j = 0; j < k; j++) {
    const f = fanins[j]!;
    const v = f >>> 1;
    if (v === 0) {
      varIdx[j] = -1;
      if (f & 1) fixedMask |= 1 << j;
      continue;
    }
    let idx = pos.get(v);
    if (idx === undefined) {
      idx = nodes.length;
      pos.set(v, idx);
      nodes.push(v);
    }
    varIdx[j] = idx;
    if (((f & 1) ^ polarity(v)) === 1) flipMask |= 1 << j;
  }
  const neg = negateOutput;
  const out = createFromFunction(nodes.length, (m) => {
    let i = fixedMask;
    for (let j = 0; j < k; j++) {
      const idx = varIdx[j]!;
      if (idx >= 0) i |= (((m >>> idx) & 1) ^ ((flipMask >>> j) & 1)) << j;
    }
    return table.get(i) !== neg;
  });
  return { nodes, table: out };
}

/** The majority function of n (odd) variables. */
export function majorityTable(n: number): TruthTable {
  return createFromFunction(n, (m) => {
    let ones = 0;
    for (let j = 0; j < n; j++) ones += (m >>> j) & 1;
    return ones * 2 > n;
  });
}
