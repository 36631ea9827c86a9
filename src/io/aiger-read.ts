/**
 * AIGER reader: ASCII `.aag` and binary `.aig` (format 20071012 and the
 * combinational subset of AIGER 1.9), chosen by the header's `aag`/`aig`.
 *
 * - Header `M I L O A [B C J F]`. Latches, bad-state properties, invariant
 *   constraints, justice and fairness properties are refused with
 *   UnsupportedError when their count is nonzero ("can not handle latches", as
 *   `aigtocnf` does); zero counts are fine.
 * - ASCII: inputs, outputs and AND gates as listed; the ANDs may come in any
 *   order and are sorted topologically (file order is kept when it already is
 *   one). Unused variable indices are allowed (`M >= I + A`); the result is
 *   numbered densely: inputs in file order, then the gates.
 * - Binary: inputs implicit, `M = I + A`, delta-encoded ANDs.
 * - Symbol table `i<k> name` / `o<k> name` becomes inputNames / outputNames
 *   (UTF-8); unnamed ones get the default names. Symbols for latches and
 *   properties (`l`, `b`, `c<k>`, `j`, `f`) can only be out of range here (their
 *   counts are zero) and are ParseErrors.
 * - The comment section after a line `c` may hold arbitrary bytes (ABC writes
 *   a NUL); {@link parseAigerDetailed} returns it, {@link parseAiger} drops it.
 *
 * Gates are kept exactly as in the file: no structural hashing, gate count =
 * A, fanin order as written. Errors are ParseErrors `file:line:col: reason`
 * with 1-based line and byte column. Errors inside the binary AND section are
 * reported on the line where that section starts, with column = 1 + byte
 * offset into the section (the reason also names the absolute file offset).
 * Lines after the binary section are counted by the file's newline bytes, so
 * they match what an editor shows. Syntax is checked in one pass first; then,
 * in file order: redefinitions, undefined literals (outputs, then ANDs), and
 * cycles, each at the offending literal.
 */
import { ParseError, UnsupportedError } from '../errors.js';
import { defaultInputName, defaultOutputName, type Circuit } from '../core/circuit.js';
import { ByteCursor, GrowU32, type AigerHeader } from './aiger-lexer.js';

export type { AigerHeader } from './aiger-lexer.js';

/** Options of {@link parseAiger}. */
export interface ParseAigerOptions {
  /** Name used in error messages (default `<stdin>`). */
  readonly fileName?: string;
}

/** Everything {@link parseAigerDetailed} reads. */
export interface AigerParseResult {
  readonly circuit: Circuit;
  readonly header: AigerHeader;
  /** Text of the comment section (after the `c` line, final newline removed), if present. */
  readonly comment: string | undefined;
}

/** Largest input count accepted from a binary file (inputs cost no bytes there). */
export const MAX_AIGER_BINARY_INPUTS = 1 << 22;

/** Gates and outputs in the circuit's numbering. */
interface Body {
  readonly fanins: Uint32Array;
  readonly outputs: Uint32Array;
}

/**
 * Parses an AIGER file (`aag` or `aig`) into a circuit of two-input ANDs.
 * A string is taken as UTF-8 text; for binary `.aig` pass the bytes (a string
 * starting with `aig` is taken one byte per char code, as from
 * `readFileSync(f, 'latin1')`). Throws ParseError or UnsupportedError only.
 */
export function parseAiger(data: string | Uint8Array, opts: ParseAigerOptions = {}): Circuit {
  return parseAigerDetailed(data, opts).circuit;
}

