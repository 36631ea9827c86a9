import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import { logicalLines, tokenizeLine, type LexOptions, type LogicalLine, type Token } from '../../src/io/line-lexer.js';

// The scanner in line-lexer.ts works on the whole text in one pass for speed.
// These references are the plain definitions it must agree with: split into
// physical lines, tokenise each, join continuations; resolve by recursion.

function referenceTokens(text: string, line: number, opts: LexOptions): Token[] {
  const comment = opts.comment ?? '';
  const punct = opts.punctuation ?? '';
  const blank = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v';
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (blank(ch)) i++;
    else if (comment.includes(ch)) break;
    else if (punct.includes(ch)) out.push({ text: ch, line, column: ++i });
    else {
      const start = i;
      while (i < text.length && !blank(text[i]!) && !punct.includes(text[i]!) && !comment.includes(text[i]!)) i++;
      out.push({ text: text.slice(start, i), line, column: start + 1 });
    }
  }
  return out;
}

function referenceLogicalLines(text: string, opts: LexOptions): LogicalLine[] | { error: string } {
  const parts = text.split(/\r\n|\n|\r/);
  if (parts[parts.length - 1] === '') parts.pop();
  const out: LogicalLine[] = [];
  let pending: Token[] = [];
  let first = 0;
  let last: Token | undefined;
  parts.forEach((part, i) => {
    let toks = referenceTokens(part, i + 1, opts);
    let continued = false;
    const cont = opts.continuation;
    if (cont && toks.length && toks[toks.length - 1]!.text.endsWith(cont)) {
      const t = toks[toks.length - 1]!;
      continued = true;
      toks = toks.slice(0, -1);
      if (t.text.length > cont.length) toks.push({ ...t, text: t.text.slice(0, -cont.length) });
    }
    if (pending.length === 0 && !last) first = i + 1;
    pending.push(...toks);
    last = { text: '', line: i + 1, column: part.length + 1 };
    if (continued) return;
    if (pending.length) out.push({ tokens: pending, line: first, end: last });
    pending = [];
    last = undefined;
  });
  return last ? { error: `f:${last.line}:${last.column}` } : out;
}

function actualLogicalLines(text: string, opts: LexOptions): LogicalLine[] | { error: string } {
  try {
    return logicalLines(text, 'f', opts);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    expect(e.code).toBe('unexpected-eof');
    return { error: `f:${e.line}:${e.column}` };
  }
}

const SEED = 0x1e7e;
const RUNS = 2000;

/** Texts over the characters that matter to the scanner, plus a name character outside ASCII and a surrogate pair. */
const arbitraryText = fc
  .array(fc.constantFrom('a', 'b', 'x1', ' ', '\t', '\n', '\r', '\r\n', '#', '(', ')', ',', '=', '\\', '\\\\', '.', 'é', '😀', '\f'), { maxLength: 40 })
  .map((xs) => xs.join(''));

const LEXES: readonly LexOptions[] = [{ comment: '#', punctuation: '(),=' }, { comment: '#', continuation: '\\' }, {}, { punctuation: 'é' }];

describe(`line lexer agrees with the plain split-then-tokenise definition (fast-check seed ${SEED})`, () => {
  console.log(`line-lexer: fast-check seed ${SEED}, ${RUNS} runs`);

  it('logicalLines: same tokens, positions, line ends and continuation errors', () => {
    fc.assert(
      fc.property(arbitraryText, fc.constantFrom(...LEXES), (text, opts) => {
        expect(actualLogicalLines(text, opts)).toEqual(referenceLogicalLines(text, opts));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('tokenizeLine: same tokens on a single line', () => {
    fc.assert(
      fc.property(arbitraryText.map((t) => t.replace(/[\r\n]/g, '')), fc.constantFrom(...LEXES), (text, opts) => {
        expect(tokenizeLine(text, 7, opts)).toEqual(referenceTokens(text, 7, opts));
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it('cases worth naming', () => {
    const blif = { comment: '#', continuation: '\\' };
    // a doubled continuation keeps one backslash in the name, and an empty line ends the logical line
    expect(actualLogicalLines('a b\\\\\n\nc', blif)).toEqual(referenceLogicalLines('a b\\\\\n\nc', blif));
    expect(actualLogicalLines('a \\\n', blif)).toEqual({ error: 'f:1:4' });
    expect(actualLogicalLines('a \\\n\n', blif)).not.toHaveProperty('error');
    expect(actualLogicalLines('\n\r\n\r', blif)).toEqual([]);
  });
});
