/**
 * Truth-table files, read into and written from a {@link FunctionSpec}.
 *
 * 1. waterloo's hex format (`.tt`; ABC `read_truth -f` files of hex tables are a subset):
 *
 *        # 2-output example: majority and parity of 3 inputs
 *        inputs 3
 *        e8
 *        96 care 7e
 *
 *    - `#` starts a comment that runs to the end of the line; blank lines are ignored.
 *    - `inputs N` (optional) must come before the first table. Without it, N is
 *      taken from the first table: d hex digits mean N = log2(d) + 2, so a
 *      1-digit table is read as 2 inputs (write the header for 0 or 1 inputs).
 *    - Each table is one output, in order, hex MSB digit first (waterloo/kitty
 *      order: bit i = f(minterm i), x0 the LSB of i; MAJ3 = e8), with an
 *      optional `0x`, and exactly max(1, 2^N / 4) digits. Tables are separated
 *      by white space; the writer puts one per line.
 *    - `care H` after a table gives that output's care set (don't-cares where H is 0).
 *
 * 2. IWLS 2022 contest `.truth` files: one line per output, 2^N characters
 *    0/1, the most significant minterm first (the first character is
 *    f(1...1), the last f(0...0)), x0 the LSB of the minterm index, as in ABC's
 *    `read_truth` (checked against the contest's best AIGs in the tests). No
 *    comments, no don't-cares.
 *
 * Parsers are pure and throw only ParseError (`file:line:col: reason`).
 */
import { ParseError, UsageError, type ParseErrorCode } from '../errors.js';
import { fromBinary, fromHex, hexDigits, toBinary, toHex, type TruthTable } from '../tt/truth-table.js';
import { hasDontCares, makeSpec, MAX_SPEC_INPUTS, type FunctionSpec } from '../tt/spec.js';

/** Options of the truth-table parsers. */
export interface ParseTruthOptions {
  /** Name used in error locations; default `<stdin>`. */
  readonly fileName?: string;
}

function decode(input: string | Uint8Array, file: string): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new ParseError('input is not valid UTF-8 text', 'bad-encoding', file, 1, 1);
  }
}

interface Token {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** Splits a line (comment already stripped) into white-space separated tokens with 1-based columns. */
function tokens(line: string, lineNo: number): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push({ text: m[0], line: lineNo, column: m.index + 1 });
  return out;
}

function digitsToVars(d: number): number | undefined {
  if (d === 1) return 2;
  const n = Math.log2(d) + 2;
  return Number.isInteger(n) && n <= MAX_SPEC_INPUTS ? n : undefined;
}

/** Parses waterloo's hex truth-table format (see the module documentation). */
export function parseHexTruth(input: string | Uint8Array, opts: ParseTruthOptions = {}): FunctionSpec {
  const file = opts.fileName ?? '<stdin>';
  const text = decode(input, file);
  const fail = (reason: string, code: ParseErrorCode, t: { line: number; column: number }): never => {
    throw new ParseError(reason, code, file, t.line, t.column);
  };
  let numInputs: number | undefined;
  const outputs: TruthTable[] = [];
  const care: (TruthTable | undefined)[] = [];
  const lines = text.split('\n');
  let last = { line: 1, column: 1 };
  const readTable = (t: Token, what: string): TruthTable => {
    const s = t.text.startsWith('0x') || t.text.startsWith('0X') ? t.text.slice(2) : t.text;
    const bad = /[^0-9a-fA-F]/.exec(s);
    if (s.length === 0 || bad) {
      return fail(`expected a hex ${what}, got '${t.text}'`, 'unexpected-token', { line: t.line, column: t.column + (bad ? t.text.length - s.length + bad.index : 0) });
    }
    if (numInputs === undefined) {
      const n = digitsToVars(s.length);
      if (n === undefined) return fail(`a hex truth table has 1, 2, 4, 8, ... digits, '${t.text}' has ${s.length}`, 'bad-number', t);
      numInputs = n;
    }
    if (s.length !== hexDigits(numInputs)) {
      return fail(`a ${numInputs}-input ${what} has ${hexDigits(numInputs)} hex digit(s), '${t.text}' has ${s.length}`, 'header-mismatch', t);
    }
    try {
      return fromHex(s, numInputs);
    } catch (e) {
      if (e instanceof UsageError) return fail(e.message, 'bad-number', t);
      throw e;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    const toks = tokens(line, i + 1);
    last = { line: i + 1, column: line.length + 1 };
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.text === 'inputs') {
        if (numInputs !== undefined || outputs.length > 0) fail("'inputs' must come once, before the first table", 'unexpected-token', t);
        const v = toks[k + 1];
        if (v === undefined) fail("expected the number of inputs after 'inputs'", 'unexpected-eof', last);
        else if (!/^\d+$/.test(v.text) || Number(v.text) > MAX_SPEC_INPUTS) fail(`expected a number of inputs 0..${MAX_SPEC_INPUTS}, got '${v.text}'`, 'bad-number', v);
        else numInputs = Number(v.text);
        k++;
      } else if (t.text === 'care') {
        if (outputs.length === 0 || care[outputs.length - 1] !== undefined) fail("'care' must follow a table", 'unexpected-token', t);
        const v = toks[k + 1];
        if (v === undefined) fail("expected a hex care set after 'care'", 'unexpected-eof', last);
        else care[outputs.length - 1] = readTable(v, 'care set');
        k++;
      } else {
        outputs.push(readTable(t, 'truth table'));
        care.push(undefined);
      }
    }
  }
  if (outputs.length === 0) fail('expected at least one truth table', 'unexpected-eof', last);
  return makeSpec(numInputs!, outputs, care);
}

