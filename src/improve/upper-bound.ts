/**
 * A quick upper bound for a spec whose exact search ran out of time: a
 * Shannon-expansion circuit (multiplexers on the inputs, shared
 * subfunctions), shrunk by local improvement for a short while. The result
 * is a verified circuit, not a minimum: it turns a timed-out search into a
 * "best found (>= proven bound)" answer instead of no circuit at all.
 */
import type { BasisName } from '../core/basis.js';
import { CircuitBuilder } from '../core/builder.js';
import type { Circuit } from '../core/circuit.js';
import { circuitCost } from '../core/cost.js';
import { LIT_FALSE, LIT_TRUE, litNot, type Lit } from '../core/literal.js';
import { simulateTruthTables } from '../core/simulate.js';
import { improve } from './driver.js';
import type { BackendName } from '../sat/registry.js';
import { careOf, specSatisfiedBy, type FunctionSpec } from '../tt/spec.js';
import { toHex, ttAnd, ttCofactor, ttHasVar, ttIsConst, ttNot, type TruthTable } from '../tt/truth-table.js';
import { InternalError } from '../errors.js';

/**
 * One multiplexer tree per output over the inputs from x_{n-1} down,
 * skipping inputs a subfunction does not depend on; equal (or complementary)
 * subfunctions share one node. Don't-care rows are taken as 0.
 */
export function shannonCircuit(spec: FunctionSpec, inputNames?: readonly string[], outputNames?: readonly string[]): Circuit {
  const b = new CircuitBuilder();
  const xs = b.addInputs(spec.numInputs, inputNames);
  const memo = new Map<string, Lit>();
  const build = (f: TruthTable, top: number): Lit => {
    if (ttIsConst(f, false)) return LIT_FALSE;
    if (ttIsConst(f, true)) return LIT_TRUE;
    const key = toHex(f);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const complement = memo.get(toHex(ttNot(f)));
    if (complement !== undefined) return litNot(complement);
    let j = top;
    while (!ttHasVar(f, j)) j--;
    const lit = b.mux(xs[j]!, build(ttCofactor(f, j, true), j - 1), build(ttCofactor(f, j, false), j - 1));
    memo.set(key, lit);
    return lit;
  };
  spec.outputs.forEach((out, k) => {
    const care = careOf(spec, k);
    b.addOutput(build(care === undefined ? out : ttAnd(out, care), spec.numInputs - 1), outputNames?.[k]);
  });
  return b.build();
}

/** Parameters of {@link quickUpperBound}. */
export interface QuickUpperBoundParams {
  readonly basis: BasisName;
  /** Time for the local improvement (ms). */
  readonly timeLimitMs: number;
  readonly backend?: BackendName | 'auto';
  /** Stop as soon as the circuit has at most this many gates (e.g. a proven lower bound). */
  readonly target?: number;
}

/**
 * A verified circuit for `spec` in `basis` and its size: the Shannon circuit
 * improved for `timeLimitMs` (seed 1). Throws an internal error if the
 * circuit does not meet the spec (a bug, never an answer).
 */
export async function quickUpperBound(spec: FunctionSpec, p: QuickUpperBoundParams): Promise<{ circuit: Circuit; size: number }> {
  const start = shannonCircuit(spec);
  const r = await improve(start, { basis: p.basis, timeLimitMs: Math.max(1, Math.round(p.timeLimitMs)), seed: 1, backend: p.backend, ...(p.target === undefined ? {} : { targetSize: p.target }) });
  const circuit = r.circuit;
  if (!specSatisfiedBy(spec, simulateTruthTables(circuit))) throw new InternalError('internal error: the upper-bound circuit does not meet its spec');
  const cost = circuitCost(circuit, p.basis);
  if (!cost.inBasis) throw new InternalError(`internal error: the upper-bound circuit is not in ${p.basis}: ${cost.reason}`);
  return { circuit, size: cost.size };
}
