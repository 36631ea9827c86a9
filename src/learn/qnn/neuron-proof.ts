/**
 * Proof that a compiled circuit (compile.ts) computes its integer network,
 * neuron by neuron, composed layer by layer.
 *
 * Induction over the layers: the bits of model input j are circuit inputs
 * (checked by number); if the output literals of every neuron of layer l-1
 * carry that neuron's value in its code, then for each neuron of layer l the
 * stage checks (stage-check.ts) show that its output literals, as functions
 * of exactly those literals (its cone may read nothing else), carry its
 * value. The spec of a neuron is its sum written over the bits of the layer
 * below (s = bias + sum_j w_j value_j, value_j spelled out from the code),
 * with its activation applied, computed from the network's integers alone:
 *   - at most 20 variables: the whole neuron is simulated on every
 *     assignment of its inputs (`exhaustive`);
 *   - more: the compiler's adder cells are each checked over their 3 inputs
 *     (x + y + z = sum + 2 carry), then the identity
 *       s = offset + scale * (sum_k 2^k U_k + sum_cells 2^col ((x+y+z) - (sum+2carry)))
 *     is checked as a polynomial over the nodes (every cell term is zero, so
 *     s = offset + scale * U on every input), and the output bits and
 *     comparators are checked as functions of the bits U_k on every
 *     assignment of them (`adder-cells`);
 *   - a neuron folded to a constant is checked by interval arithmetic on the
 *     value ranges proven for the layer below (`interval`).
 * The argmax stage: each comparator over the two score vectors, each win as
 * the AND of its comparators, each index bit as the OR of the wins with that
 * bit; with the fact that exactly one i is the first maximum, the index bits
 * are that i. A mismatch is a bug (InternalError); a part that cannot be
 * checked, or the deadline, leaves it `unproven` with the reason.
 */
import { codeRange, thresholdValue, codeBits, type IntNetwork, type ValueCode } from './network.js';
import { ceilDiv, type CompiledIntNetwork, type CompiledNeuron } from './compile.js';
import { gateFanins } from '../../core/circuit.js';
import { GateKind } from '../../core/gate.js';
import { checkStage, MAX_STAGE_VARS, formBounds, formOfLits, formsEqual, type NodeForm, type StageRoot } from './stage-check.js';
import { sumInterval, type IntInterval } from './range.js';
import { InternalError } from '../../errors.js';
import type { Lit } from '../../core/literal.js';

/** How one neuron (or the argmax stage) was proven, or why not. */
export interface PartProof {
  readonly label: string;
  readonly status: 'proven' | 'unproven';
  readonly method?: 'exhaustive' | 'adder-cells' | 'interval' | 'argmax-stages';
  readonly reason?: string;
  readonly ms: number;
}

/** Result of {@link proveCompiledNetwork}. */
export interface NetworkProof {
  /** `proven` iff every part is. */
  readonly status: 'proven' | 'unproven';
  readonly parts: readonly PartProof[];
  readonly unproven: readonly PartProof[];
  readonly ms: number;
}

function bug(message: string): InternalError {
  return new InternalError(`internal error: extraction proof: ${message}`);
}

