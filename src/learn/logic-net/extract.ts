/**
 * Extraction: a discretised gate network becomes a cleaned B2 circuit; and
 * the same cleaning for any circuit of small gates (used on BNN circuits).
 *
 * Gates go through a strashing CircuitBuilder with three reductions on the
 * way: every gate is normalised so that op(0, 0) = 0 (the complement moves
 * onto the edge, where B2 gets it for free), so a gate and its complement
 * hash alike; pass-throughs, constants and gates that ignore a fanin fold
 * away in the builder; and (functional sweeping, on by default) a gate whose
 * full truth table equals, or is the complement of, an earlier node's or a
 * constant's is replaced by that node. With at most {@link MAX_TRAIN_INPUTS}
 * inputs the tables are exact, so the result is equivalent to its source on
 * every input; that is checked again by simulating the built circuit against
 * the source (the network's own evaluation, or the input circuit).
 */
import { CircuitBuilder } from '../../core/builder.js';
import { gateFanins, type Circuit } from '../../core/circuit.js';
import { cleanup } from '../../core/cleanup.js';
import { evalOpWord, GateKind, OPS, opNegateFirst, opNegateSecond, type GateOp } from '../../core/gate.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from '../../core/literal.js';
import { simulateTruthTables } from '../../core/simulate.js';
import { UnsupportedError, InternalError } from '../../errors.js';
import { fillProjection, lastWordMask, ttEqual, wordCount, type TruthTable } from '../../tt/truth-table.js';
import { MAX_TRAIN_INPUTS } from '../dataset.js';
import { evaluateGateNetwork, type GateNetwork } from './gate-network.js';

/** Options of {@link extractCircuit} and {@link cleanCircuit}. */
export interface ExtractOptions {
  /** Merge gates with equal or complementary functions (default true). */
  readonly sweep?: boolean;
}

/** A builder of two-input gates that normalises, strashes and (optionally) sweeps as it goes. */
class CleaningBuilder {
  private readonly b = new CircuitBuilder({ strash: true });
  private readonly w: number;
  private readonly mask: number;
  /** Truth table of every builder node (positive polarity). */
  private readonly nodeWords: Uint32Array[];
  private readonly byFunction = new Map<string, Lit>();

  constructor(
    private readonly numInputs: number,
    private readonly sweep: boolean,
  ) {
    if (numInputs > MAX_TRAIN_INPUTS) throw new UnsupportedError(`cleaning by exhaustive simulation is limited to ${MAX_TRAIN_INPUTS} inputs; this has ${numInputs}`, 'too-many-inputs');
    this.w = wordCount(numInputs);
    this.mask = lastWordMask(numInputs);
    this.nodeWords = [new Uint32Array(this.w)];
    this.byFunction.set(this.keyOf(this.nodeWords[0]!).key, LIT_FALSE);
  }

  private keyOf(words: Uint32Array): { key: string; neg: number } {
    const neg = words[0]! & 1;
    let key = '';
    for (let j = 0; j < this.w; j++) key += (((neg ? ~words[j]! : words[j]!) & (j === this.w - 1 ? this.mask : 0xffffffff)) >>> 0).toString(16) + ',';
    return { key, neg };
  }

  private words(lit: Lit): Uint32Array {
    const src = this.nodeWords[lit >>> 1]!;
    return lit & 1 ? src.map((x) => ~x) : src;
  }

  /** Adds all inputs; returns their literals. */
  inputs(names: readonly string[]): Lit[] {
    return Array.from({ length: this.numInputs }, (_, i) => {
      const lit = this.b.addInput(names[i]);
      const words = new Uint32Array(this.w);
      fillProjection(words, i);
      this.nodeWords[lit >>> 1] = words;
      if (this.sweep) this.byFunction.set(this.keyOf(words).key, lit);
      return lit;
    });
  }

