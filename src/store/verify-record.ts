/**
 * The check every record passes before it enters a store: a record read
 * from another store, a queue job's return value or a JSON-lines export is
 * a claim, not a fact, since anyone may have edited it. Its circuit is
 * parsed and simulated against the spec that its instance key names, its
 * size is recomputed under its basis's cost model (src/core/cost.ts, the
 * default one: output negations free, as the synthesis driver counts), and
 * its status must follow from its size and lower bound.
 *
 * What cannot be re-checked here is the lower bound itself (that needs the
 * SAT solver again); a bound is refused only when a circuit contradicts it.
 */
import { BASES, type BasisName } from '../core/basis.js';
import type { Circuit } from '../core/circuit.js';
import { circuitCost } from '../core/cost.js';
import { WaterlooError } from '../errors.js';
import { parseListing } from '../io/listing-read.js';
import { parseProblem } from '../problems/parse-problem.js';
import type { ProblemInstance } from '../problems/families.js';
import { verifyCircuit } from '../synth/verify.js';
import { specKeyOf } from './spec-key.js';
import type { StoreRecord } from './types.js';

/** Outcome of {@link verifyRecord}: accepted, or refused with the reason. */
export type RecordCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): RecordCheck => ({ ok: false, reason });
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The shape the store's columns and the tables rely on. */
function checkShape(r: StoreRecord): string | undefined {
  for (const f of ['problem', 'basis', 'encoder', 'family', 'specKey', 'solver'] as const) if (!isNonEmptyString(r[f])) return `field ${f} is missing or empty`;
  if (!Object.hasOwn(BASES, r.basis)) return `unknown basis '${r.basis}'`;
  if (r.status !== 'optimal' && r.status !== 'feasible' && r.status !== 'unknown') return `status '${String(r.status)}' is not optimal, feasible or unknown`;
  if (!isCount(r.lowerBound)) return `lower bound ${String(r.lowerBound)} is not a non-negative integer`;
  if (r.size !== undefined && !isCount(r.size)) return `size ${String(r.size)} is not a non-negative integer`;
  if ((r.size === undefined) !== (r.circuit === undefined)) return 'a size without a circuit or a circuit without a size';
  if (r.circuit !== undefined && typeof r.circuit !== 'string') return 'the circuit is not a listing';
  if (!Array.isArray(r.params) || !Array.isArray(r.attempts) || typeof r.evidence !== 'object' || r.evidence === null) return 'params, attempts or evidence missing';
  if (typeof r.seconds !== 'number' || !Number.isFinite(r.seconds)) return 'seconds is not a number';
  return undefined;
}

/** The status its size and bound imply. */
function impliedStatus(r: StoreRecord): StoreRecord['status'] {
  return r.size === undefined ? 'unknown' : r.size === r.lowerBound ? 'optimal' : 'feasible';
}

function checkCircuit(r: StoreRecord & { circuit: string; size: number }, problem: ProblemInstance): string | undefined {
  let c: Circuit;
  try {
    c = parseListing(r.circuit, { fileName: 'circuit' });
  } catch (e) {
    if (e instanceof WaterlooError) return `its circuit does not parse (${e.message})`;
    throw e;
  }
  if (c.numInputs !== problem.spec.numInputs || c.outputs.length !== problem.spec.outputs.length) {
    return `its circuit has ${c.numInputs} inputs and ${c.outputs.length} outputs, ${problem.name} has ${problem.spec.numInputs} and ${problem.spec.outputs.length}`;
  }
  const cost = circuitCost(c, r.basis as BasisName);
  if (!cost.inBasis) return `its circuit is not in ${r.basis}: ${cost.reason}`;
  if (cost.size !== r.size) return `it claims size ${r.size}, its circuit has size ${cost.size} in ${r.basis}`;
  const v = verifyCircuit(c, problem.spec);
  if (!v.ok) return `its circuit is wrong: output ${v.output} on minterm ${v.minterm} is ${Number(v.actual)}, ${problem.name} needs ${Number(v.expected)}`;
  return undefined;
}

/**
 * Re-checks a record from outside the process (see the module notes). Pure
 * apart from the simulation; returns why the record is refused, never throws
 * for a bad record.
 */
export function verifyRecord(r: StoreRecord): RecordCheck {
  if (typeof r !== 'object' || r === null) return refuse('not a record');
  const shape = checkShape(r);
  if (shape !== undefined) return refuse(shape);
  let problem: ProblemInstance;
  try {
    problem = parseProblem(r.problem);
  } catch (e) {
    if (e instanceof WaterlooError) return refuse(`unknown instance: ${e.message}`);
    throw e;
  }
  if (problem.name !== r.problem) return refuse(`the instance is spelled '${r.problem}', canonically '${problem.name}'`);
  if (problem.family !== r.family || problem.params.join(':') !== r.params.join(':')) return refuse(`family/params ${r.family}${JSON.stringify(r.params)} do not match the instance`);
  if (problem.spec.numInputs !== r.inputs || problem.spec.outputs.length !== r.outputs) return refuse(`inputs/outputs ${r.inputs}/${r.outputs} do not match the instance's ${problem.spec.numInputs}/${problem.spec.outputs.length}`);
  // the key groups equivalent instances (tables share records across an NPN class), so it must be the instance's
  const key = specKeyOf(problem.spec);
  if (key !== r.specKey) return refuse(`spec key ${r.specKey} is not the instance's (${key})`);
  if (r.size !== undefined && r.lowerBound > r.size) return refuse(`its lower bound ${r.lowerBound} is above its size ${r.size}`);
  if (r.status !== impliedStatus(r)) return refuse(`status ${r.status} with size ${r.size ?? 'none'} and lower bound ${r.lowerBound} (that is ${impliedStatus(r)})`);
  if (r.circuit !== undefined && r.size !== undefined) {
    const why = checkCircuit(r as StoreRecord & { circuit: string; size: number }, problem);
    if (why !== undefined) return refuse(why);
  }
  return { ok: true };
}

/** Names a record in messages: instance, basis and encoder. */
export function recordLabel(r: Pick<StoreRecord, 'problem' | 'basis' | 'encoder'>): string {
  return `${String(r.problem)} in ${String(r.basis)}/${String(r.encoder)}`;
}