/** Thresholds as doubles for comparing exact double sums (|sum| < 2^52, so clamping far thresholds keeps every comparison). */
function thresholdNumbers(ts: readonly bigint[]): number[] {
  const far = 2n ** 53n;
  return [...ts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((t) => (t > far ? Infinity : t < -far ? -Infinity : Number(t)));
}

/** The form of a value carried by `bits` in `code`. */
function valueForm(code: ValueCode, bits: readonly Lit[], coef: bigint, into: { lit: Lit; coef: bigint }[]): bigint {
  if (code.kind === 'bipolar') {
    into.push({ lit: bits[0]!, coef: 2n * coef });
    return -coef;
  }
  for (let k = 0; k < code.bits; k++) {
    const w = (1n << BigInt(k)) * coef;
    into.push({ lit: bits[k]!, coef: code.kind === 'signed' && k === code.bits - 1 ? -w : w });
  }
  return 0n;
}

/** Proves the compiled circuit equal to the network (see the module doc); `deadline` in Date.now() ms. */
export function proveCompiledNetwork(net: IntNetwork, compiled: CompiledIntNetwork, options: { readonly deadline?: number } = {}): NetworkProof {
  const start = Date.now();
  const deadline = options.deadline ?? Infinity;
  const c = compiled.circuit;
  const parts: PartProof[] = [];
  // the base case: input bits are the circuit's inputs, in order
  let next = 0;
  compiled.inputBits.forEach((bits, j) => {
    if (bits.length !== codeBits(net.inputs[j]!.code)) throw bug(`input ${j} has ${bits.length} bits`);
    for (const lit of bits) if (lit !== 2 * (++next)) throw bug(`input ${j} is not bound to circuit input ${next}`);
  });
  if (next !== c.numInputs) throw bug(`${c.numInputs} circuit inputs for ${next} input bits`);
  let belowBits: readonly (readonly Lit[])[] = compiled.inputBits;
  let belowCodes: readonly ValueCode[] = net.inputs.map((x) => x.code);
  let belowRange: readonly IntInterval[] = net.inputs.map((x) => {
    const r = codeRange(x.code);
    return { lo: r.min, hi: r.max };
  });
  let timedOut = false;
  compiled.layers.forEach((neurons, l) => {
    const layer = net.layers[l]!;
    const act = layer.activation;
    const cutNodes = new Uint8Array(1 + c.numInputs + c.numGates);
    for (const bits of belowBits) for (const lit of bits) cutNodes[lit >>> 1] = 1;
    const ranges: IntInterval[] = [];
    neurons.forEach((n, i) => {
      if (n.layer !== l || n.index !== i) throw bug(`neuron ${n.label} out of place`);
      const sum = sumInterval(layer.weights[i]!, layer.bias[i]!, belowRange);
      const value = act.kind === 'scores' ? sum : { lo: thresholdValue(act.code, act.thresholds[i]!, sum.lo), hi: thresholdValue(act.code, act.thresholds[i]!, sum.hi) };
      ranges.push(value);
      const t0 = Date.now();
      if (timedOut || t0 > deadline) {
        timedOut = true;
        parts.push({ label: n.label, status: 'unproven', reason: 'the time limit was reached before its proof', ms: 0 });
        return;
      }
      const r = proveNeuron(net, l, i, n, belowCodes, belowBits, (v) => cutNodes[v] === 1, value, compiled);
      parts.push({ label: n.label, ...r, ms: Date.now() - t0 });
    });
    belowBits = neurons.map((n) => n.outputs);
    belowCodes = neurons.map((n) => (act.kind === 'scores' ? { kind: 'signed', bits: n.outputs.length } : act.code));
    belowRange = ranges;
  });
  // the outputs are what the compiler says they are
  const last = compiled.layers[compiled.layers.length - 1]!;
  const claimed = compiled.argmax ? compiled.argmax.index : last.flatMap((n) => n.outputs);
  if (claimed.length !== c.outputs.length || claimed.some((lit, k) => c.outputs[k] !== lit)) throw bug('the circuit outputs are not the compiled outputs');
  if (compiled.argmax) {
    const t0 = Date.now();
    if (timedOut || t0 > deadline) parts.push({ label: 'argmax', status: 'unproven', reason: 'the time limit was reached before its proof', ms: 0 });
    else parts.push({ label: 'argmax', ...proveArgmax(compiled, last), ms: Date.now() - t0 });
  }
  const unproven = parts.filter((p) => p.status === 'unproven');
  return { status: unproven.length ? 'unproven' : 'proven', parts, unproven, ms: Date.now() - start };
}

type Verdict = { status: 'proven' | 'unproven'; method?: PartProof['method']; reason?: string };

function proveNeuron(
  net: IntNetwork,
  l: number,
  i: number,
  n: CompiledNeuron,
  belowCodes: readonly ValueCode[],
  belowBits: readonly (readonly Lit[])[],
  cut: (v: number) => boolean,
  value: IntInterval,
  compiled: CompiledIntNetwork,
): Verdict {
  const layer = net.layers[l]!;
  const act = layer.activation;
  const c = compiled.circuit;
  // the spec: s over the bits of the layer below
  const terms: { lit: Lit; coef: bigint }[] = [];
  let constant = layer.bias[i]!;
  layer.weights[i]!.forEach((w, j) => {
    if (w !== 0n) constant += valueForm(belowCodes[j]!, belowBits[j]!, w, terms);
  });
  const spec = formOfLits(terms, constant);
  const width = n.outputs.length;
  if (n.constant) {
    // the value range proven for the layer below pins the output (thresholds are monotone in the sum)
    if (value.lo !== value.hi) throw bug(`${n.label} was folded to a constant but its value ranges over [${value.lo}, ${value.hi}]`);
    const bits = BigInt.asUintN(width, act.kind !== 'scores' && act.code.kind === 'bipolar' ? (value.lo > 0n ? 1n : 0n) : value.lo);
    n.outputs.forEach((lit, k) => {
      if (lit >>> 1 !== 0 || BigInt(lit) !== ((bits >> BigInt(k)) & 1n)) throw bug(`${n.label}: constant output bit ${k} is wrong`);
    });
    if (act.kind === 'scores' && (value.lo < -(1n << BigInt(width - 1)) || value.lo >= 1n << BigInt(width - 1))) throw bug(`${n.label}: constant score does not fit`);
    return { status: 'proven', method: 'interval' };
  }
  let outputBit: (k: number) => (v: number) => boolean;
  if (act.kind === 'scores') {
    const { lo, hi } = formBounds(spec);
    if (lo < -(1n << BigInt(width - 1)) || hi >= 1n << BigInt(width - 1)) return { status: 'unproven', reason: `its sum range [${lo}, ${hi}] does not fit its ${width}-bit output` };
    const mod = 2 ** width;
    outputBit = (k) => (v) => Math.floor((((v % mod) + mod) % mod) / 2 ** k) % 2 === 1;
  } else {
    if (width !== codeBits(act.code)) throw bug(`${n.label} has ${width} output bits for a ${codeBits(act.code)}-bit code`);
    const ts = thresholdNumbers(act.thresholds[i]!);
    const count = (v: number): number => ts.reduce((a, t) => a + (v >= t ? 1 : 0), 0);
    outputBit = act.code.kind === 'bipolar' ? () => (v) => count(v) > 0 : (k) => (v) => Math.floor(count(v) / 2 ** k) % 2 === 1;
  }
  const roots: StageRoot[] = n.outputs.map((lit, k) => ({ lit, form: spec, pred: outputBit(k) }));
  const sortedTs = act.kind === 'scores' ? [] : thresholdNumbers(act.thresholds[i]!);
  n.comparators.forEach((lit, k) => roots.push({ lit, form: spec, pred: (v) => v >= sortedTs[k]! }));
  const whole = spec.coefs.size > MAX_STAGE_VARS ? ({ kind: 'unchecked', reason: `${spec.coefs.size} input bits` } as const) : checkStage(c, cut, roots);
  if (whole.kind === 'equal') return { status: 'proven', method: 'exhaustive' };
  if (whole.kind === 'different') throw bug(`${n.label} differs from its threshold function on ${fmt(whole.assignment)} (output ${whole.root})`);
  // too many variables (or not checkable whole): adder cells, identity, tail
  const cellForms: { lit: Lit; coef: bigint }[] = [];
  const scale = n.scale;
  for (const cell of n.cells) {
    const ins = cell.z < 0 ? [cell.x, cell.y] : [cell.x, cell.y, cell.z];
    const form = formOfLits(ins.map((lit) => ({ lit, coef: 1n })));
    const leaves = new Set(ins.map((lit) => lit >>> 1));
    const r = checkStage(c, (v) => leaves.has(v), [
      { lit: cell.sum, form, pred: (v) => v % 2 === 1 },
      { lit: cell.carry, form, pred: (v) => v >= 2 },
    ]);
    if (r.kind === 'different') throw bug(`${n.label}: an adder cell at column ${cell.column} is not an adder`);
    if (r.kind === 'unchecked') return { status: 'unproven', reason: `an adder cell could not be checked (${r.reason}); the whole neuron: ${whole.reason}` };
    const w = scale * (1n << BigInt(cell.column));
    for (const lit of ins) cellForms.push({ lit, coef: w });
    cellForms.push({ lit: cell.sum, coef: -w }, { lit: cell.carry, coef: -2n * w });
  }
  if (act.kind === 'scores') {
    // the outputs are U + addend over W bits (ripple cells); with the adder cells:
    //   s = offset - addend + sum_k 2^k o_k + 2^W carry_W + (cell terms, each zero)
    // offset - addend is a multiple of 2^W and s fits W signed bits, so o read as two's complement is s
    const cells2 = n.addCells ?? [];
    const W = n.outputs.length;
    if (cells2.length !== W || n.addend === undefined) throw bug(`${n.label}: missing its output adder`);
    if ((n.offset - n.addend) % (1n << BigInt(W)) !== 0n) throw bug(`${n.label}: the added constant is not the offset modulo 2^${W}`);
    const terms2: { lit: Lit; coef: bigint }[] = [];
    for (const cell of cells2) {
      const r = checkStage(c, (v) => v === cell.x >>> 1 || v === cell.y >>> 1 || v === cell.z >>> 1, [
        { lit: cell.sum, form: formOfLits([cell.x, cell.y, cell.z].map((lit) => ({ lit, coef: 1n }))), pred: (v) => v % 2 === 1 },
        { lit: cell.carry, form: formOfLits([cell.x, cell.y, cell.z].map((lit) => ({ lit, coef: 1n }))), pred: (v) => v >= 2 },
      ]);
      if (r.kind === 'different') throw bug(`${n.label}: output adder cell ${cell.column} is not an adder`);
      if (r.kind === 'unchecked') return { status: 'unproven', reason: `an output adder cell could not be checked (${r.reason})` };
      const w = 1n << BigInt(cell.column);
      terms2.push({ lit: cell.x, coef: w }, { lit: cell.y, coef: w }, { lit: cell.z, coef: w }, { lit: cell.sum, coef: -w }, { lit: cell.carry, coef: -2n * w });
    }
    // every U bit must be consumed by the output adder (or be constant false)
    n.sumBits.forEach((lit, k) => {
      if (k >= W ? lit !== 0 : cells2[k]!.x !== lit) throw bug(`${n.label}: sum bit ${k} does not feed its output adder`);
    });
    n.outputs.forEach((lit, k) => {
      if (cells2[k]!.sum !== lit) throw bug(`${n.label}: output bit ${k} is not its adder's sum`);
      terms2.push({ lit, coef: 1n << BigInt(k) });
    });
    terms2.push({ lit: cells2[W - 1]!.carry, coef: 1n << BigInt(W) });
    // the U terms cancel between the adder tree (sum 2^k U_k) and the output adder (its x inputs)
    const uTerms = n.sumBits.map((lit, k) => ({ lit, coef: 1n << BigInt(k) }));
    const treeClaim = formOfLits([...uTerms, ...cellForms], n.offset);
    if (!formsEqual(treeClaim, spec)) throw bug(`${n.label}: the adder cells do not add up to the neuron's sum`);
    const outClaim = formOfLits(terms2, n.offset - n.addend);
    if (!formsEqual(outClaim, formOfLits(uTerms, n.offset))) throw bug(`${n.label}: the output adder does not add up`);
    return { status: 'proven', method: 'adder-cells' };
  }
  const uTerms = n.sumBits.map((lit, k) => ({ lit, coef: scale * (1n << BigInt(k)) }));
  const claim = formOfLits([...uTerms, ...cellForms], n.offset);
  if (!formsEqual(claim, spec)) throw bug(`${n.label}: the adder cells do not add up to the neuron's sum`);
  const tail = formOfLits(uTerms, n.offset);
  const sumNodes = new Set(n.sumBits.map((lit) => lit >>> 1));
  const tailRoots = roots.map((r) => ({ ...r, form: tail }));
  const t = checkStage(c, (v) => sumNodes.has(v), tailRoots);
  if (t.kind === 'different') throw bug(`${n.label}: its output differs from its activation of the sum bits on ${fmt(t.assignment)}`);
  if (t.kind === 'unchecked') {
    const why = proveWideTail(c, n, act.thresholds[i]!, act.code);
    if (why !== undefined) return { status: 'unproven', reason: `the activation over the ${n.sumBits.length} sum bits could not be checked (${t.reason}; ${why})` };
  }
  return { status: 'proven', method: 'adder-cells' };
}

function proveArgmax(compiled: CompiledIntNetwork, last: readonly CompiledNeuron[]): Verdict {
  const c = compiled.circuit;
  const am = compiled.argmax!;
  const n = last.length;
  const scoreTerms = (i: number, sign: bigint): { lit: Lit; coef: bigint }[] => {
    const bits = last[i]!.outputs;
    return bits.map((lit, k) => ({ lit, coef: sign * (k === bits.length - 1 ? -(1n << BigInt(k)) : 1n << BigInt(k)) }));
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const form = formOfLits([...scoreTerms(i, 1n), ...scoreTerms(j, -1n)]);
      const leaves = new Set([...last[i]!.outputs, ...last[j]!.outputs].map((lit) => lit >>> 1));
      // first maximum: i beats an earlier j only when strictly greater
      const r = checkStage(c, (v) => leaves.has(v), [{ lit: am.comparators[i]![j]!, form, pred: j < i ? (v) => v > 0 : (v) => v >= 0 }]);
      if (r.kind === 'different') throw bug(`argmax comparator ${i} vs ${j} is wrong`);
      if (r.kind === 'unchecked') {
        const chain = proveChain(c, am, last, Math.min(i, j), Math.max(i, j));
        if (chain !== undefined) return { status: 'unproven', reason: `argmax comparator ${i} vs ${j}: ${r.reason}; its chain: ${chain}` };
        // the chain computes s_min >= s_max; the strict comparator of the later index is its complement
        const ge = am.chains[Math.min(i, j)]![Math.max(i, j)]!.at(-1)!.ge;
        if (am.comparators[i]![j] !== (i < j ? ge : ge ^ 1)) throw bug(`argmax comparator ${i} vs ${j} is not its chain's output`);
      }
    }
    const row = am.comparators[i]!.filter((_, j) => j !== i);
    const leaves = new Set(row.map((lit) => lit >>> 1));
    const r = checkStage(c, (v) => leaves.has(v), [{ lit: am.wins[i]!, form: formOfLits(row.map((lit) => ({ lit, coef: 1n }))), pred: (v) => v === n - 1 }]);
    if (r.kind === 'different') throw bug(`argmax win ${i} is not the AND of its comparators`);
    if (r.kind === 'unchecked') return { status: 'unproven', reason: `argmax win ${i}: ${r.reason}` };
  }
  const winNodes = new Set(am.wins.map((lit) => lit >>> 1));
  const roots: StageRoot[] = am.index.map((lit, k) => ({
    lit,
    form: formOfLits(am.wins.filter((_, i) => (i >> k) & 1).map((w) => ({ lit: w, coef: 1n }))),
    pred: (v: number) => v >= 1,
  }));
  if (am.index.length !== Math.max(1, Math.ceil(Math.log2(n)))) throw bug('argmax index width');
  const r = checkStage(c, (v) => winNodes.has(v), roots);
  if (r.kind === 'different') throw bug('argmax index bits are not the ORs of the wins');
  if (r.kind === 'unchecked') return { status: 'unproven', reason: `argmax index: ${r.reason}` };
  return { status: 'proven', method: 'argmax-stages' };
}

