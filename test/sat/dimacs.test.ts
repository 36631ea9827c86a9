import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import { checkModel, parseDimacs, writeDimacs, type Cnf } from '../../src/sat/index.js';

const SEED = 424242;

function plain(cnf: Cnf): { numVars: number; clauses: number[][] } {
  return { numVars: cnf.numVars, clauses: cnf.clauses.map((c) => Array.from(c)) };
}

function parseError(text: string): ParseError {
  try {
    parseDimacs(text, { fileName: 'x.cnf' });
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return e as ParseError;
  }
  throw new Error('expected a ParseError');
}

describe('parseDimacs', () => {
  it('reads comments, blank lines, CRLF and clauses spanning lines', () => {
    const text = 'c hello\r\n\r\np cnf 4 3\r\n1 -2\r\n  3 0 c\n-4 0\n\nc mid\n2 0\n';
    // 'c' after '0' on the same line is not a comment
    expect(parseError(text).code).toBe('unexpected-token');
    const ok = parseDimacs('c hello\r\n\r\np cnf 4 3\r\n1 -2\r\n  3 0\n-4 0 2 0\nc end\n');
    expect(plain(ok)).toEqual({ numVars: 4, clauses: [[1, -2, 3], [-4], [2]] });
  });

  it('accepts a last clause closed by end of file', () => {
    expect(plain(parseDimacs('p cnf 2 2\n1 0\n-1 2'))).toEqual({ numVars: 2, clauses: [[1], [-1, 2]] });
  });

  it('stops at the SATLIB % trailer', () => {
    expect(plain(parseDimacs('p cnf 2 1\n1 2 0\n%\n0\n'))).toEqual({ numVars: 2, clauses: [[1, 2]] });
  });

  it('reads empty clauses and empty formulas', () => {
    expect(plain(parseDimacs('p cnf 0 0\n'))).toEqual({ numVars: 0, clauses: [] });
    expect(plain(parseDimacs('p cnf 3 1\n0\n'))).toEqual({ numVars: 3, clauses: [[]] });
  });

  it.each([
    ['empty file', '', 'unexpected-eof', 1, 1],
    ['only comments', 'c x\n', 'unexpected-eof', 2, 1],
    ['clause before header', '1 2 0\np cnf 2 1\n', 'unexpected-token', 1, 1],
    ['bad header', 'p dnf 2 1\n', 'unexpected-token', 1, 1],
    ['header missing count', 'p cnf 2\n', 'unexpected-token', 1, 8],
    ['negative count', 'p cnf -2 1\n', 'bad-number', 1, 7],
    ['second header', 'p cnf 2 1\np cnf 2 1\n', 'unexpected-token', 2, 1],
    ['garbage literal', 'p cnf 2 1\n1 x 0\n', 'unexpected-token', 2, 3],
    ['literal above header', 'p cnf 2 1\n1 -3 0\n', 'header-mismatch', 2, 3],
    ['too many clauses', 'p cnf 2 1\n1 0\n  2 0\n', 'header-mismatch', 3, 3],
    ['too few clauses', 'p cnf 2 3\n1 0\n2 0\n', 'header-mismatch', 4, 1],
    ['huge literal', 'p cnf 2 1\n99999999999 0\n', 'bad-number', 2, 1],
  ])('%s -> %s at line:col', (_name, text, code, line, column) => {
    const e = parseError(text);
    expect(e.code).toBe(code);
    expect([e.file, e.line, e.column]).toEqual(['x.cnf', line, column]);
    expect(e.message.startsWith(`x.cnf:${line}:${column}: `)).toBe(true);
  });

  it('names <stdin> by default', () => {
    expect(() => parseDimacs('p cnf 1 1\n2 0\n')).toThrow(/^<stdin>:2:1: /);
  });
});

describe('writeDimacs', () => {
  it('starts with the header (after comments) and ends clauses with 0', () => {
    const text = writeDimacs({ numVars: 3, clauses: [Int32Array.from([1, -3]), new Int32Array(0)] }, { comments: ['made by test'] });
    expect(text).toBe('c made by test\np cnf 3 2\n1 -3 0\n0\n');
    expect(writeDimacs({ numVars: 0, clauses: [] }).startsWith('p cnf 0 0')).toBe(true);
  });

  it(`round-trips through parseDimacs (property, seed ${SEED})`, () => {
    console.log(`dimacs round trip: fast-check seed ${SEED}`);
    const arbCnf = fc.integer({ min: 0, max: 30 }).chain((numVars) => {
      const literal = fc.integer({ min: 1, max: Math.max(1, numVars) }).chain((v) => fc.constantFrom(v, -v));
      const clause = numVars === 0 ? fc.constant<number[]>([]) : fc.array(literal, { maxLength: 6 });
      return fc.record({ numVars: fc.constant(numVars), clauses: fc.array(clause, { maxLength: 20 }) });
    });
    fc.assert(
      fc.property(arbCnf, (c) => {
        const cnf: Cnf = { numVars: c.numVars, clauses: c.clauses.map((x) => Int32Array.from(x)) };
        expect(plain(parseDimacs(writeDimacs(cnf)))).toEqual(plain(cnf));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('checkModel', () => {
  const clauses = [Int32Array.from([1, 2]), Int32Array.from([-1]), Int32Array.from([3, -2])];
  it('returns -1 for a model and the first falsified clause otherwise', () => {
    expect(checkModel(clauses, Int8Array.from([0, -1, 1, 1]))).toBe(-1);
    expect(checkModel(clauses, Int8Array.from([0, 1, 1, 1]))).toBe(1);
    expect(checkModel(clauses, Int8Array.from([0, -1, -1, -1]))).toBe(0);
  });
  it('treats variables outside the model as unassigned', () => {
    expect(checkModel([Int32Array.from([5])], Int8Array.from([0, 1]))).toBe(0);
    expect(checkModel([new Int32Array(0)], Int8Array.from([0]))).toBe(0);
    expect(checkModel([], new Int8Array(0))).toBe(-1);
  });
});
