/**
 * The lexer of line-based netlist formats (BENCH, BLIF): decoding the input,
 * splitting it into physical and logical lines with 1-based line and column
 * positions, and tokenising a line. Resolving the named definitions into a
 * circuit is netlist-resolve.ts.
 *
 * Nothing here knows a particular format; the callers pass the comment
 * character, the punctuation characters and the continuation character.
 */
import { ParseError, type ParseErrorCode } from '../errors.js';

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
