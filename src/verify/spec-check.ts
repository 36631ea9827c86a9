/**
 * `checkAgainstSpec(circuit, spec)`: does a circuit compute a function given
 * by truth tables (a problem, `--tt`, a `.truth` file)? Inputs and outputs
 * correspond by position (circuit input i = spec variable x_i, output k =
 * spec output k). Don't-care minterms of the spec are ignored.
 *
 * The check is exhaustive simulation; a `different` verdict names the
 * lowest differing output and, within it, the lowest differing care minterm,
 * and its counterexample is replayed on the circuit (one-vector evaluation,
 * independent of the bit-parallel simulation that found it) before it is
 * returned.
 */
import { type Circuit } from '../core/circuit.js';
import { evaluate, MAX_EXHAUSTIVE_INPUTS, simulateTruthTables } from '../core/simulate.js';
import { InternalError, UsageError, ValidationError } from '../errors.js';
import { careOf, type FunctionSpec } from '../tt/spec.js';
import { ttAnd, ttIsConst, ttXor, type TruthTable } from '../tt/truth-table.js';

/** The answer of {@link checkAgainstSpec}. */
export type SpecVerdict =
  | { readonly verdict: 'equivalent'; readonly method: 'exhaustive'; readonly stats: { readonly ms: number } }
  | {
      readonly verdict: 'different';
      readonly method: 'exhaustive';
      /** Index and name of the (lowest) differing output. */
      readonly output: number;
      readonly outputName: string;
      /** The differing minterm (x0 = its least significant bit). */
      readonly minterm: number;
      /** The same input vector, input 0 first; replayed on the circuit before it is returned. */
      readonly counterexample: readonly boolean[];
      /** What the spec wants at that minterm, and what the circuit computes. */
      readonly expected: boolean;
      readonly got: boolean;
      readonly stats: { readonly ms: number };
    };

/** The lowest set minterm of a table, or -1 when it is all zeros. */
function firstOne(t: TruthTable): number {
  const w = t.words;
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    if (x !== 0) return i * 32 + (31 - Math.clz32(x & -x));
  }
  return -1;
}

/**
 * Checks `circuit` against `spec` by exhaustive simulation (at most
 * MAX_EXHAUSTIVE_INPUTS inputs; UsageError `too-many-inputs` above).
 * Throws ValidationError (code `io-mismatch`) when the input or output
 * counts differ; the message names both counts, with `circuitLabel` and
 * `specLabel` (e.g. file names) when given.
 */
export function checkAgainstSpec(circuit: Circuit, spec: FunctionSpec, labels: { readonly circuit?: string; readonly spec?: string } = {}): SpecVerdict {
  const t0 = Date.now();
  const cName = labels.circuit ?? 'the circuit', sName = labels.spec ?? 'the spec';
  if (circuit.numInputs !== spec.numInputs) {
    throw new ValidationError(`${cName} has ${circuit.numInputs} input${circuit.numInputs === 1 ? '' : 's'} but ${sName} has ${spec.numInputs}`, 'io-mismatch');
  }
  if (circuit.outputs.length !== spec.outputs.length) {
    throw new ValidationError(`${cName} has ${circuit.outputs.length} output${circuit.outputs.length === 1 ? '' : 's'} but ${sName} has ${spec.outputs.length}`, 'io-mismatch');
  }
  if (circuit.numInputs > MAX_EXHAUSTIVE_INPUTS) {
    throw new UsageError(`checking against a spec is exhaustive, limited to ${MAX_EXHAUSTIVE_INPUTS} inputs; ${cName} has ${circuit.numInputs}`, 'too-many-inputs');
  }
  const got = simulateTruthTables(circuit);
  for (let k = 0; k < got.length; k++) {
    const want = spec.outputs[k]!;
    const care = careOf(spec, k);
    const diff = care === undefined ? ttXor(got[k]!, want) : ttAnd(ttXor(got[k]!, want), care);
    if (ttIsConst(diff, false)) continue;
    const minterm = firstOne(diff);
    const counterexample = Array.from({ length: circuit.numInputs }, (_, i) => ((minterm >>> i) & 1) === 1);
    const expected = want.get(minterm);
    // replay: evaluate the circuit on the single vector; the verdict stands only if it disagrees with the spec there
    const replayed = evaluate(circuit, counterexample)[k]!;
    if (replayed === expected || (care !== undefined && !care.get(minterm))) {
      throw new InternalError(`internal error: the counterexample ${minterm} for output ${k} does not replay (circuit ${replayed ? 1 : 0}, spec ${expected ? 1 : 0})`);
    }
    return {
      verdict: 'different',
      method: 'exhaustive',
      output: k,
      outputName: circuit.outputNames[k] ?? `y${k}`,
      minterm,
      counterexample,
      expected,
      got: replayed,
      stats: { ms: Date.now() - t0 },
    };
  }
  return { verdict: 'equivalent', method: 'exhaustive', stats: { ms: Date.now() - t0 } };
}
