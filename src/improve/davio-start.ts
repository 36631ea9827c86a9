/**
 * Davio starting circuits for local improvement. For an input x_i and a
 * base value b, every output f splits as
 *
 *   f = f_b XOR ([x_i = not b] AND (f_0 XOR f_1))
 *
 * (positive Davio expansion for b = 0, negative for b = 1), where f_0, f_1
 * are the cofactors of f by x_i. The two functions f_b and f_0 XOR f_1 of
 * every output (the "block", which does not depend on x_i) are improved
 * together as one multi-output circuit, and the outputs are assembled with
 * two gates each. Improving the block jointly lets it share gates between
 * the cofactor and the difference, which the Shannon circuit cannot: for
 * Knuth's hardest 5-input function 169ae443, the block of x0 with b = 0
 * improves to 10 gates, so the whole is 12, the optimum, where improving
 * the Shannon circuit stalls at 13.
 */
import { appendCircuit } from '../core/append-circuit.js';
import { CircuitBuilder } from '../core/builder.js';
import type { Circuit } from '../core/circuit.js';
import { symmetricInputClasses } from '../synth/encoders/ssv-symmetry.js';
import { careOf, makeSpec, type FunctionSpec } from '../tt/spec.js';
import { toHex, ttAnd, ttCofactor, ttHasVar, ttXor, type TruthTable } from '../tt/truth-table.js';

/** One Davio start: the expansion input, its base value and the block's spec. */
export interface DavioCandidate {
  readonly input: number;
  /** The cofactor the block keeps: f_0 (false, positive Davio) or f_1 (true, negative Davio). */
  readonly base: boolean;
  /** Outputs 2k and 2k+1 are f_k's base cofactor and its cofactor difference (over all inputs; x_input unused). */
  readonly block: FunctionSpec;
}

/** The outputs of `spec` with don't-care rows taken as 0 (as the Shannon circuit takes them). */
function completedOutputs(spec: FunctionSpec): TruthTable[] {
  return spec.outputs.map((f, k) => {
    const care = careOf(spec, k);
    return care === undefined ? f : ttAnd(f, care);
  });
}

/** The block spec of the Davio expansion of `spec` on x_input with base `base`. */
export function davioBlockSpec(spec: FunctionSpec, input: number, base: boolean): FunctionSpec {
  const outs: TruthTable[] = [];
  for (const f of completedOutputs(spec)) {
    const kept = ttCofactor(f, input, base);
    outs.push(kept, ttXor(kept, ttCofactor(f, input, !base)));
  }
  return makeSpec(spec.numInputs, outs);
}

/**
 * The Davio candidates worth trying: inputs some output depends on, one per
 * class of inputs the spec is symmetric in (the others give the same block
 * up to renaming), both base values; blocks equal to an earlier one are left
 * out.
 */
export function davioCandidates(spec: FunctionSpec): DavioCandidate[] {
  const outs = completedOutputs(spec);
  const completed = makeSpec(spec.numInputs, outs);
  const twin = new Set<number>();
  for (const cls of symmetricInputClasses(completed)) for (const j of cls.slice(1)) twin.add(j);
  const seen = new Set<string>();
  const out: DavioCandidate[] = [];
  for (let i = 0; i < spec.numInputs; i++) {
    if (twin.has(i) || !outs.some((f) => ttHasVar(f, i))) continue;
    for (const base of [false, true]) {
      const block = davioBlockSpec(completed, i, base);
      const key = block.outputs.map(toHex).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ input: i, base, block });
    }
  }
  return out;
}

/**
 * The circuit of `spec` made from a circuit of the candidate's block: output
 * k is block output 2k XOR ([x_input = not base] AND block output 2k+1).
 * The caller checks it against the spec.
 */
export function assembleDavio(spec: FunctionSpec, cand: DavioCandidate, block: Circuit, inputNames?: readonly string[], outputNames?: readonly string[]): Circuit {
  const b = new CircuitBuilder();
  const xs = b.addInputs(spec.numInputs, inputNames);
  const lits = appendCircuit(b, block, xs);
  const select = xs[cand.input]! ^ (cand.base ? 1 : 0);
  for (let k = 0; k < spec.outputs.length; k++) b.addOutput(b.xor(lits[2 * k]!, b.and(select, lits[2 * k + 1]!)), outputNames?.[k]);
  return b.build();
}
