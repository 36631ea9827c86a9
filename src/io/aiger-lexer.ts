/**
 * Byte-level scanning shared by the ASCII and binary AIGER readers: a cursor
 * that tracks line and column, decimal numbers as the format defines them,
 * the header, and the symbol table and comment section.
 */
import { ParseError, UnsupportedError, type ParseErrorCode, type UnsupportedErrorCode } from '../errors.js';

/** The header of an AIGER file: `aag|aig M I L O A [B C J F]`. */
export interface AigerHeader {
  readonly format: 'aag' | 'aig';
  /** M, the maximum variable index. */
  readonly maxVar: number;
  readonly numInputs: number;
  readonly numLatches: number;
  readonly numOutputs: number;
  readonly numAnds: number;
  /** B, C, J, F of AIGER 1.9 (0 when absent; nonzero ones are refused). */
  readonly numBad: number;
  readonly numConstraints: number;
  readonly numJustice: number;
  readonly numFairness: number;
}

const SPACE = 0x20;
const NL = 0x0a;
const CR = 0x0d;
const D0 = 0x30;
const D9 = 0x39;
/** Largest number read: literals are 32-bit. */
const MAX_NUMBER = 0xffffffff;

const HEADER_FIELDS = ['M', 'I', 'L', 'O', 'A', 'B', 'C', 'J', 'F'] as const;

/** What a nonzero count of each refused header field means (messages as aigtocnf). */
const REFUSED: readonly { field: number; what: string; code: UnsupportedErrorCode }[] = [
  { field: 2, what: 'latches', code: 'latches' },
  { field: 5, what: 'bad state properties', code: 'bad-properties' },
  { field: 6, what: 'invariant constraints', code: 'constraints' },
  { field: 7, what: 'justice properties', code: 'justice' },
  { field: 8, what: 'fairness constraints', code: 'fairness' },
];

/** Symbol kinds of AIGER 1.9 and what they name (singular, plural). */
const SYMBOL_KINDS: Readonly<Record<string, readonly [string, string]>> = {
  i: ['input', 'inputs'],
  l: ['latch', 'latches'],
  o: ['output', 'outputs'],
  b: ['bad state property', 'bad state properties'],
  c: ['constraint', 'constraints'],
  j: ['justice property', 'justice properties'],
  f: ['fairness constraint', 'fairness constraints'],
};

const utf8 = new TextDecoder('utf-8');

/** Decodes bytes as UTF-8 (invalid sequences become U+FFFD). */
export function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** A growable Uint32Array. */
export class GrowU32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Uint32Array(Math.max(4, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const d = new Uint32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = x;
  }
}

/** Position in a byte buffer with 1-based line tracking. */
export class ByteCursor {
  pos = 0;
  line = 1;
  lineStart = 0;

  constructor(
    readonly buf: Uint8Array,
    readonly file: string,
  ) {}

  /** 1-based byte column of the current position. */
  col(): number {
    return this.pos - this.lineStart + 1;
  }

  /** Throws a ParseError at the current line, at `col` (default: current column). */
  fail(reason: string, code: ParseErrorCode, col = this.col(), line = this.line): never {
    throw new ParseError(reason, code, this.file, line, col);
  }

  /** Throws an UnsupportedError located like a ParseError. */
  unsupported(reason: string, code: UnsupportedErrorCode, col: number, line = this.line): never {
    throw new UnsupportedError(`${this.file}:${line}:${col}: ${reason}`, code);
  }

  /** Description of the byte at the current position, for messages. */
  found(): string {
    if (this.pos >= this.buf.length) return 'end of file';
    const b = this.buf[this.pos]!;
    if (b === CR) return 'carriage return (CRLF line ends are not AIGER)';
    if (b === NL) return 'new line';
    if (b === SPACE) return 'space';
    if (b > 0x20 && b < 0x7f) return `'${String.fromCharCode(b)}'`;
    return `byte 0x${b.toString(16).padStart(2, '0')}`;
  }

  private failExpected(what: string): never {
    this.fail(`expected ${what}, found ${this.found()}`, this.pos >= this.buf.length ? 'unexpected-eof' : 'unexpected-token');
  }

  /** Reads an unsigned decimal: `0` or a nonzero digit followed by digits. */
  readNumber(what: string): number {
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    let c = p < buf.length ? buf[p]! : -1;
    if (c < D0 || c > D9) this.failExpected(what);
    let x = 0;
    while (c >= D0 && c <= D9) {
      x = x * 10 + (c - D0);
      if (x > MAX_NUMBER) this.fail(`${what}: number too large (limit ${MAX_NUMBER})`, 'bad-number');
      p++;
      c = p < buf.length ? buf[p]! : -1;
    }
    if (buf[start] === D0 && p - start > 1) this.fail(`${what}: number with a leading zero`, 'bad-number');
    this.pos = p;
    return x;
  }

  /** Consumes exactly one space. */
  expectSpace(after: string): void {
    if (this.buf[this.pos] !== SPACE || this.pos >= this.buf.length) {
      this.fail(`expected space after ${after}, found ${this.found()}`, this.pos >= this.buf.length ? 'unexpected-eof' : 'unexpected-token');
    }
    this.pos++;
  }

