/**
 * Berkeley BLIF reader for combinational logic (the writer is
 * blif-write.ts; blif.ts exports both).
 *
 * Accepted: `.model` (only the first model is read; everything after its
 * `.end` or after a second `.model` is ignored without error, so files with
 * several models read as their first one), `.inputs`/`.outputs` (repeatable),
 * `.names in... out` with a single-output cover: ON-set rows (output column
 * `1`) or OFF-set rows (output column `0`), `-` don't cares, `.end`, `#`
 * comments, `\` line continuations, nodes in any order. `.names x` with the
 * row `1` is constant true, with no rows constant false. Timing/delay
 * directives (`.area`, `.delay`, `.input_arrival`, `.wire_load_slope`, ...)
 * are ignored. `.latch`, `.mlatch`, `.subckt`, `.gate`, `.exdc`, `.clock`,
 * `.start_kiss` are refused with an UnsupportedError naming the construct and
 * its location; any other directive is a ParseError.
 *
 * Mapping (strash off): a `.names` with 1..8 inputs becomes a Lut gate whose
 * table is computed from the cover (fanin j = x_j, the j-th name); except that
 * a one-input buffer or inverter is not a gate but an alias of the
 * (complemented) fanin, and a constant node is the constant literal. A
 * `.names` with more than 8 inputs is built as a sum of products: one And gate
 * per cube with two or more literals, and one And gate of the complemented
 * cubes for the cover (the node's literal is its complement for an ON-set).
 * Signal names are kept as gate names.
 */
