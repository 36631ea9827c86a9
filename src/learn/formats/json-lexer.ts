/**
 * A small JSON parser that remembers where every value starts, so that
 * semantic errors in model files can name both the JSON path and the
 * 1-based line and column (JSON.parse keeps neither).
 */
import { ParseError } from '../../errors.js';

/** A parsed JSON value with its start offset. */
export type JsonNode =
  | { readonly kind: 'object'; readonly at: number; readonly entries: ReadonlyMap<string, JsonNode> }
  | { readonly kind: 'array'; readonly at: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly at: number; readonly value: string }
  | { readonly kind: 'number'; readonly at: number; readonly value: number }
  | { readonly kind: 'boolean'; readonly at: number; readonly value: boolean }
  | { readonly kind: 'null'; readonly at: number };

/** 1-based line and column of an offset. */
export function lineCol(text: string, at: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) (line++, (start = i + 1));
  return { line, column: at - start + 1 };
}

const MAX_DEPTH = 64;

/** Parses JSON text; throws ParseError (file:line:col) on malformed input. */
export function parseJsonWithPositions(text: string, file: string): JsonNode {
  let i = 0;
  const fail = (why: string, at = i, code: 'unexpected-token' | 'unexpected-eof' | 'bad-number' = at >= text.length ? 'unexpected-eof' : 'unexpected-token'): never => {
    const { line, column } = lineCol(text, at);
    throw new ParseError(why, code, file, line, column);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    ws();
    const at = i;
    const ch = text[i];
    if (ch === undefined) return fail('unexpected end of input');
    if (ch === '{') {
      i++;
      const entries = new Map<string, JsonNode>();
      ws();
      if (text[i] === '}') return (i++, { kind: 'object', at, entries });
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a string key');
        const keyAt = i;
        const key = str();
        if (entries.has(key)) fail(`duplicate key "${key}"`, keyAt);
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        entries.set(key, value(depth + 1));
        ws();
        if (text[i] === ',') (i++);
        else if (text[i] === '}') return (i++, { kind: 'object', at, entries });
        else fail("expected ',' or '}'");
      }
    }
    if (ch === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') return (i++, { kind: 'array', at, items });
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return (i++, { kind: 'array', at, items });
        else fail("expected ',' or ']'");
      }
    }
    if (ch === '"') return { kind: 'string', at, value: str() };
    for (const [word, node] of [['true', { kind: 'boolean', at, value: true }], ['false', { kind: 'boolean', at, value: false }], ['null', { kind: 'null', at }]] as const) {
      if (text.startsWith(word, i)) return ((i += word.length), node);
    }
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail(`unexpected character '${ch}'`);
    i += m[0].length;
    const v = Number(m[0]);
    if (!Number.isFinite(v)) fail(`number ${m[0]} out of range`, at, 'bad-number');
    return { kind: 'number', at, value: v };
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('unterminated string', start);
      if (c === '"') return (i++, out);
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) (out += simple[e], (i += 2));
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) (out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), (i += 6));
        else fail('bad escape in string');
      } else if (c.charCodeAt(0) < 0x20) fail('control character in string');
      else (out += c, i++);
    }
  };
  const root = value(0);
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return root;
}
