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
import { numNodes, positiveGateName, validateCircuit, type Circuit } from '../core/circuit.js';
import type { Lit } from '../core/literal.js';
import { createFromFunction, type TruthTable } from '../tt/truth-table.js';

/** A token with its 1-based position in the file. */
export interface Token {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** A physical line without its line terminator. */
export interface PhysicalLine {
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
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

/** Splits text into physical lines; `\n`, `\r\n` and a lone `\r` all end a line. A final terminator adds no empty line. */
export function physicalLines(text: string): PhysicalLine[] {
  const parts = text.split(/\r\n|\n|\r/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 1 && parts[0] === '') return [];
  return parts.map((t, i) => ({ text: t, line: i + 1 }));
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v';
}

/**
 * Splits one physical line into tokens: runs of non-blank characters,
 * except that each punctuation character is a token of its own. A comment
 * character ends the line.
 */
export function tokenizeLine(text: string, line: number, opts: LexOptions = {}): Token[] {
  const comment = opts.comment ?? '';
  const punct = opts.punctuation ?? '';
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (isBlank(ch)) {
      i++;
      continue;
    }
    if (comment.includes(ch)) break;
    if (punct.includes(ch)) {
      out.push({ text: ch, line, column: i + 1 });
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const c = text[i]!;
      if (isBlank(c) || punct.includes(c) || comment.includes(c)) break;
      i++;
    }
    out.push({ text: text.slice(start, i), line, column: start + 1 });
  }
  return out;
}

/**
 * Tokenises the whole text into logical lines, dropping lines with no tokens.
 * With a continuation character, a line whose last token ends in it (after
 * comments are removed) is joined with the next line; the character itself is
 * dropped. A continuation on the last line is a ParseError (`unexpected-eof`).
 */
export function logicalLines(text: string, file: string, opts: LexOptions = {}): LogicalLine[] {
  const lines = physicalLines(text);
  const out: LogicalLine[] = [];
  let pending: Token[] = [];
  let first = 0;
  let last: Token | undefined;
  for (const pl of lines) {
    let toks = tokenizeLine(pl.text, pl.line, opts);
    let continued = false;
    const cont = opts.continuation;
    if (cont && toks.length) {
      const t = toks[toks.length - 1]!;
      if (t.text.endsWith(cont)) {
        continued = true;
        toks = toks.slice(0, -1);
        if (t.text.length > cont.length) toks.push({ ...t, text: t.text.slice(0, -cont.length) });
      }
    }
    if (pending.length === 0 && !last) first = pl.line;
    pending.push(...toks);
    last = { text: '', line: pl.line, column: pl.text.length + 1 };
    if (continued) continue;
    if (pending.length) out.push({ tokens: pending, line: first, end: last });
    pending = [];
    last = undefined;
  }
  if (last) {
    failAt(file, last, 'unexpected-eof', `file ends after a line continuation '${opts.continuation ?? ''}'`);
  }
  return out;
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
 * rejected duplicate names already. Returns the literal of every signal.
 */
export function resolveNetlist<T>(
  file: string,
  known: ReadonlyMap<string, Lit>,
  defs: readonly NamedDefinition<T>[],
  build: (def: NamedDefinition<T>, fanins: Lit[]) => Lit,
): Map<string, Lit> {
  const index = new Map<string, number>();
  defs.forEach((d, i) => index.set(d.name.text, i));
  for (const d of defs) {
    for (const f of d.fanins) {
      if (!known.has(f.text) && !index.has(f.text)) failAt(file, f, 'undefined-signal', `signal '${f.text}' is used but never defined`);
    }
  }
  const lits = new Map<string, Lit>(known);
  // 0 = new, 1 = on the stack, 2 = built
  const state = new Uint8Array(defs.length);
  const stackDef: number[] = [];
  const stackPos: number[] = [];
  for (let root = 0; root < defs.length; root++) {
    if (state[root] !== 0) continue;
    state[root] = 1;
    stackDef.push(root);
    stackPos.push(0);
    while (stackDef.length) {
      const top = stackDef.length - 1;
      const di = stackDef[top]!;
      const d = defs[di]!;
      const pos = stackPos[top]!;
      if (pos < d.fanins.length) {
        stackPos[top] = pos + 1;
        const f = d.fanins[pos]!;
        const fi = known.has(f.text) ? undefined : index.get(f.text);
        if (fi === undefined) continue;
        if (state[fi] === 1) {
          failAt(file, f, 'cycle', `combinational cycle: '${f.text}' depends on itself through '${d.name.text}'`);
        }
        if (state[fi] === 0) {
          state[fi] = 1;
          stackDef.push(fi);
          stackPos.push(0);
        }
        continue;
      }
      lits.set(
        d.name.text,
        build(
          d,
          d.fanins.map((f) => lits.get(f.text)!),
        ),
      );
      state[di] = 2;
      stackDef.pop();
      stackPos.pop();
    }
  }
  return lits;
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
  const lits = resolveNetlist(file, known, defs, (d, fs) => build(b, d, fs));
  for (const o of outputs) {
    const lit = lits.get(o.text);
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
 * first with the gate's own name where it has one, then `n<node>` for the
 * rest, so a generated name never takes one the circuit already uses.
 */
export function nameRemainingGates(c: Circuit, name: (string | undefined)[], names: NameAllocator): void {
  const first = c.numInputs + 1;
  for (let g = 0; g < c.numGates; g++) {
    const gn = positiveGateName(c, g);
    if (gn !== undefined && name[first + g] === undefined) name[first + g] = names.fresh(gn);
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
