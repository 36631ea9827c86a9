/**
 * Compiling an integer network (network.ts) into a circuit, neuron by
 * neuron, with a certificate for the proof (neuron-proof.ts) and the
 * provenance of every gate.
 *
 * One circuit input per model input bit, in flattened order, named after the
 * input (`global_in[17]`, or `global_in[17].b2` for bit 2 of a multi-bit
 * value), kept even when nothing reads it. A neuron's sum
 *   s = bias + sum_j w_j v_j
 * is first written over the *bits* of the layer below (a bipolar value is
 * 2b - 1, an unsigned one sum 2^k b_k, a signed one the same with a negative
 * top weight), as `offset + scale * U` with U = sum_j a_j l_j, a_j > 0 over
 * literals of distinct nodes (negative coefficients use the complemented
 * literal), scale = gcd of the a_j (1 for scores). U is compressed into binary
 * by full and half adders column by column (each adder is recorded as a cell:
 * x + y + z = sum + 2 carry, which is what the proof checks), then:
 *   - thresholds: U >= ceil((t_k - offset) / scale) per threshold (LSB-first
 *     comparator chain); the thresholds are sorted, so the comparators form a
 *     thermometer code and bit j of the count is an OR of `c_a & !c_{b+1}`
 *     over the runs [a, b] of counts with bit j set;
 *   - scores: offset + U as a two's-complement vector wide enough for the
 *     reachable range;
 *   - argmax over the scores (ONNX first maximum): pairwise comparators,
 *     win_i = AND of (s_i > s_j for j < i, s_i >= s_j for j > i), index bits
 *     = ORs of the wins.
 * Neurons constant on their reachable range (range.ts) become constants.
 * Structural hashing works within a layer (and within one argmax stage)
 * only: each is proven over the outputs below it as free variables, so no
 * gate may merge with one built before it (neurons of a layer share gates).
 * Gates are labelled with the neuron (`L1.n12`, layers and neurons from 1)
 * or comparator (`L1.n12.t3`, thresholds from 1) they were made for; a gate
 * shared by structural hashing keeps the first label. Neuron outputs are
 * named gates (`L1.n12`, or `L1.n12.b0`... for multi-bit values).
 */
import { CircuitBuilder } from '../../core/builder.js';
import type { Circuit } from '../../core/circuit.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from '../../core/literal.js';
import { balancedTree } from '../../core/to-aig.js';
import { UnsupportedError, ValidationError } from '../../errors.js';
import { codeBits, type IntLayer, type IntNetwork, type ValueCode } from './network.js';
import { analyzeRanges, type NetworkRanges } from './range.js';

/** What the circuit outputs: the class scores, the argmax index, or the bits of the last threshold layer. */
export type IntOutputMode = 'scores' | 'argmax' | 'bits';

/** Bases the compiler builds in: two-input ANDs only, or ANDs and two-input XORs. */
export type IntCompileBasis = 'AIG' | 'B2';

/** Options of {@link compileIntNetwork}. */
export interface CompileIntOptions {
  /** Default: `scores` when the last layer is a scores layer, else `bits`. */
  readonly output?: IntOutputMode;
  readonly basis?: IntCompileBasis;
}

/**
 * Largest number of gates the compiler builds (ValidationError `too-large`
 * beyond). The builder's structural hashing is exact at any size (pair maps,
 * not packed keys); this bounds time and memory only.
 */
export const MAX_INT_EXTRACT_GATES = 3_000_000;

/** Largest |coefficient| of a bit, and largest sum of |coefficients|, the compiler accepts (sums stay exact doubles in the proof). */
export const MAX_INT_COEF = 2n ** 40n;
export const MAX_INT_SUM = 2n ** 50n;

/** One full adder (z >= 0) or half adder (z = -1) of a neuron's adder tree: x + y + z = sum + 2 carry, at weight 2^column. */
export interface AdderCell {
  readonly x: Lit;
  readonly y: Lit;
  readonly z: Lit;
  readonly sum: Lit;
  readonly carry: Lit;
  readonly column: number;
}