  /** Consumes a new line (the end of the file also ends the last line). */
  expectNewline(after: string): void {
    if (this.pos >= this.buf.length) return;
    if (this.buf[this.pos] !== NL) this.fail(`expected new line after ${after}, found ${this.found()}`, 'unexpected-token');
    this.pos++;
    this.line++;
    this.lineStart = this.pos;
  }

  /** Moves to `end`, counting the new lines passed over. */
  skipTo(end: number): void {
    const buf = this.buf;
    for (let p = this.pos; p < end; p++) {
      if (buf[p] === NL) {
        this.line++;
        this.lineStart = p + 1;
      }
    }
    this.pos = end;
  }

  /**
   * Reads the header line; refuses latches and properties. Returns the header
   * and the 1-based columns of its numbers (for later error messages).
   */
  readHeader(): { header: AigerHeader; columns: number[] } {
    const b = this.buf;
    if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) {
      this.unsupported('can not handle compressed (gzip) AIGER; decompress it first', 'compressed', 1);
    }
    const id = b.length >= 3 ? String.fromCharCode(b[0]!, b[1]!, b[2]!) : '';
    if (id !== 'aag' && id !== 'aig') {
      this.fail(`expected 'aag' or 'aig' at the start of an AIGER file`, b.length < 3 ? 'unexpected-eof' : 'unexpected-token');
    }
    this.pos = 3;
    const values: number[] = [];
    const columns: number[] = [];
    while (values.length < 5 || (values.length < HEADER_FIELDS.length && b[this.pos] === SPACE)) {
      const field = HEADER_FIELDS[values.length]!;
      this.expectSpace(values.length === 0 ? `'${id}'` : `header field ${HEADER_FIELDS[values.length - 1]}`);
      columns.push(this.col());
      values.push(this.readNumber(`header field ${field}`));
    }
    this.expectNewline('the header');
    while (values.length < HEADER_FIELDS.length) values.push(0);
    const [m, i, l, o, a, bad, c, j, f] = values as [number, number, number, number, number, number, number, number, number];
    for (const r of REFUSED) {
      const n = values[r.field]!;
      if (n !== 0) this.unsupported(`can not handle ${r.what} (${HEADER_FIELDS[r.field]} = ${n})`, r.code, columns[r.field]!, 1);
    }
    const defined = i + l + a;
    if (id === 'aig' ? m !== defined : m < defined) {
      this.fail(
        `header: M = ${m} but I + L + A = ${defined}${id === 'aig' ? ' (binary AIGER needs M = I + L + A)' : ' (M must be at least I + L + A)'}`,
        'header-mismatch',
        columns[0]!,
        1,
      );
    }
    if (2 * m + 1 > MAX_NUMBER) this.fail(`header: M = ${m} is too large (literals are 32-bit)`, 'bad-number', columns[0]!, 1);
    const header: AigerHeader = {
      format: id,
      maxVar: m,
      numInputs: i,
      numLatches: l,
      numOutputs: o,
      numAnds: a,
      numBad: bad,
      numConstraints: c,
      numJustice: j,
      numFairness: f,
    };
    return { header, columns };
  }

  /**
   * Reads the optional symbol table and comment section up to the end of the
   * file, filling `inputNames` / `outputNames`. Returns the comment text, if any.
   */
  readSymbolsAndComment(h: AigerHeader, inputNames: (string | undefined)[], outputNames: (string | undefined)[]): string | undefined {
    const buf = this.buf;
    const n = buf.length;
    while (this.pos < n) {
      const kind = String.fromCharCode(buf[this.pos]!);
      if (kind === 'c' && (this.pos + 1 === n || buf[this.pos + 1] === NL)) {
        const start = Math.min(n, this.pos + 2);
        let end = n;
        if (end > start && buf[end - 1] === NL) end--;
        this.skipTo(n);
        return decodeText(buf.subarray(start, end));
      }
      const kindNames = SYMBOL_KINDS[kind];
      if (kindNames === undefined) this.fail(`expected a symbol (i, o, l, b, c, j, f) or the comment line 'c', found ${this.found()}`, 'unexpected-token');
      const [what, whats] = kindNames;
      const lineCol = this.col();
      this.pos++;
      const col = this.col();
      const idx = this.readNumber(`${what} position after '${kind}'`);
      this.expectSpace(`symbol position ${kind}${idx}`);
      let end = this.pos;
      while (end < n && buf[end] !== NL) end++;
      const name = decodeText(buf.subarray(this.pos, end));
      this.pos = end;
      const table = kind === 'i' ? inputNames : kind === 'o' ? outputNames : undefined;
      const count = kind === 'i' ? h.numInputs : kind === 'o' ? h.numOutputs : 0;
      if (idx >= count || table === undefined) {
        this.fail(`symbol for ${what} ${idx}, but there ${count === 1 ? `is 1 ${what}` : `are ${count} ${whats}`}`, 'header-mismatch', col);
      }
      if (table[idx] !== undefined) this.fail(`${what} ${idx} already has a symbol`, 'redefinition', lineCol);
      table[idx] = name;
      this.expectNewline(`symbol ${kind}${idx}`);
    }
    return undefined;
  }
}