/** Like {@link parseAiger}, and also returns the header and the comment section. */
export function parseAigerDetailed(data: string | Uint8Array, opts: ParseAigerOptions = {}): AigerParseResult {
  const file = opts.fileName ?? '<stdin>';
  const cur = new ByteCursor(toBytes(data, file), file);
  const { header, columns } = cur.readHeader();
  const finish = header.format === 'aig' ? readBinaryBody(cur, header, columns) : readAsciiBody(cur, header);
  const inNames: (string | undefined)[] = [];
  const outNames: (string | undefined)[] = [];
  const comment = cur.readSymbolsAndComment(header, inNames, outNames);
  const { fanins, outputs } = finish();
  const numGates = fanins.length >>> 1;
  const faninStart = new Uint32Array(numGates + 1);
  for (let g = 1; g <= numGates; g++) faninStart[g] = 2 * g;
  const inputNames = new Array<string>(header.numInputs);
  for (let i = 0; i < header.numInputs; i++) inputNames[i] = inNames[i] ?? defaultInputName(i);
  const outputNames = new Array<string>(header.numOutputs);
  for (let j = 0; j < header.numOutputs; j++) outputNames[j] = outNames[j] ?? defaultOutputName(j);
  // The same object CircuitBuilder({ strash: false }) would build, made directly
  // on typed arrays so that large files cost no per-gate allocation.
  // kinds are all 0 = GateKind.And; gates are topological by construction.
  const circuit: Circuit = {
    numInputs: header.numInputs,
    numGates,
    kinds: new Uint8Array(numGates),
    faninStart,
    fanins,
    luts: new Map(),
    outputs,
    inputNames,
    outputNames,
    gateNames: new Map(),
  };
  return { circuit, header, comment };
}

function toBytes(data: string | Uint8Array, file: string): Uint8Array {
  if (typeof data !== 'string') return data;
  if (!data.startsWith('aig')) return new TextEncoder().encode(data);
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const ch = data.charCodeAt(i);
    if (ch > 0xff) {
      const cur = new ByteCursor(out, file);
      cur.skipTo(i);
      cur.fail(`character U+${ch.toString(16).padStart(4, '0')} in a binary AIGER string; pass the file's bytes as a Uint8Array`, 'bad-encoding');
    }
    out[i] = ch;
  }
  return out;
}

/** Reads the output lines (both formats); literal range is checked here. */
function readOutputs(cur: ByteCursor, h: AigerHeader, lines: GrowU32 | undefined): GrowU32 {
  const maxLit = 2 * h.maxVar + 1;
  const lits = new GrowU32(Math.min(h.numOutputs, 1024));
  for (let j = 0; j < h.numOutputs; j++) {
    lines?.push(cur.line);
    const lit = cur.readNumber(`output ${j}`);
    if (lit > maxLit) cur.fail(`output ${j}: literal ${lit} exceeds 2*M+1 = ${maxLit}`, 'header-mismatch', 1);
    cur.expectNewline(`output ${j}`);
    lits.push(lit);
  }
  return lits;
}

/** Reads the outputs and the delta-encoded ANDs of a binary file. */
function readBinaryBody(cur: ByteCursor, h: AigerHeader, columns: readonly number[]): () => Body {
  const numIn = h.numInputs;
  if (numIn > MAX_AIGER_BINARY_INPUTS) {
    throw new UnsupportedError(`${cur.file}:1:${columns[1]}: can not handle ${numIn} inputs (limit ${MAX_AIGER_BINARY_INPUTS})`, 'too-large');
  }
  const outs = readOutputs(cur, h, undefined);
  const buf = cur.buf;
  const n = buf.length;
  const sectionStart = cur.pos;
  const sectionLine = cur.line;
  const numAnds = h.numAnds;
  // each AND takes at least 2 bytes, so a lying header can not make us allocate much
  const fanins = new Uint32Array(2 * Math.min(numAnds, (n - sectionStart) >>> 1));
  const fail = (reason: string, code: 'unexpected-eof' | 'bad-number' | 'bad-encoding', at: number): never => {
    throw new ParseError(`${reason} (file offset ${at})`, code, cur.file, sectionLine, at - sectionStart + 1);
  };
  // hot loop: small integers only, no allocation; the rare multi-byte deltas take the inner loops
  let p = sectionStart;
  let lhs = 2 * numIn;
  for (let g = 0, k = 0; g < numAnds; g++, k += 2) {
    lhs += 2;
    let start = p;
    if (p >= n) fail(`unexpected end of file in delta0 of AND ${lhs}`, 'unexpected-eof', start);
    let b = buf[p++]!;
    let d0 = b;
    if (b > 0x7f) {
      d0 = b & 0x7f;
      for (let shift = 7; b > 0x7f; shift += 7) {
        if (p >= n) fail(`unexpected end of file in delta0 of AND ${lhs}`, 'unexpected-eof', start);
        b = buf[p++]!;
        if (shift === 28 && b > 0x0f) fail(`delta0 of AND ${lhs} does not fit 32 bits`, 'bad-number', start);
        d0 += (b & 0x7f) * 2 ** shift;
      }
    }
    if (d0 === 0 || d0 > lhs) fail(`AND ${lhs}: delta0 = ${d0} must be between 1 and ${lhs}`, 'bad-encoding', start);
    const rhs0 = lhs - d0;
    start = p;
    if (p >= n) fail(`unexpected end of file in delta1 of AND ${lhs}`, 'unexpected-eof', start);
    b = buf[p++]!;
    let d1 = b;
    if (b > 0x7f) {
      d1 = b & 0x7f;
      for (let shift = 7; b > 0x7f; shift += 7) {
        if (p >= n) fail(`unexpected end of file in delta1 of AND ${lhs}`, 'unexpected-eof', start);
        b = buf[p++]!;
        if (shift === 28 && b > 0x0f) fail(`delta1 of AND ${lhs} does not fit 32 bits`, 'bad-number', start);
        d1 += (b & 0x7f) * 2 ** shift;
      }
    }
    if (d1 > rhs0) fail(`AND ${lhs}: delta1 = ${d1} is larger than rhs0 = ${rhs0}`, 'bad-encoding', start);
    fanins[k] = rhs0;
    fanins[k + 1] = rhs0 - d1;
  }
  cur.skipTo(p);
  // binary numbering is already ours: inputs 1..I, then the ANDs in order
  return () => ({ fanins, outputs: outs.data.slice(0, outs.length) });
}