/** A compiled neuron and its certificate: s = offset + scale * sum_k 2^k sumBits[k]. */
export interface CompiledNeuron {
  /** `L1.n12`. */
  readonly label: string;
  readonly layer: number;
  readonly index: number;
  /** Folded to a constant by range analysis. */
  readonly constant: boolean;
  /** Literals of its output value's bits (LSB first; the code's bits, or the score's two's complement). */
  readonly outputs: readonly Lit[];
  /** Comparator literal per threshold, in sorted threshold order (thresholds only). */
  readonly comparators: readonly Lit[];
  /** Per comparator, the literal of each link of its LSB-first chain (ge_k over the sum bits 0..k); empty when it is a constant. */
  readonly comparatorChains?: readonly (readonly Lit[])[];
  readonly cells: readonly AdderCell[];
  readonly sumBits: readonly Lit[];
  readonly offset: bigint;
  readonly scale: bigint;
  /**
   * Scores only: the ripple adder of the constant `addend` = offset mod 2^W
   * to U, one cell per output bit (x = U_k, y = the constant bit, z = the
   * carry in, sum = output bit k, carry = the carry out); the last cell's
   * carry is dropped (two's complement wraps).
   */
  readonly addCells?: readonly AdderCell[];
  readonly addend?: bigint;
}

/** One link of a comparator chain: ge = maj(x, y, prev) (x = a bit, y = the complemented b bit, sign bits flipped). */
export interface ChainLink {
  readonly x: Lit;
  readonly y: Lit;
  readonly prev: Lit;
  readonly ge: Lit;
}

/** The argmax stage: comparators[i][j] = s_i > s_j (j < i) or s_i >= s_j (j > i); wins[i]; index bits. */
export interface CompiledArgmax {
  readonly comparators: readonly (readonly Lit[])[];
  /** chains[i][j] (i < j): the links of the chain computing s_i >= s_j over the sign-extended vectors. */
  readonly chains: readonly (readonly (readonly ChainLink[])[])[];
  /** Common width of the sign-extended score vectors. */
  readonly width: number;
  readonly wins: readonly Lit[];
  readonly index: readonly Lit[];
}

/** The circuit as built (structurally hashed, possibly with dangling gates) and everything the proof and the report need. */
export interface CompiledIntNetwork {
  readonly circuit: Circuit;
  readonly output: IntOutputMode;
  /** inputBits[j] = literals of model input j's bits (LSB first). */
  readonly inputBits: readonly (readonly Lit[])[];
  /** The compiled layers (in `bits` mode a trailing scores layer is not compiled). */
  readonly layers: readonly (readonly CompiledNeuron[])[];
  readonly argmax?: CompiledArgmax;
  /** Gate index -> provenance label. */
  readonly provenance: ReadonlyMap<number, string>;
  readonly ranges: NetworkRanges;
}

/** `L{l+1}.n{i+1}`. */
export function neuronLabel(layer: number, index: number): string {
  return `L${layer + 1}.n${index + 1}`;
}

/** Checks shapes, codes and that the argmax/bits request fits the network; throws ValidationError / UnsupportedError. */
export function validateIntNetwork(net: IntNetwork): void {
  const bad = (why: string): never => {
    throw new ValidationError(why, 'bad-network');
  };
  if (net.layers.length === 0) bad('layers: a network needs at least one layer');
  for (const [j, x] of net.inputs.entries()) checkCode(x.code, `inputs[${j}] (${x.name})`, bad);
  let width = net.inputs.length;
  net.layers.forEach((layer, l) => {
    const at = `layer ${l + 1} (${layer.source})`;
    if (layer.weights.length === 0) bad(`${at}: a layer needs at least one neuron`);
    if (layer.bias.length !== layer.weights.length) bad(`${at}: ${layer.bias.length} biases for ${layer.weights.length} neurons`);
    layer.weights.forEach((row, i) => {
      if (row.length !== width) bad(`${at}: neuron ${i + 1} has ${row.length} weights, the layer below has ${width} values`);
    });
    const act = layer.activation;
    if (act.kind === 'scores') {
      if (l !== net.layers.length - 1) bad(`${at}: only the last layer may output scores`);
    } else {
      checkCode(act.code, at, bad);
      if (act.thresholds.length !== layer.weights.length) bad(`${at}: ${act.thresholds.length} threshold lists for ${layer.weights.length} neurons`);
      act.thresholds.forEach((ts, i) => {
        if (act.code.kind === 'bipolar' && ts.length !== 1) bad(`${at}: neuron ${i + 1} has a bipolar output and ${ts.length} thresholds (needs exactly 1)`);
        const maxCount = act.code.kind === 'unsigned' ? 2 ** act.code.bits - 1 : act.code.kind === 'signed' ? 2 ** (act.code.bits - 1) - 1 : 1;
        if (ts.length > maxCount) bad(`${at}: neuron ${i + 1} has ${ts.length} thresholds, more than its ${codeBits(act.code)}-bit ${act.code.kind} output can count`);
      });
    }
    width = layer.weights.length;
  });
  if (net.outputNames.length !== width) bad(`outputNames: ${net.outputNames.length} names for ${width} outputs`);
}