  /** The literal of op(la, lb), creating a gate only when no node has that function (or its complement). */
  gate(op: GateOp, la: Lit, lb: Lit): Lit {
    const wa = this.words(la), wb = this.words(lb);
    const y = new Uint32Array(this.w);
    for (let j = 0; j < this.w; j++) y[j] = evalOpWord(op, wa[j]!, wb[j]!);
    const { key, neg } = this.keyOf(y);
    const known = this.sweep ? this.byFunction.get(key) : undefined;
    if (known !== undefined) return known ^ neg;
    let o = op;
    if (la & 1) o = opNegateFirst(o);
    if (lb & 1) o = opNegateSecond(o);
    const flip = o & 1;
    const lit = this.b.op2(flip ? o ^ 15 : o, la & ~1, lb & ~1) ^ flip;
    if (lit === LIT_TRUE || lit === LIT_FALSE) return lit;
    if (this.nodeWords[lit >>> 1] === undefined) this.nodeWords[lit >>> 1] = lit & 1 ? y.map((x) => ~x) : y;
    if (this.sweep) this.byFunction.set(key, lit ^ neg);
    return lit;
  }

  /** The circuit with these outputs, gates no output needs dropped. */
  finish(outputs: readonly Lit[], names: readonly string[]): Circuit {
    outputs.forEach((lit, k) => this.b.addOutput(lit, names[k]));
    return cleanup(this.b.build());
  }
}

/**
 * The circuit of a network, cleaned, and checked equal to the network's own
 * evaluation on all 2^n inputs (an internal error otherwise).
 */
export function extractCircuit(net: GateNetwork, opts: ExtractOptions = {}): Circuit {
  const cb = new CleaningBuilder(net.numInputs, opts.sweep ?? true);
  const map: Lit[] = cb.inputs(net.inputNames);
  for (let g = 0; g < net.ops.length; g++) map.push(cb.gate(net.ops[g]!, map[net.faninA[g]!]!, map[net.faninB[g]!]!));
  const circuit = cb.finish(Array.from(net.outputs, (v) => map[v]!), net.outputNames);
  checkEqual(circuit, evaluateGateNetwork(net), 'the network it was extracted from');
  return circuit;
}

/**
 * The same cleaning for a circuit (at most {@link MAX_TRAIN_INPUTS} inputs):
 * n-ary AND/XOR become chains and MAJ3 four gates before cleaning. LUTs of
 * more than two inputs and wider MAJ gates are refused (UnsupportedError).
 * The result is checked equal to the input on every input.
 */
export function cleanCircuit(c: Circuit, opts: ExtractOptions = {}): Circuit {
  const cb = new CleaningBuilder(c.numInputs, opts.sweep ?? true);
  const map: Lit[] = [LIT_FALSE, ...cb.inputs(c.inputNames)];
  const lit = (f: number): Lit => map[f >>> 1]! ^ (f & 1);
  for (let g = 0; g < c.numGates; g++) {
    const fs = Array.from(gateFanins(c, g), lit);
    const kind = c.kinds[g] as GateKind;
    let out: Lit;
    if (kind === GateKind.And || kind === GateKind.Xor) {
      const op = kind === GateKind.And ? OPS.AND : OPS.XOR;
      out = fs.slice(1).reduce((acc, f) => cb.gate(op, acc, f), fs[0]!);
    } else if (kind === GateKind.Maj && fs.length === 3) {
      const [a, b, d] = fs as [Lit, Lit, Lit];
      out = cb.gate(OPS.OR, cb.gate(OPS.AND, a, b), cb.gate(OPS.AND, d, cb.gate(OPS.OR, a, b)));
    } else if (kind === GateKind.Lut && fs.length === 2) {
      out = cb.gate(c.luts.get(g)!.words[0]! & 15, fs[0]!, fs[1]!);
    } else {
      throw new UnsupportedError(`cleaning handles two-input gates, n-ary AND/XOR and MAJ3; gate ${g} is not one of them`, 'unsupported-gate');
    }
    map.push(out);
  }
  const cleaned = cb.finish(Array.from(c.outputs, lit), c.outputNames);
  checkEqual(cleaned, simulateTruthTables(c), 'the circuit it was cleaned from');
  return cleaned;
}

/** Throws an internal error unless the circuit's outputs equal the given tables on every input. */
function checkEqual(circuit: Circuit, source: readonly TruthTable[], what: string): void {
  const sim = simulateTruthTables(circuit);
  if (sim.length !== source.length || sim.some((t, k) => !ttEqual(t, source[k]!))) {
    throw new InternalError(`internal error: the cleaned circuit differs from ${what}`);
  }
}
