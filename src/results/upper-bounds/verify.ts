/**
 * The check every published upper-bound circuit passes: exhaustive
 * simulation against the problem's spec, its size in the basis recomputed
 * from the circuit, and ABC's `cec` against the truth tables when ABC is
 * installed (an independent tool and an independent reference).
 */
import type { BasisName } from '../../core/basis.js';
import type { Circuit } from '../../core/circuit.js';
import { circuitCost } from '../../core/cost.js';
import { simulateTruthTables } from '../../core/simulate.js';
import { specSatisfiedBy, type FunctionSpec } from '../../tt/spec.js';
import { abcCecAgainstSpec, type AbcCecOutcome } from './abc-peer.js';

/** Outcome of {@link verifyUpperBoundCircuit}. */
export type UpperBoundCheck =
  | { readonly ok: true; readonly size: number; readonly abc: 'equivalent' | 'unavailable' }
  | { readonly ok: false; readonly reason: string };

/** Options of {@link verifyUpperBoundCircuit}. */
export interface VerifyUpperBoundOptions {
  /** Run ABC's cec (default true; when ABC is not installed the check says `unavailable`). */
  readonly abc?: boolean;
  /** Injected ABC check (tests). */
  readonly cec?: (spec: FunctionSpec, circuit: Circuit) => AbcCecOutcome;
}

/**
 * Accepts `circuit` for `spec` in `basis` only when every output matches on
 * all 2^n input patterns, the circuit is in the basis, and ABC (when run
 * and installed) proves it equivalent to the truth tables. A failing ABC
 * run is a refusal too: a bound is published only when every check that
 * could run said yes.
 */
export function verifyUpperBoundCircuit(spec: FunctionSpec, circuit: Circuit, basis: BasisName, opts: VerifyUpperBoundOptions = {}): UpperBoundCheck {
  if (circuit.numInputs !== spec.numInputs || circuit.outputs.length !== spec.outputs.length) {
    return { ok: false, reason: `shape ${circuit.numInputs} inputs / ${circuit.outputs.length} outputs, expected ${spec.numInputs} / ${spec.outputs.length}` };
  }
  if (!specSatisfiedBy(spec, simulateTruthTables(circuit))) return { ok: false, reason: 'exhaustive simulation: some output differs from the spec' };
  const cost = circuitCost(circuit, basis);
  if (!cost.inBasis) return { ok: false, reason: `not in ${basis}: ${cost.reason}` };
  if (opts.abc === false) return { ok: true, size: cost.size, abc: 'unavailable' };
  const cec = (opts.cec ?? abcCecAgainstSpec)(spec, circuit);
  if (cec.status === 'equivalent' || cec.status === 'unavailable') return { ok: true, size: cost.size, abc: cec.status };
  return { ok: false, reason: `ABC cec: ${cec.status}: ${cec.output}` };
}