function checkCode(code: ValueCode, at: string, bad: (why: string) => never): void {
  if (code.kind === 'bipolar') return;
  if (!Number.isInteger(code.bits) || code.bits < 1 || code.bits > 32) bad(`${at}: a ${code.kind} code needs 1..32 bits, got ${code.bits}`);
  if (code.kind === 'signed' && code.bits < 2) bad(`${at}: a signed code needs at least 2 bits`);
}

/** The default output of a network: scores when it ends in scores, else bits. */
export function defaultOutputMode(net: IntNetwork): IntOutputMode {
  return net.layers[net.layers.length - 1]!.activation.kind === 'scores' ? 'scores' : 'bits';
}

/** A linear form over literals: constant + sum coef * lit (lit = node value, or 1 - it when complemented). */
export interface LinearForm {
  readonly constant: bigint;
  /** Coefficient per node (node > 0), after expanding complemented literals. */
  readonly coefs: ReadonlyMap<number, bigint>;
}

/** Adds coef * (bits as value of `code`) to the form being accumulated. */
export function addValueTerm(acc: { constant: bigint; coefs: Map<number, bigint> }, coef: bigint, code: ValueCode, bits: readonly Lit[]): void {
  if (coef === 0n) return;
  const addLit = (c: bigint, lit: Lit): void => {
    const v = lit >>> 1;
    if (v === 0) {
      if (lit & 1) acc.constant += c;
      return;
    }
    if (lit & 1) {
      acc.constant += c;
      acc.coefs.set(v, (acc.coefs.get(v) ?? 0n) - c);
    } else acc.coefs.set(v, (acc.coefs.get(v) ?? 0n) + c);
  };
  if (code.kind === 'bipolar') {
    acc.constant -= coef;
    addLit(2n * coef, bits[0]!);
    return;
  }
  for (let k = 0; k < code.bits; k++) {
    const w = 1n << BigInt(k);
    addLit(code.kind === 'signed' && k === code.bits - 1 ? -w * coef : w * coef, bits[k]!);
  }
}