/** Definitions by variable index: 0 undefined, k+1 input k, -(g+1) AND g (dense or sparse). */
class VarTable {
  private readonly dense: Int32Array | undefined;
  private readonly sparse = new Map<number, number>();
  constructor(maxVar: number, defs: number) {
    this.dense = maxVar < 4 * defs + 4096 ? new Int32Array(maxVar + 1) : undefined;
  }
  get(v: number): number {
    return this.dense ? this.dense[v]! : (this.sparse.get(v) ?? 0);
  }
  set(v: number, d: number): void {
    if (this.dense) this.dense[v] = d;
    else this.sparse.set(v, d);
  }
}

function digits(x: number): number {
  return String(x).length;
}

/** Reads inputs, outputs and ANDs of an ASCII file; the returned step checks and sorts them. */
function readAsciiBody(cur: ByteCursor, h: AigerHeader): () => Body {
  const maxLit = 2 * h.maxVar + 1;
  const inLits = new GrowU32(Math.min(h.numInputs, 1024));
  const inLines = new GrowU32(Math.min(h.numInputs, 1024));
  const even = (lit: number, what: string, col: number): void => {
    if (lit > maxLit - 1) cur.fail(`${what}: literal ${lit} exceeds 2*M = ${maxLit - 1}`, 'header-mismatch', col);
    if (lit & 1) cur.fail(`${what}: literal ${lit} is negated (must be even)`, 'unexpected-token', col);
    if (lit === 0) cur.fail(`${what}: literal 0 is the constant false and can not be defined`, 'unexpected-token', col);
  };
  for (let i = 0; i < h.numInputs; i++) {
    inLines.push(cur.line);
    const lit = cur.readNumber(`input ${i}`);
    even(lit, `input ${i}`, 1);
    cur.expectNewline(`input ${i}`);
    inLits.push(lit);
  }
  const outLines = new GrowU32(Math.min(h.numOutputs, 1024));
  const outLits = readOutputs(cur, h, outLines);
  const cap = Math.min(h.numAnds, 1 << 16);
  const lhsA = new GrowU32(cap);
  const r0A = new GrowU32(cap);
  const r1A = new GrowU32(cap);
  const andLines = new GrowU32(cap);
  for (let g = 0; g < h.numAnds; g++) {
    andLines.push(cur.line);
    const lhs = cur.readNumber(`AND ${g}`);
    even(lhs, 'AND left-hand side', 1);
    cur.expectSpace(`AND ${lhs}`);
    let col = cur.col();
    const r0 = cur.readNumber(`first input of AND ${lhs}`);
    if (r0 > maxLit) cur.fail(`AND ${lhs}: literal ${r0} exceeds 2*M+1 = ${maxLit}`, 'header-mismatch', col);
    cur.expectSpace(`first input of AND ${lhs}`);
    col = cur.col();
    const r1 = cur.readNumber(`second input of AND ${lhs}`);
    if (r1 > maxLit) cur.fail(`AND ${lhs}: literal ${r1} exceeds 2*M+1 = ${maxLit}`, 'header-mismatch', col);
    cur.expectNewline(`AND ${lhs}`);
    lhsA.push(lhs);
    r0A.push(r0);
    r1A.push(r1);
  }
  return () => {
    const numIn = h.numInputs;
    const numAnds = h.numAnds;
    const lhs = lhsA.data;
    const r0 = r0A.data;
    const r1 = r1A.data;
    const fail = (reason: string, code: 'redefinition' | 'undefined-signal' | 'cycle', line: number, col: number): never => {
      throw new ParseError(reason, code, cur.file, line, col);
    };
    const table = new VarTable(h.maxVar, numIn + numAnds);
    const previous = (d: number): string => (d > 0 ? `input ${d - 1} on line ${inLines.data[d - 1]}` : `AND on line ${andLines.data[-d - 1]}`);
    for (let i = 0; i < numIn; i++) {
      const v = inLits.data[i]! >>> 1;
      const d = table.get(v);
      if (d !== 0) fail(`input ${i}: literal ${2 * v} already defined as ${previous(d)}`, 'redefinition', inLines.data[i]!, 1);
      table.set(v, i + 1);
    }
    for (let g = 0; g < numAnds; g++) {
      const v = lhs[g]! >>> 1;
      const d = table.get(v);
      if (d !== 0) fail(`literal ${2 * v} already defined as ${previous(d)}`, 'redefinition', andLines.data[g]!, 1);
      table.set(v, -(g + 1));
    }
    for (let j = 0; j < outLits.length; j++) {
      const lit = outLits.data[j]!;
      if (lit > 1 && table.get(lit >>> 1) === 0) fail(`output ${j}: literal ${lit} is undefined`, 'undefined-signal', outLines.data[j]!, 1);
    }
    const rhsCol = (g: number, which: number): number => 2 + digits(lhs[g]!) + (which === 0 ? 0 : digits(r0[g]!) + 1);
    for (let g = 0; g < numAnds; g++) {
      for (let w = 0; w < 2; w++) {
        const lit = w === 0 ? r0[g]! : r1[g]!;
        if (lit > 1 && table.get(lit >>> 1) === 0) fail(`AND ${lhs[g]}: literal ${lit} is undefined`, 'undefined-signal', andLines.data[g]!, rhsCol(g, w));
      }
    }
    // topological order by iterative DFS (post-order keeps file order when it is already topological)
    const state = new Uint8Array(numAnds); // 0 new, 1 on stack, 2 done
    const next = new Uint8Array(numAnds);
    const stack = new Uint32Array(numAnds);
    const index = new Uint32Array(numAnds);
    let count = 0;
    for (let root = 0; root < numAnds; root++) {
      if (state[root] !== 0) continue;
      let sp = 0;
      stack[sp++] = root;
      state[root] = 1;
      while (sp > 0) {
        const u = stack[sp - 1]!;
        const w = next[u]!;
        if (w < 2) {
          next[u] = w + 1;
          const d = table.get((w === 0 ? r0[u]! : r1[u]!) >>> 1);
          if (d >= 0) continue;
          const x = -d - 1;
          if (state[x] === 1) fail(`AND ${lhs[u]} is on a cycle through literal ${w === 0 ? r0[u] : r1[u]}`, 'cycle', andLines.data[u]!, rhsCol(u, w));
          if (state[x] === 0) {
            state[x] = 1;
            stack[sp++] = x;
          }
        } else {
          state[u] = 2;
          index[u] = count++;
          sp--;
        }
      }
    }
    const map = (lit: number): number => {
      const d = table.get(lit >>> 1);
      const node = lit < 2 ? 0 : d > 0 ? d : numIn + 1 + index[-d - 1]!;
      return 2 * node + (lit & 1);
    };
    const fanins = new Uint32Array(2 * numAnds);
    for (let g = 0; g < numAnds; g++) {
      fanins[2 * index[g]!] = map(r0[g]!);
      fanins[2 * index[g]! + 1] = map(r1[g]!);
    }
    const outputs = new Uint32Array(outLits.length);
    for (let j = 0; j < outLits.length; j++) outputs[j] = map(outLits.data[j]!);
    return { fanins, outputs };
  };
}
