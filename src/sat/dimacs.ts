/**
 * DIMACS CNF reader and writer.
 *
 * Accepted input (the "normal" dialect):
 * - comment lines start with `c` (after optional blanks) and may appear anywhere,
 *   also between clauses; blank lines and `\r\n` line ends are fine;
 * - exactly one header `p cnf <vars> <clauses>` before the first clause;
 * - clauses are whitespace-separated integers ending in `0` and may span lines
 *   or share a line;
 * - the last clause may omit its final `0` at end of file (it is closed by EOF);
 * - a line `%` (the SATLIB benchmark trailer) ends the clause section; the rest
 *   of the file is ignored.
 *
 * Errors (all {@link ParseError}, 1-based line and column): `unexpected-eof`
 * (no header), `unexpected-token` (anything that is not a literal, a second
 * header, a clause before the header), `bad-number` (a malformed or out of
 * range header count or literal), `header-mismatch` (a literal above the
 * declared variable count, or more/fewer clauses than declared).
 */

import { ParseError, type ParseErrorCode } from '../errors.js';
import { MAX_VAR } from './clause-log.js';
import type { Cnf } from './types.js';

/** Options of {@link parseDimacs}. */
export interface ParseDimacsOptions {
  /** Name used in error messages; default `<stdin>`. */
  readonly fileName?: string;
}

const INT = /^[+-]?\d+$/;

/**
 * Parses DIMACS CNF text into a {@link Cnf}.
 * @throws ParseError with file, 1-based line/column and a stable code.
 */
export function parseDimacs(text: string, options: ParseDimacsOptions = {}): Cnf {
  const file = options.fileName ?? '<stdin>';
  const fail = (reason: string, code: ParseErrorCode, line: number, column: number): never => {
    throw new ParseError(reason, code, file, line, column);
  };
  let numVars = -1;
  let declaredClauses = 0;
  const clauses: Int32Array[] = [];
  let current: number[] = [];
  let clauseStart = { line: 0, column: 0 };
  const lines = text.split('\n');
  let lastLine = lines.length;
  let lastColumn = 1;
  let stopped = false;

  for (let li = 0; li < lines.length && !stopped; li++) {
    const raw = lines[li]!.endsWith('\r') ? lines[li]!.slice(0, -1) : lines[li]!;
    const lineNo = li + 1;
    const trimmed = raw.trimStart();
    if (trimmed.startsWith('c')) continue;
    if (trimmed === '%') {
      stopped = true;
      lastLine = lineNo;
      lastColumn = raw.length + 1;
      break;
    }
    const tokenRe = /\S+/g;
    let m: RegExpExecArray | null;
    if (trimmed.startsWith('p')) {
      const col = raw.length - trimmed.length + 1;
      if (numVars >= 0) fail('second header line', 'unexpected-token', lineNo, col);
      const tokens: { text: string; column: number }[] = [];
      while ((m = tokenRe.exec(raw)) !== null) tokens.push({ text: m[0], column: m.index + 1 });
      if (tokens[0]!.text !== 'p' || tokens[1]?.text !== 'cnf') {
        fail("expected header 'p cnf <vars> <clauses>'", 'unexpected-token', lineNo, col);
      }
      for (const i of [2, 3]) {
        const tok = tokens[i];
        if (tok === undefined) fail("header 'p cnf' needs two counts", 'unexpected-token', lineNo, raw.length + 1);
        if (!/^\d+$/.test(tok!.text) || Number(tok!.text) > MAX_VAR) {
          fail(`bad count '${tok!.text}' in header`, 'bad-number', lineNo, tok!.column);
        }
      }
      if (tokens.length > 4) fail('unexpected text after header', 'unexpected-token', lineNo, tokens[4]!.column);
      numVars = Number(tokens[2]!.text);
      declaredClauses = Number(tokens[3]!.text);
      continue;
    }
    while ((m = tokenRe.exec(raw)) !== null) {
      const tok = m[0];
      const column = m.index + 1;
      lastLine = lineNo;
      lastColumn = column + tok.length;
      if (numVars < 0) fail("expected header 'p cnf <vars> <clauses>' before clauses", 'unexpected-token', lineNo, column);
      if (!INT.test(tok)) fail(`expected a literal, found '${tok}'`, 'unexpected-token', lineNo, column);
      const lit = Number(tok);
      if (Math.abs(lit) > MAX_VAR) fail(`literal ${tok} out of range`, 'bad-number', lineNo, column);
      if (current.length === 0) clauseStart = { line: lineNo, column };
      if (lit === 0) {
        if (clauses.length >= declaredClauses) {
          fail(`more clauses than the ${declaredClauses} declared in the header`, 'header-mismatch', clauseStart.line, clauseStart.column);
        }
        clauses.push(Int32Array.from(current));
        current = [];
        continue;
      }
      if (Math.abs(lit) > numVars) {
        fail(`literal ${lit} exceeds the ${numVars} variables declared in the header`, 'header-mismatch', lineNo, column);
      }
      current.push(lit);
    }
    if (!stopped) {
      lastLine = lineNo;
      lastColumn = raw.length + 1;
    }
  }
  if (numVars < 0) fail("missing header 'p cnf <vars> <clauses>'", 'unexpected-eof', lastLine, lastColumn);
  if (current.length > 0) {
    // The final clause may be closed by end of file instead of `0`.
    if (clauses.length >= declaredClauses) {
      fail(`more clauses than the ${declaredClauses} declared in the header`, 'header-mismatch', clauseStart.line, clauseStart.column);
    }
    clauses.push(Int32Array.from(current));
  }
  if (clauses.length < declaredClauses) {
    fail(`header declares ${declaredClauses} clauses but only ${clauses.length} found`, 'header-mismatch', lastLine, lastColumn);
  }
  return { numVars, clauses };
}

/** Options of {@link writeDimacs}. */
export interface WriteDimacsOptions {
  /** Comment lines written before the header (without the leading `c `). */
  readonly comments?: readonly string[];
}

/** Writes `cnf` as DIMACS text: optional comments, then `p cnf V C`, one clause per line. */
export function writeDimacs(cnf: Cnf, options: WriteDimacsOptions = {}): string {
  const parts: string[] = [];
  for (const comment of options.comments ?? []) {
    for (const line of comment.split('\n')) parts.push(line === '' ? 'c' : `c ${line}`);
  }
  parts.push(`p cnf ${cnf.numVars} ${cnf.clauses.length}`);
  for (const clause of cnf.clauses) parts.push(clause.length === 0 ? '0' : `${clause.join(' ')} 0`);
  return parts.join('\n') + '\n';
}