/**
 * The activation of a neuron whose sum has too many bits to check its
 * outputs on every value of them. Comparator k (sorted thresholds) must be
 * the LSB-first chain ge_j = T_j ? U_j & ge_{j-1} : U_j | ge_{j-1} from
 * ge_{-1} = 1 for T = ceil((t_k - offset) / scale) (each link checked over
 * its two inputs; the chain is then [U mod 2^(j+1) >= T mod 2^(j+1)], so the
 * last link is [U >= T], i.e. [s >= t_k]), TRUE when T <= 0, FALSE when U
 * cannot reach T. Since the T are nondecreasing the comparators form a
 * thermometer code, so the output bits only need checking on the K + 1
 * thermometer assignments of the comparators: all-but-the-first-a false
 * gives count a. Returns why not, or undefined when proven.
 */
function proveWideTail(c: CompiledIntNetwork['circuit'], n: CompiledNeuron, ts: readonly bigint[], code: ValueCode): string | undefined {
  const sorted = [...ts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chains = n.comparatorChains;
  if (!chains || chains.length !== sorted.length) return 'no comparator chains';
  const width = n.sumBits.length;
  for (let k = 0; k < sorted.length; k++) {
    const T = ceilDiv(sorted[k]! - n.offset, n.scale);
    const lit = n.comparators[k]!;
    if (T <= 0n || T >= 1n << BigInt(width)) {
      if (lit !== (T <= 0n ? 1 : 0)) throw bug(`${n.label}: comparator ${k + 1} should be constant`);
      continue;
    }
    const links = chains[k]!;
    if (links.length !== width) throw bug(`${n.label}: comparator ${k + 1} has ${links.length} links for ${width} sum bits`);
    let prev: Lit = 1;
    for (let j = 0; j < width; j++) {
      const u = n.sumBits[j]!;
      const isAnd = ((T >> BigInt(j)) & 1n) === 1n;
      const form = formOfLits([u, prev].map((lit) => ({ lit, coef: 1n })));
      const p = prev;
      const r = checkStage(c, (v) => v === u >>> 1 || v === p >>> 1, [{ lit: links[j]!, form, pred: isAnd ? (v) => v >= 2 : (v) => v >= 1 }]);
      if (r.kind === 'different') throw bug(`${n.label}: comparator ${k + 1} link ${j} is not ${isAnd ? 'AND' : 'OR'}`);
      if (r.kind === 'unchecked') return r.reason;
      prev = links[j]!;
    }
    if (prev !== lit) throw bug(`${n.label}: comparator ${k + 1} is not its chain's output`);
  }
  // the output bits on the thermometer assignments of the comparators
  const cmpNodes = new Set(n.comparators.map((l) => l >>> 1).filter((v) => v !== 0));
  for (let a = 0; a <= sorted.length; a++) {
    const values = new Map<number, boolean>();
    let realizable = true;
    n.comparators.forEach((lit, k) => {
      const want = k < a;
      const v = lit >>> 1;
      const nodeValue = want !== ((lit & 1) === 1);
      if (v === 0) {
        if (nodeValue) realizable = false;
      } else if (values.has(v) && values.get(v) !== nodeValue) realizable = false;
      else values.set(v, nodeValue);
    });
    if (!realizable) continue; // two comparators with the same literal (equal T) never disagree
    const count = BigInt(a);
    const bits = code.kind === 'bipolar' ? [count > 0n] : Array.from({ length: codeBits(code) }, (_, k) => ((count >> BigInt(k)) & 1n) === 1n);
    for (let k = 0; k < n.outputs.length; k++) {
      const got = evalCone(c, n.outputs[k]!, values, cmpNodes);
      if (got === undefined) return 'an output bit reads more than the comparators';
      if (got !== bits[k]) throw bug(`${n.label}: output bit ${k} is wrong when ${a} thresholds are reached`);
    }
  }
  return undefined;
}

/** Value of `lit` given the values of the cut nodes (its cone must stay inside them); undefined if it leaves the cut. */
function evalCone(c: CompiledIntNetwork['circuit'], lit: Lit, cut: ReadonlyMap<number, boolean>, cutNodes: ReadonlySet<number>): boolean | undefined {
  const first = c.numInputs + 1;
  const memo = new Map<number, boolean>();
  const node = (v: number): boolean | undefined => {
    if (v === 0) return false;
    if (cutNodes.has(v)) return cut.get(v);
    if (v < first) return undefined;
    const hit = memo.get(v);
    if (hit !== undefined) return hit;
    const g = v - first;
    const kind = c.kinds[g] as number;
    let acc = kind === GateKind.And;
    for (const f of gateFanins(c, g)) {
      const x = node(f >>> 1);
      if (x === undefined) return undefined;
      const val = x !== ((f & 1) === 1);
      if (kind === GateKind.And) acc = acc && val;
      else if (kind === GateKind.Xor) acc = acc !== val;
      else return undefined;
    }
    memo.set(v, acc);
    return acc;
  };
  const v = node(lit >>> 1);
  return v === undefined ? undefined : v !== ((lit & 1) === 1);
}

/**
 * A comparator chain over two W-bit two's-complement vectors a, b: link k
 * reads x_k = a_k (complemented for the sign bit), y_k = !b_k (b_k for the
 * sign bit) and the previous link (TRUE before the first), and is checked to
 * be maj(x_k, y_k, prev) over those three. With D_k = sum_{i<=k} 2^i (x_i -
 * !y_i) and |D_{k-1}| < 2^k, [D_k >= 0] = maj(x_k, y_k, [D_{k-1} >= 0]), so
 * the last link is [a' >= b'] unsigned, i.e. [a >= b] signed (the sign-bit
 * flip adds 2^(W-1) to both). Returns why not, or undefined when proven.
 */
function proveChain(c: CompiledIntNetwork['circuit'], am: NonNullable<CompiledIntNetwork['argmax']>, last: readonly CompiledNeuron[], i: number, j: number): string | undefined {
  const W = am.width;
  const ext = (bits: readonly Lit[]): Lit[] => [...bits, ...Array<Lit>(W - bits.length).fill(bits[bits.length - 1]!)];
  const a = ext(last[i]!.outputs);
  const b = ext(last[j]!.outputs);
  const links = am.chains[i]![j]!;
  if (links.length !== W) return `${links.length} links for ${W} bits`;
  let prev: Lit = 1;
  for (let k = 0; k < W; k++) {
    const l = links[k]!;
    const x = k === W - 1 ? a[k]! ^ 1 : a[k]!;
    const y = k === W - 1 ? b[k]! : b[k]! ^ 1;
    if (l.x !== x || l.y !== y || l.prev !== prev) throw bug(`argmax chain ${i} vs ${j}: link ${k} is not wired to its bits`);
    const form = formOfLits([l.x, l.y, l.prev].map((lit) => ({ lit, coef: 1n })));
    const r = checkStage(c, (v) => v === l.x >>> 1 || v === l.y >>> 1 || v === l.prev >>> 1, [{ lit: l.ge, form, pred: (v) => v >= 2 }]);
    if (r.kind === 'different') throw bug(`argmax chain ${i} vs ${j}: link ${k} is not a majority`);
    if (r.kind === 'unchecked') return r.reason;
    prev = l.ge;
  }
  return undefined;
}

function fmt(a: ReadonlyMap<number, boolean>): string {
  return [...a].map(([v, b]) => `n${v}=${b ? 1 : 0}`).join(' ');
}

export type { NodeForm };
