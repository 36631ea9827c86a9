/**
 * AIGER writer: ASCII `.aag` (a string) and binary `.aig` (bytes).
 *
 * Circuits that are not made of two-input ANDs only are converted with
 * {@link toAig} first. Numbering is AIGER's canonical one, which is also the
 * circuit's: inputs are variables 1..I, gate g is variable I+1+g, M = I + A,
 * no latches. In binary each AND is written as `lhs > rhs0 >= rhs1` (fanins
 * sorted), in ASCII the fanins keep the circuit's order, so an AND-only circuit
 * reads back identical from `.aag` and identical up to fanin order from `.aig`.
 * Input and output names that differ from the defaults (`x<i>`, `y<j>`) go to
 * the symbol table; gate names are dropped, as AIGER has no place for them.
 */
import { UnsupportedError } from '../errors.js';
import { defaultInputName, defaultOutputName, type Circuit } from '../core/circuit.js';
import { isAig, toAig } from '../core/to-aig.js';

/** Options of {@link writeAiger}. */
export interface WriteAigerOptions {
  /** Binary `.aig` (a Uint8Array) or ASCII `.aag` (a string). */
  readonly binary: boolean;
  /** Write the symbol table of non-default input/output names (default true). */
  readonly symbols?: boolean;
  /** Text of a comment section (after a line `c`); a final newline is added if missing. */
  readonly comment?: string;
}

/** Writes binary AIGER. */
export function writeAiger(c: Circuit, opts: WriteAigerOptions & { readonly binary: true }): Uint8Array;
/** Writes ASCII AIGER. */
export function writeAiger(c: Circuit, opts: WriteAigerOptions & { readonly binary: false }): string;
/** Writes AIGER: bytes when `binary`, else a string. */
export function writeAiger(c: Circuit, opts: WriteAigerOptions): string | Uint8Array;
export function writeAiger(c: Circuit, opts: WriteAigerOptions): string | Uint8Array {
  const aig = isAig(c) ? c : toAig(c);
  const numIn = aig.numInputs;
  const numAnds = aig.numGates;
  const fanins = aig.fanins;
  const head: string[] = [`${opts.binary ? 'aig' : 'aag'} ${numIn + numAnds} ${numIn} 0 ${aig.outputs.length} ${numAnds}\n`];
  if (!opts.binary) for (let i = 1; i <= numIn; i++) head.push(`${2 * i}\n`);
  for (const o of aig.outputs) head.push(`${o}\n`);
  const tail = symbolsAndComment(aig, opts);
  if (!opts.binary) {
    for (let g = 0; g < numAnds; g++) head.push(`${2 * (numIn + 1 + g)} ${fanins[2 * g]} ${fanins[2 * g + 1]}\n`);
    head.push(tail);
    return head.join('');
  }
  const enc = new TextEncoder();
  const pre = enc.encode(head.join(''));
  const post = enc.encode(tail);
  const out = new Uint8Array(pre.length + 10 * numAnds + post.length);
  out.set(pre);
  let p = pre.length;
  let lhs = 2 * numIn;
  for (let k = 0; k < 2 * numAnds; k += 2) {
    lhs += 2;
    const a = fanins[k]!;
    const b = fanins[k + 1]!;
    const r0 = a >= b ? a : b;
    const r1 = a >= b ? b : a;
    p = encodeDelta(out, p, lhs - r0);
    p = encodeDelta(out, p, r0 - r1);
  }
  out.set(post, p);
  return out.slice(0, p + post.length);
}

function encodeDelta(out: Uint8Array, p: number, x: number): number {
  while (x > 0x7f) {
    out[p++] = (x & 0x7f) | 0x80;
    x = Math.floor(x / 128);
  }
  out[p++] = x;
  return p;
}

function symbolsAndComment(c: Circuit, opts: WriteAigerOptions): string {
  const lines: string[] = [];
  if (opts.symbols ?? true) {
    const add = (kind: 'i' | 'o', k: number, name: string, what: string): void => {
      if (name.includes('\n')) throw new UnsupportedError(`${what} ${k}: name ${JSON.stringify(name)} has a new line, which an AIGER symbol can not hold`, 'aiger-symbol');
      lines.push(`${kind}${k} ${name}\n`);
    };
    c.inputNames.forEach((name, i) => name !== defaultInputName(i) && add('i', i, name, 'input'));
    c.outputNames.forEach((name, j) => name !== defaultOutputName(j) && add('o', j, name, 'output'));
  }
  if (opts.comment !== undefined) lines.push(`c\n${opts.comment}${opts.comment.endsWith('\n') ? '' : '\n'}`);
  return lines.join('');
}