/** Options of {@link writeHexTruth}. */
export interface WriteHexTruthOptions {
  /** Comment lines written first (each prefixed with `# `). */
  readonly comments?: readonly string[];
}

/** Writes waterloo's hex format: comments, `inputs N`, one table (and care set) per line. */
export function writeHexTruth(spec: FunctionSpec, opts: WriteHexTruthOptions = {}): string {
  const lines = (opts.comments ?? []).flatMap((c) => c.split('\n')).map((c) => `# ${c}`.trimEnd());
  lines.push(`inputs ${spec.numInputs}`);
  spec.outputs.forEach((t, k) => {
    const c = spec.care?.[k];
    lines.push(c === undefined ? toHex(t) : `${toHex(t)} care ${toHex(c)}`);
  });
  return lines.join('\n') + '\n';
}

/** Parses an IWLS 2022 `.truth` file (see the module documentation). */
export function parseIwlsTruth(input: string | Uint8Array, opts: ParseTruthOptions = {}): FunctionSpec {
  const file = opts.fileName ?? '<stdin>';
  const text = decode(input, file);
  const lines = text.split('\n');
  const outputs: TruthTable[] = [];
  let numInputs: number | undefined;
  let last = { line: 1, column: 1 };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    last = { line: i + 1, column: line.length + 1 };
    const body = line.trimEnd();
    if (body === '') continue;
    const bad = /[^01]/.exec(body);
    if (bad) throw new ParseError(`expected '0' or '1', got '${bad[0]}'`, 'unexpected-token', file, i + 1, bad.index + 1);
    if (numInputs === undefined) {
      const n = Math.log2(body.length);
      if (!Number.isInteger(n) || n > MAX_SPEC_INPUTS) {
        const why = Number.isInteger(n) ? `a table of ${body.length} characters has ${n} inputs, more than the limit of ${MAX_SPEC_INPUTS}` : `a truth table has 2^n characters (n <= ${MAX_SPEC_INPUTS}), this one has ${body.length}`;
        throw new ParseError(why, 'bad-number', file, i + 1, 1);
      }
      numInputs = n;
    } else if (body.length !== 2 ** numInputs) {
      throw new ParseError(`expected ${2 ** numInputs} characters as on the first line, got ${body.length}`, 'header-mismatch', file, i + 1, 1);
    }
    outputs.push(fromBinary(body, numInputs));
  }
  if (numInputs === undefined) throw new ParseError('expected at least one truth table', 'unexpected-eof', file, last.line, last.column);
  return makeSpec(numInputs, outputs);
}

/**
 * Writes an IWLS 2022 `.truth` file: one binary line per output, most
 * significant minterm first. Throws UsageError (code `dont-cares`) for a spec
 * with don't-cares, which the format cannot express.
 */
export function writeIwlsTruth(spec: FunctionSpec): string {
  if (hasDontCares(spec)) throw new UsageError('IWLS .truth files cannot express don\'t-cares', 'dont-cares');
  return spec.outputs.map((t) => toBinary(t) + '\n').join('');
}
