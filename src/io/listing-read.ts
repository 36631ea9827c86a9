/**
 * Reads back the listing that {@link formatListing} writes (the circuit text
 * of a store record), so that a record coming from another process or file
 * can be simulated again instead of trusted:
 *
 *     inputs: x0 x1 x2
 *     g0 = AND(x0, !x1)
 *     g1 = !NAND(g0, x2)        (a name that denotes the complement of its gate)
 *     output f = !g1
 *
 * Gates are kept exactly as listed (no structural hashing), so the cost of
 * the result is the cost of the listing.
 */
import { CircuitBuilder } from '../core/builder.js';
import type { Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from '../core/literal.js';
import { ParseError, WaterlooError } from '../errors.js';
import { fromHex, fromWords } from '../tt/truth-table.js';
import { LISTING_OP_NAMES } from './listing.js';

const NAMED_OPS: Readonly<Record<string, number>> = Object.fromEntries(Object.entries(LISTING_OP_NAMES).map(([op, name]) => [name, Number(op)]));
const NARY_KINDS: Readonly<Record<string, GateKind>> = { AND: GateKind.And, XOR: GateKind.Xor, MAJ: GateKind.Maj };

/** Options of {@link parseListing}. */
export interface ParseListingOptions {
  /** Name used in error messages (default `<listing>`). */
  readonly fileName?: string;
}

/**
 * Parses a circuit listing.
 * @throws ParseError (`file:line:col: reason`) for text that is not a listing.
 */
export function parseListing(text: string, opts: ParseListingOptions = {}): Circuit {
  const file = opts.fileName ?? '<listing>';
  const lines = text.split('\n');
  const fail = (line: number, col: number, reason: string, code: ConstructorParameters<typeof ParseError>[1] = 'unexpected-token'): never => {
    throw new ParseError(reason, code, file, line + 1, col + 1);
  };
  const b = new CircuitBuilder({ strash: false });
  const names = new Map<string, Lit>();
  const define = (i: number, name: string, lit: Lit): void => {
    if (names.has(name) || name === '0' || name === '1') fail(i, 0, `'${name}' is defined twice`, 'redefinition');
    names.set(name, lit);
  };
  const literal = (i: number, col: number, t: string): Lit => {
    const neg = t.startsWith('!');
    const name = neg ? t.slice(1) : t;
    const lit = name === '0' ? LIT_FALSE : name === '1' ? LIT_TRUE : names.get(name);
    if (lit === undefined) return fail(i, col, `undefined signal '${name}'`, 'undefined-signal');
    return neg ? lit ^ 1 : lit;
  };
  const head = /^inputs:(.*)$/.exec(lines[0] ?? '');
  if (!head) fail(0, 0, "expected 'inputs:' on the first line");
  for (const name of head![1]!.trim().split(/\s+/).filter((s) => s !== '')) define(0, name, b.addInput(name));
  let outputs = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const out = /^output (\S+) = (\S+)$/.exec(line);
    if (out) {
      b.addOutput(literal(i, line.indexOf(out[2]!), out[2]!), out[1]!);
      outputs++;
      continue;
    }
    if (outputs > 0) fail(i, 0, 'a gate after the outputs');
    const gate = /^(\S+) = (!?)([A-Z]+(?:_[0-9a-f]+)?)\(([^()]*)\)$/.exec(line);
    if (!gate) return fail(i, 0, "expected 'name = OP(fanins)' or 'output name = signal'");
    const [, name, negated, op, args] = gate as unknown as [string, string, string, string, string];
    const col = line.indexOf('(') + 1;
    const fanins = args.split(',').map((s) => s.trim()).map((t) => literal(i, col + args.indexOf(t), t));
    let lit: Lit;
    try {
      if (NARY_KINDS[op] !== undefined) {
        if (fanins.length < 2 || (op === 'MAJ' && fanins.length !== 3)) fail(i, col, `${op} with ${fanins.length} fanins`);
        lit = b.addGate(NARY_KINDS[op]!, fanins);
      } else if (NAMED_OPS[op] !== undefined) {
        if (fanins.length !== 2) fail(i, col, `${op} with ${fanins.length} fanins`);
        lit = b.lut(fromWords(2, Uint32Array.of(NAMED_OPS[op]!)), fanins);
      } else if (op.startsWith('LUT_')) {
        lit = b.lut(fromHex(op.slice(4), fanins.length), fanins);
      } else {
        return fail(i, line.indexOf(op), `unknown operation '${op}'`);
      }
    } catch (e) {
      if (e instanceof ParseError || !(e instanceof WaterlooError)) throw e;
      return fail(i, col, e.message);
    }
    // a name marked '!' denotes the complement of its gate (formatListing's negatedName)
    const named = negated === '!' ? lit ^ 1 : lit;
    b.nameGate(named, name);
    define(i, name, named);
  }
  if (outputs === 0) fail(lines.length - 1, 0, 'no output', 'unexpected-eof');
  return b.build();
}