import { UnsupportedError, type UnsupportedErrorCode } from '../errors.js';
import { CircuitBuilder } from '../core/builder.js';
import type { Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from '../core/literal.js';
import { createFromFunction, fromWords, type TruthTable } from '../tt/truth-table.js';
import { decodeInput, failAt, forEachLogicalLine, type Token } from './line-lexer.js';
import { buildNetlist, type NamedDefinition } from './netlist-resolve.js';

/** Options of {@link parseBlif}. */
export interface ParseBlifOptions {
  /** File name used in error messages (default `<stdin>`). */
  readonly fileName?: string;
}

/** Largest `.names` fanin count read as a Lut gate; wider nodes become AND/OR logic. */
export const BLIF_MAX_LUT_INPUTS = 8;

interface Cover {
  /** Input part of each row, one char per fanin (`0`, `1`, `-`). */
  readonly cubes: string[];
  /** True for an OFF-set cover (output column 0). */
  offSet: boolean;
  /** Where the first row's output column is (to report mixed covers). */
  phaseTok?: Token;
}

const REFUSED: Readonly<Record<string, { what: string; code: UnsupportedErrorCode }>> = {
  '.latch': { what: 'latches (sequential logic)', code: 'latches' },
  '.mlatch': { what: 'latches (sequential logic)', code: 'latches' },
  '.clock': { what: 'clocks (sequential logic)', code: 'latches' },
  '.subckt': { what: 'hierarchical models', code: 'subckt' },
  '.gate': { what: 'library gates (mapped netlists)', code: 'library-gate' },
  '.exdc': { what: 'external don\'t-care networks', code: 'exdc' },
  '.start_kiss': { what: 'state machines', code: 'fsm' },
};

const LEX = { comment: '#', continuation: '\\' } as const;

const IGNORED = new Set([
  '.area',
  '.delay',
  '.wire_load_slope',
  '.wire',
  '.input_arrival',
  '.output_required',
  '.default_input_arrival',
  '.default_output_required',
  '.input_drive',
  '.default_input_drive',
  '.output_load',
  '.default_output_load',
  '.max_input_load',
  '.default_max_input_load',
]);

/**
 * Parses a combinational BLIF netlist into a Circuit (see the module docs).
 * Throws ParseError with file, line and column, or UnsupportedError for
 * sequential and hierarchical constructs.
 */
export function parseBlif(input: string | Uint8Array, opts: ParseBlifOptions = {}): Circuit {
  const file = opts.fileName ?? '<stdin>';
  const text = decodeInput(input, file);

  const inputs: Token[] = [];
  const outputs: Token[] = [];
  const defs: NamedDefinition<Cover>[] = [];
  const defined = new Map<string, Token>();
  const define = (t: Token): void => {
    const prev = defined.get(t.text);
    if (prev) failAt(file, t, 'redefinition', `signal '${t.text}' is already defined at line ${prev.line}`);
    defined.set(t.text, t);
  };

  let seenModel = false;
  let current: NamedDefinition<Cover> | undefined;
  forEachLogicalLine(text, file, LEX, (ll) => {
    const toks = ll.tokens;
    const head = toks[0]!;
    if (!head.text.startsWith('.')) {
      // a cover row
      if (!current) failAt(file, head, 'unexpected-token', `'${head.text}' is not a directive and no .names precedes it`);
      readRow(file, current, toks, ll.end);
      return;
    }
    current = undefined;
    const dir = head.text;
    if (dir === '.model') {
      if (seenModel || defs.length || inputs.length || outputs.length) return false; // later models are ignored
      seenModel = true;
      return;
    }
    if (dir === '.end') return false;
    if (dir === '.inputs') {
      for (const t of toks.slice(1)) {
        define(t);
        inputs.push(t);
      }
      return;
    }
    if (dir === '.outputs') {
      outputs.push(...toks.slice(1));
      return;
    }
    if (dir === '.names') {
      if (toks.length < 2) failAt(file, ll.end, 'unexpected-token', '.names needs at least an output name');
      const out = toks[toks.length - 1]!;
      define(out);
      current = { name: out, fanins: toks.slice(1, -1), payload: { cubes: [], offSet: false } };
      defs.push(current);
      return;
    }
    const refused = REFUSED[dir];
    if (refused) throw new UnsupportedError(`${file}:${head.line}:${head.column}: ${dir}: ${refused.what} are not supported; only combinational .names logic is`, refused.code);
    if (IGNORED.has(dir)) return;
    failAt(file, head, 'unexpected-token', `unknown directive '${dir}'`);
  });

  return buildNetlist(file, inputs, outputs, defs, buildNode);
}

function readRow(file: string, node: NamedDefinition<Cover>, toks: readonly Token[], end: Token): void {
  const k = node.fanins.length;
  const cover = node.payload;
  let cubeTok: Token | undefined;
  let phaseTok: Token;
  if (k === 0) {
    phaseTok = toks[0]!;
  } else {
    cubeTok = toks[0]!;
    if (!toks[1]) failAt(file, end, 'unexpected-token', `expected the output column (0 or 1) of the cover row of '${node.name.text}'`);
    phaseTok = toks[1];
  }
  const extra = toks[k === 0 ? 1 : 2];
  if (extra) failAt(file, extra, 'unexpected-token', `unexpected '${extra.text}' after the cover row of '${node.name.text}'`);
  if (cubeTok) {
    if (cubeTok.text.length !== k) {
      failAt(file, cubeTok, 'unexpected-token', `cover row '${cubeTok.text}' has ${cubeTok.text.length} input columns; '${node.name.text}' has ${k} inputs`);
    }
    const bad = cubeTok.text.search(/[^01-]/);
    if (bad >= 0) failAt(file, { line: cubeTok.line, column: cubeTok.column + bad }, 'unexpected-token', `cover rows use 0, 1 and -, found '${cubeTok.text[bad]}'`);
  }
  if (phaseTok.text !== '0' && phaseTok.text !== '1') {
    failAt(file, phaseTok, 'unexpected-token', `expected the output column 0 or 1, found '${phaseTok.text}'`);
  }
  const off = phaseTok.text === '0';
  if (cover.phaseTok && cover.offSet !== off) {
    failAt(file, phaseTok, 'unexpected-token', `cover of '${node.name.text}' mixes ON-set and OFF-set rows (line ${cover.phaseTok.line} has output ${cover.offSet ? 0 : 1})`);
  }
  cover.phaseTok ??= phaseTok;
  cover.offSet = off;
  cover.cubes.push(cubeTok?.text ?? '');
}

/** The function of a cover over k variables (x_j = column j). */
function coverTable(cover: Cover, k: number): TruthTable {
  const w = createFromFunction(k, (m) => {
    for (const cube of cover.cubes) {
      let hit = true;
      for (let j = 0; j < k && hit; j++) {
        const ch = cube.charCodeAt(j);
        if (ch !== 45 /* - */ && ((m >>> j) & 1) !== ch - 48) hit = false;
      }
      if (hit) return !cover.offSet;
    }
    return cover.offSet;
  });
  return w;
}

function buildNode(b: CircuitBuilder, d: NamedDefinition<Cover>, fs: Lit[]): Lit {
  const cover = d.payload;
  const k = fs.length;
  if (k <= BLIF_MAX_LUT_INPUTS) {
    const tt = coverTable(cover, k);
    if (k === 0) return tt.get(0) ? LIT_TRUE : LIT_FALSE;
    if (k === 1 && (tt.words[0] === 1 || tt.words[0] === 2)) return fs[0]! ^ (tt.words[0] === 1 ? 1 : 0);
    const lit = b.addGate(GateKind.Lut, fs, fromWords(k, tt.words));
    b.nameGate(lit, d.name.text);
    return lit;
  }
  // sum of products: OR of cubes = !AND(!cube...)
  const before = b.numGates;
  const cubeLits: Lit[] = [];
  for (const cube of cover.cubes) {
    const lits: Lit[] = [];
    for (let j = 0; j < k; j++) {
      const ch = cube[j];
      if (ch === '1') lits.push(fs[j]!);
      else if (ch === '0') lits.push(fs[j]! ^ 1);
    }
    if (lits.length === 0) return cover.offSet ? LIT_FALSE : LIT_TRUE; // a full cube covers everything
    cubeLits.push(lits.length === 1 ? lits[0]! : b.addGate(GateKind.And, lits));
  }
  let orLit: Lit;
  if (cubeLits.length === 0) orLit = LIT_FALSE;
  else if (cubeLits.length === 1) orLit = cubeLits[0]!;
  else orLit = b.addGate(GateKind.And, cubeLits.map((l) => l ^ 1)) ^ 1;
  const lit = cover.offSet ? orLit ^ 1 : orLit;
  if (b.numGates > before) b.nameGate(lit, d.name.text);
  return lit;
}