/** The sum of neuron `row`/`bias` over the bits of the layer below, as a linear form over nodes. */
export function neuronLinearForm(row: readonly bigint[], bias: bigint, belowCodes: readonly ValueCode[], belowBits: readonly (readonly Lit[])[]): LinearForm {
  const acc = { constant: bias, coefs: new Map<number, bigint>() };
  for (let j = 0; j < row.length; j++) addValueTerm(acc, row[j]!, belowCodes[j]!, belowBits[j]!);
  for (const [v, c] of acc.coefs) if (c === 0n) acc.coefs.delete(v);
  return acc;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => {
  while (b) [a, b] = [b, a % b];
  return a;
};
/** ceil(a / b) for b > 0. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b < a ? q + 1n : q;
}

/** Compiles the network; see the module doc. Throws ValidationError (`bad-network`, `too-large`) or UnsupportedError (`output-mode`). */
export function compileIntNetwork(net: IntNetwork, options: CompileIntOptions = {}): CompiledIntNetwork {
  validateIntNetwork(net);
  const output = options.output ?? defaultOutputMode(net);
  const last = net.layers[net.layers.length - 1]!;
  if (output !== 'bits' && last.activation.kind !== 'scores') {
    throw new UnsupportedError(`--output ${output} needs a network whose last layer outputs scores; this one ends in thresholds (use --output bits)`, 'output-mode');
  }
  if (output === 'argmax' && !net.argmax.valid) {
    throw new UnsupportedError(`--output argmax refused: argmax over the integer scores is not argmax over the model's outputs (${net.argmax.reason})`, 'output-mode');
  }
  const layersToCompile = output === 'bits' && last.activation.kind === 'scores' ? net.layers.length - 1 : net.layers.length;
  if (layersToCompile === 0) throw new UnsupportedError('--output bits needs at least one threshold layer; this network has only a scores layer', 'output-mode');
  const ranges = analyzeRanges(net);
  const basis = options.basis ?? 'AIG';
  const b = new CircuitBuilder({ strash: true });
  const xor = basis === 'B2' ? (x: Lit, y: Lit): Lit => b.xor(x, y) : (x: Lit, y: Lit): Lit => b.or(b.and(x, y ^ 1), b.and(x ^ 1, y));
  const provenance = new Map<number, string>();
  let labelled = 0;
  const label = (name: string): void => {
    for (; labelled < b.numGates; labelled++) provenance.set(labelled, name);
  };
  const checkSize = (where: string): void => {
    if (b.numGates > MAX_INT_EXTRACT_GATES) throw new ValidationError(`the circuit passes ${MAX_INT_EXTRACT_GATES} gates at ${where} (the limit of extraction)`, 'too-large');
  };

  const inputBits = net.inputs.map((x) => {
    const k = codeBits(x.code);
    return Array.from({ length: k }, (_, i) => b.addInput(k === 1 ? x.name : `${x.name}.b${i}`));
  });
  let belowBits: readonly (readonly Lit[])[] = inputBits;
  let belowCodes: readonly ValueCode[] = net.inputs.map((x) => x.code);
  const layers: CompiledNeuron[][] = [];
  for (let l = 0; l < layersToCompile; l++) {
    const layer = net.layers[l]!;
    // a layer is proven over the outputs of the layer below as free variables: none of its gates may
    // merge with a gate built before it (it could be one of those outputs, tied to the others)
    b.forgetStructure();
    const compiled = layer.weights.map((_, i) => {
      const name = neuronLabel(l, i);
      const neuron = compileNeuron(b, xor, layer, l, i, belowCodes, belowBits, ranges.layers[l]!, name, label);
      label(name);
      checkSize(name);
      return neuron;
    });
    layers.push(compiled);
    belowBits = compiled.map((n) => n.outputs);
    const act = layer.activation;
    belowCodes = compiled.map((n) => (act.kind === 'scores' ? { kind: 'signed', bits: n.outputs.length } : act.code));
  }
  const lastLayer = layers[layers.length - 1]!;
  let argmax: CompiledArgmax | undefined;
  if (output === 'argmax') {
    argmax = compileArgmax(b, lastLayer.map((n) => n.outputs));
    label('argmax');
    argmax.index.forEach((lit, k) => b.addOutput(lit, `argmax.b${k}`));
  } else {
    lastLayer.forEach((n, i) => {
      const base = layersToCompile === net.layers.length ? net.outputNames[i]! : n.label;
      n.outputs.forEach((lit, k) => b.addOutput(lit, n.outputs.length === 1 && output === 'bits' ? base : `${base}.b${k}`));
    });
  }
  checkSize('the output stage');
  return { circuit: b.build(), output, inputBits, layers, ...(argmax ? { argmax } : {}), provenance, ranges };
}

function compileNeuron(
  b: CircuitBuilder,
  xor: (x: Lit, y: Lit) => Lit,
  layer: IntLayer,
  l: number,
  i: number,
  belowCodes: readonly ValueCode[],
  belowBits: readonly (readonly Lit[])[],
  range: NetworkRanges['layers'][number],
  name: string,
  label: (name: string) => void,
): CompiledNeuron {
  const act = layer.activation;
  const base = { label: name, layer: l, index: i };
  if (range.constant[i]) {
    const value = range.values[i]!.lo;
    const width = act.kind === 'scores' ? signedWidth(value, value) : codeBits(act.code);
    const outputs = encodeConstant(act.kind === 'scores' ? { kind: 'signed', bits: width } : act.code, value);
    return { ...base, constant: true, outputs, comparators: [], cells: [], sumBits: [], offset: value, scale: 1n };
  }
  const form = neuronLinearForm(layer.weights[i]!, layer.bias[i]!, belowCodes, belowBits);
  // U = sum a_j l_j with a_j > 0: negative coefficients go to the complemented literal
  let offset = form.constant;
  const terms: { lit: Lit; coef: bigint }[] = [];
  let total = 0n;
  for (const [v, c] of [...form.coefs].sort((x, y) => x[0] - y[0])) {
    if (abs(c) > MAX_INT_COEF) throw new ValidationError(`${name} (${layer.source}): a weight times its input's bit weight is ${c}, beyond the ${MAX_INT_COEF} the compiler handles exactly`, 'too-large');
    if (c > 0n) terms.push({ lit: 2 * v, coef: c });
    else {
      offset += c;
      terms.push({ lit: 2 * v + 1, coef: -c });
    }
    total += abs(c);
  }
  if (total > MAX_INT_SUM) throw new ValidationError(`${name} (${layer.source}): the sum of |weights| over its input bits is ${total}, beyond the ${MAX_INT_SUM} the compiler handles exactly`, 'too-large');
  const scale = act.kind === 'scores' || terms.length === 0 ? 1n : terms.reduce((g, t) => gcd(g, t.coef), 0n);
  // columns[k] = literals of weight 2^k in U
  const columns: Lit[][] = [];
  for (const t of terms) {
    let a = t.coef / scale;
    for (let k = 0; a > 0n; k++, a >>= 1n) if (a & 1n) (columns[k] ??= []).push(t.lit);
  }
  const cells: AdderCell[] = [];
  const sumBits: Lit[] = [];
  for (let k = 0; k < columns.length; k++) {
    const col = (columns[k] ??= []);
    // FIFO, so fresh sum bits are added late and carry chains stay short
    let head = 0;
    while (col.length - head >= 2) {
      const x = col[head++]!, y = col[head++]!;
      const t1 = xor(x, y);
      if (col.length - head >= 1) {
        const z = col[head++]!;
        const sum = xor(t1, z);
        const carry = b.or(b.and(x, y), b.and(t1, z));
        cells.push({ x, y, z, sum, carry, column: k });
        col.push(sum);
        (columns[k + 1] ??= []).push(carry);
      } else {
        const carry = b.and(x, y);
        cells.push({ x, y, z: -1, sum: t1, carry, column: k });
        col.push(t1);
        (columns[k + 1] ??= []).push(carry);
      }
    }
    sumBits.push(col[head] ?? LIT_FALSE);
  }
  label(name);
  if (act.kind === 'scores') {
    // the reachable sum lies in offset + [0, total]; its two's complement needs this many bits
    const width = signedWidth(offset, offset + total);
    const outputs: Lit[] = [];
    const addCells: AdderCell[] = [];
    const addend = BigInt.asUintN(width, offset);
    let carry: Lit = LIT_FALSE;
    for (let k = 0; k < width; k++) {
      const u = sumBits[k] ?? LIT_FALSE;
      const c = (addend >> BigInt(k)) & 1n ? LIT_TRUE : LIT_FALSE;
      const t1 = xor(u, c);
      const o = xor(t1, carry);
      const next = b.or(b.and(u, c), b.and(t1, carry));
      addCells.push({ x: u, y: c, z: carry, sum: o, carry: next, column: k });
      outputs.push(o);
      carry = next;
    }
    label(name);
    nameOutputs(b, name, outputs);
    return { ...base, constant: false, outputs, comparators: [], cells, sumBits, offset, scale, addCells, addend };
  }
  const thresholds = [...act.thresholds[i]!].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const comparatorChains: Lit[][] = [];
  const comparators = thresholds.map((t, k) => {
    const links: Lit[] = [];
    const lit = geConstant(b, sumBits, ceilDiv(t - offset, scale), links);
    comparatorChains.push(links);
    label(`${name}.t${k + 1}`);
    return lit;
  });
  const outputs = act.code.kind === 'bipolar' ? [comparators[0]!] : thermometerToBinary(b, comparators, codeBits(act.code));
  label(name);
  nameOutputs(b, name, outputs);
  comparators.forEach((lit, k) => {
    if (lit >>> 1 > b.numInputs && !b.hasName(lit)) b.nameGate(lit, `${name}.t${k + 1}`);
  });
  return { ...base, constant: false, outputs, comparators, comparatorChains, cells, sumBits, offset, scale };
}

function nameOutputs(b: CircuitBuilder, name: string, outputs: readonly Lit[]): void {
  outputs.forEach((lit, k) => {
    if (lit >>> 1 > b.numInputs && !b.hasName(lit)) b.nameGate(lit, outputs.length === 1 ? name : `${name}.b${k}`);
  });
}

/** Smallest two's-complement width holding [lo, hi] (at least 1). */
export function signedWidth(lo: bigint, hi: bigint): number {
  let w = 1;
  while (lo < -(1n << BigInt(w - 1)) || hi > (1n << BigInt(w - 1)) - 1n) w++;
  return w;
}

/** Constant literals of `value` in `code`. */
function encodeConstant(code: ValueCode, value: bigint): Lit[] {
  if (code.kind === 'bipolar') return [value > 0n ? LIT_TRUE : LIT_FALSE];
  const u = BigInt.asUintN(code.bits, value);
  return Array.from({ length: code.bits }, (_, k) => ((u >> BigInt(k)) & 1n ? LIT_TRUE : LIT_FALSE));
}

/** U >= T for U = sum 2^k bits[k], by the LSB-first chain ge_k = T_k ? s_k & ge : s_k | ge (exact for every value of the bits). */
function geConstant(b: CircuitBuilder, bits: readonly Lit[], T: bigint, links: Lit[]): Lit {
  if (T <= 0n) return LIT_TRUE;
  if (T >= 1n << BigInt(bits.length)) return LIT_FALSE;
  let ge: Lit = LIT_TRUE;
  for (let k = 0; k < bits.length; k++) {
    ge = (T >> BigInt(k)) & 1n ? b.and(bits[k]!, ge) : b.or(bits[k]!, ge);
    links.push(ge);
  }
  return ge;
}

/**
 * Binary count of a thermometer code c_1 >= c_2 >= ... (c_a = count >= a):
 * bit j is 1 iff the count lies in a run [a, e] of counts with bit j set,
 * i.e. c_a & !c_{e+1}.
 */
function thermometerToBinary(b: CircuitBuilder, c: readonly Lit[], width: number): Lit[] {
  const K = c.length;
  const at = (a: number): Lit => (a <= 0 ? LIT_TRUE : a > K ? LIT_FALSE : c[a - 1]!);
  return Array.from({ length: width }, (_, j) => {
    const terms: Lit[] = [];
    for (let a = 1 << j; a <= K; a += 1 << (j + 1)) {
      const e = a + (1 << j) - 1;
      terms.push(b.and(at(a), at(e + 1) ^ 1));
    }
    return terms.length === 0 ? LIT_FALSE : balancedTree(terms, (x, y) => b.or(x, y));
  });
}

/** a >= b for two's-complement vectors of the same width: flip the sign bits, then ge_k = maj(a_k, !b_k, ge_{k-1}) from ge_{-1} = 1. */
function geSigned(b: CircuitBuilder, a: readonly Lit[], c: readonly Lit[], links: ChainLink[]): Lit {
  const w = a.length;
  let ge: Lit = LIT_TRUE;
  for (let k = 0; k < w; k++) {
    const x = k === w - 1 ? a[k]! ^ 1 : a[k]!;
    const y = (k === w - 1 ? c[k]! ^ 1 : c[k]!) ^ 1;
    const next = b.or(b.and(x, y), b.and(ge, b.or(x, y)));
    links.push({ x, y, prev: ge, ge: next });
    ge = next;
  }
  return ge;
}

/** Sign-extends every vector to the widest one. */
function sameWidth(scores: readonly (readonly Lit[])[]): Lit[][] {
  const w = Math.max(...scores.map((s) => s.length));
  return scores.map((s) => [...s, ...Array<Lit>(w - s.length).fill(s[s.length - 1]!)]);
}

function compileArgmax(b: CircuitBuilder, raw: readonly (readonly Lit[])[]): CompiledArgmax {
  const s = sameWidth(raw);
  const n = s.length;
  b.forgetStructure(); // comparators, wins and index are proven stage by stage (see compileIntNetwork)
  const comparators: Lit[][] = Array.from({ length: n }, () => Array<Lit>(n).fill(LIT_TRUE));
  const chains: ChainLink[][][] = Array.from({ length: n }, () => Array.from({ length: n }, () => []));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const ge = geSigned(b, s[i]!, s[j]!, chains[i]![j]!);
      comparators[i]![j] = ge; // s_i >= s_j (j after i)
      comparators[j]![i] = ge ^ 1; // s_j > s_i (i before j)
    }
  }
  b.forgetStructure();
  const and = (xs: Lit[]): Lit => (xs.length === 0 ? LIT_TRUE : balancedTree(xs, (x, y) => b.and(x, y)));
  const wins = comparators.map((row, i) => and(row.filter((_, j) => j !== i)));
  const width = Math.max(1, Math.ceil(Math.log2(n)));
  b.forgetStructure();
  const index = Array.from({ length: width }, (_, k) => and(wins.filter((_, i) => (i >> k) & 1).map((w) => w ^ 1)) ^ 1);
  return { comparators, chains, width: s[0]!.length, wins, index };
}
