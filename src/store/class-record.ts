/**
 * A store record answers every instance of its function's NPN class.
 *
 * Why the class and not a smaller group: under the default cost model
 * (src/core/cost.ts) a circuit of f becomes a circuit of any NPN transform of
 * f with the same size, in every basis whose internal negations are free
 * (complemented edges in AIG/XAIG/MIG; in B2/U2 a negated fanin or gate
 * output is absorbed into the reader's op, which needs the op set to be
 * closed under complementing an input or the output) and whose output
 * negations are free (the default in every basis: Knuth's C(f) = C(!f)).
 * Permuting inputs is free everywhere. So the minimum size, and every lower
 * bound, is one per class ({@link costIsNpnInvariant} checks the premise per
 * basis, so a basis added later that breaks it is never shared).
 *
 * A record taken over from an equivalent instance is evidence, not a fact:
 * its circuit is transformed to the target's function (applyNpnToCircuit),
 * re-simulated against the target's spec and re-costed before it is used.
 */
import { basisInfo, type BasisName } from '../core/basis.js';
import type { Circuit } from '../core/circuit.js';
import { circuitCost } from '../core/cost.js';
import { applyNpnToCircuit } from '../core/npn-circuit.js';
import { simulateTruthTables } from '../core/simulate.js';
import { WaterlooError } from '../errors.js';
import { parseListing } from '../io/listing-read.js';
import { formatListing } from '../io/listing.js';
import type { ProblemInstance } from '../problems/families.js';
import { verifyCircuit } from '../synth/verify.js';
import { composeNpn, invertNpn, npnCanonize } from '../tt/npn.js';
import type { FunctionSpec } from '../tt/spec.js';
import { specKeyOf } from './spec-key.js';
import type { ResultsStore, StoreRecord } from './types.js';

/**
 * Whether sizes in `basis` are invariant under NPN transforms (see the module
 * notes): free complemented edges, or an op set closed under complementing
 * either input and the output.
 */
export function costIsNpnInvariant(basis: BasisName): boolean {
  const info = basisInfo(basis);
  if (info.freeNegations) return true;
  if (info.majority) return false;
  for (const op of info.ops) {
    const a = ((op & 0b0101) << 1) | ((op & 0b1010) >> 1); // first input complemented
    const b = ((op & 0b0011) << 2) | ((op & 0b1100) >> 2); // second input complemented
    if (!info.ops.has(a) || !info.ops.has(b) || !info.ops.has(~op & 15)) return false;
  }
  return true;
}

/** What a circuit is transformed to: a spec and optional signal names. */
export interface ClassTarget {
  readonly spec: FunctionSpec;
  readonly inputNames?: readonly string[];
  readonly outputNames?: readonly string[];
}

/**
 * The circuit of `source` transformed to compute `target`'s function, or
 * undefined when it does not parse, is not one output, is not in the basis,
 * changes size, or fails simulation against `target`'s spec.
 */
export function equivalentCircuit(source: StoreRecord, target: ClassTarget): { circuit: Circuit; size: number } | undefined {
  if (source.circuit === undefined || source.size === undefined) return undefined;
  try {
    const want = target.spec;
    const c = parseListing(source.circuit, { fileName: `${source.problem} circuit` });
    const have = simulateTruthTables(c);
    if (have.length !== 1 || want.outputs.length !== 1 || c.numInputs !== want.numInputs) return undefined;
    // g -> representative -> f: applyNpn(g, Tg) = r and applyNpn(r, inverse(Tf)) = f
    const t = composeNpn(npnCanonize(have[0]!).transform, invertNpn(npnCanonize(want.outputs[0]!).transform));
    const d = applyNpnToCircuit(c, t, {
      ...(target.inputNames === undefined ? {} : { inputNames: target.inputNames }),
      ...(target.outputNames === undefined ? {} : { outputNames: target.outputNames }),
    });
    const cost = circuitCost(d, source.basis);
    if (!cost.inBasis || cost.size !== source.size || !verifyCircuit(d, want).ok) return undefined;
    return { circuit: d, size: cost.size };
  } catch (e) {
    if (e instanceof WaterlooError) return undefined;
    throw e;
  }
}

/** The best record of a class for one target, with its circuit transformed to the target. */
export interface ClassAnswer {
  /** The record the answer comes from (an equivalent instance's, or the target's own). */
  readonly source: StoreRecord;
  readonly status: StoreRecord['status'];
  /** Transformed, simulated against the target's spec, re-costed (absent for unknown records). */
  readonly circuit?: Circuit;
  readonly size?: number;
  readonly lowerBound: number;
}

const STATUS_RANK: Readonly<Record<StoreRecord['status'], number>> = { unknown: 0, feasible: 1, optimal: 2 };

/**
 * The best usable record in `store` of the NPN class of `target`'s function
 * in `basis` (of `encoder` when given): optimal before feasible before
 * unknown, then smaller circuits, then higher bounds, ties by problem name.
 * Records whose circuit fails the transform are skipped. Undefined when the
 * function has no NPN key (several outputs, don't-cares, > 6 inputs), the
 * basis's cost is not NPN-invariant, or the class has no usable record.
 */
export function classAnswer(store: ResultsStore, target: ClassTarget, basis: BasisName, encoder?: string): ClassAnswer | undefined {
  if (!costIsNpnInvariant(basis)) return undefined;
  const key = specKeyOf(target.spec);
  if (!key.startsWith('npn:')) return undefined;
  const records = store
    .list({ specKey: key, basis, ...(encoder === undefined ? {} : { encoder }) })
    .sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status] || (a.size ?? Infinity) - (b.size ?? Infinity) || b.lowerBound - a.lowerBound || a.problem.localeCompare(b.problem));
  for (const r of records) {
    if (r.status === 'unknown') return { source: r, status: r.status, lowerBound: r.lowerBound };
    const t = equivalentCircuit(r, target);
    if (t === undefined) continue;
    return { source: r, status: r.status, circuit: t.circuit, size: t.size, lowerBound: r.lowerBound };
  }
  return undefined;
}

/**
 * The record of `problem` answered by an optimal record of an equivalent
 * instance in the store (same basis and encoder), or undefined when there is
 * none. The record keeps the source's evidence, times and attempts, names it
 * in `derivedFrom`, and carries the transformed, re-verified circuit.
 */
export function derivedClassRecord(store: ResultsStore, problem: ProblemInstance, basis: BasisName, encoder: string, command: string): StoreRecord | undefined {
  const a = classAnswer(store, problem, basis, encoder);
  if (a === undefined || a.status !== 'optimal' || a.circuit === undefined || a.source.problem === problem.name) return undefined;
  const s = a.source;
  return {
    ...s,
    problem: problem.name,
    family: problem.family,
    params: [...problem.params],
    inputs: problem.spec.numInputs,
    outputs: problem.spec.outputs.length,
    specKey: specKeyOf(problem.spec),
    circuit: formatListing(a.circuit),
    derivedFrom: s.derivedFrom ?? s.problem,
    command,
    createdAt: new Date().toISOString(),
  };
}
