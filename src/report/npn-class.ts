/**
 * What the records of NPN-equivalent instances say about an instance.
 * Instances whose functions differ only by permuting and negating inputs and
 * negating the output (`thr:5:2` and `thr:5:4`, `exact:5:1` and `exact:5:4`)
 * have the same minimum size in every basis, since the cost model makes
 * complemented edges and output negations free (src/core/cost.ts), so a
 * table must not give them different answers. For each (instance, basis),
 * the best lower bound of its class and the smallest circuit of its class are
 * taken; the circuit is transformed to this instance's function
 * (applyNpnToCircuit), simulated against this instance's spec and its cost
 * recomputed before its size is used: an equivalent record is evidence, not
 * a fact.
 *
 * Classes are keyed by the record's `specKey` (`npn:<n>:<hex>`: one output,
 * no don't-cares, n <= 6); other keys are never shared.
 */
import type { BasisName } from '../core/basis.js';
import type { Circuit } from '../core/circuit.js';
import { WaterlooError } from '../errors.js';
import { formatListing } from '../io/listing.js';
import { parseProblem } from '../problems/parse-problem.js';
import { costIsNpnInvariant, equivalentCircuit } from '../store/class-record.js';
import type { StoreRecord } from '../store/types.js';

/** The best an instance's NPN class offers beyond the instance's own records (fields absent when its own records are as good). */
export interface ClassEvidence {
  /** A smaller circuit from an equivalent instance, transformed to this instance and verified. */
  readonly circuit?: { readonly size: number; readonly from: string; readonly listing: string; readonly record: StoreRecord };
  /** A higher lower bound proven for an equivalent instance. */
  readonly bound?: { readonly lowerBound: number; readonly from: string; readonly record: StoreRecord };
}

const isNpnKey = (r: StoreRecord): boolean => r.outputs === 1 && r.specKey.startsWith('npn:');
const cellKey = (problem: string, basis: BasisName): string => `${problem}\u0000${basis}`;

/** The circuit of `source` transformed to `target`'s function and verified (class-record.ts), or undefined. */
function transformedCircuit(source: StoreRecord, target: string): { circuit: Circuit; size: number } | undefined {
  try {
    return equivalentCircuit(source, parseProblem(target));
  } catch (e) {
    if (e instanceof WaterlooError) return undefined;
    throw e;
  }
}

/**
 * For each (problem, basis) of `records` whose NPN class has records of
 * other instances in the same basis: what they add (see {@link ClassEvidence}).
 * Keyed by `problem \0 basis`; entries only where something is added.
 */
export function npnClassEvidence(records: readonly StoreRecord[]): Map<string, ClassEvidence> {
  const groups = new Map<string, StoreRecord[]>();
  for (const r of records) {
    if (!isNpnKey(r) || !costIsNpnInvariant(r.basis)) continue;
    const k = `${r.specKey}\u0000${r.basis}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out = new Map<string, ClassEvidence>();
  for (const group of groups.values()) {
    const problems = [...new Set(group.map((r) => r.problem))].sort();
    if (problems.length < 2) continue;
    for (const p of problems) {
      const own = group.filter((r) => r.problem === p);
      const others = group.filter((r) => r.problem !== p);
      const ownBound = Math.max(...own.map((r) => r.lowerBound));
      const ownSizes = own.flatMap((r) => (r.size === undefined ? [] : [r.size]));
      const ownSize = ownSizes.length ? Math.min(...ownSizes) : Infinity;
      const boundRecord = others.reduce<StoreRecord | undefined>((best, r) => (r.lowerBound > (best?.lowerBound ?? ownBound) ? r : best), undefined);
      let circuit: ClassEvidence['circuit'];
      // smallest first, ties by problem name, so the choice does not depend on record order
      const candidates = others.filter((r) => r.size !== undefined && r.circuit !== undefined && r.size < ownSize).sort((a, b) => a.size! - b.size! || a.problem.localeCompare(b.problem));
      for (const r of candidates) {
        const t = transformedCircuit(r, p);
        if (t === undefined) continue;
        circuit = { size: t.size, from: r.problem, listing: formatListing(t.circuit), record: r };
        break;
      }
      if (circuit === undefined && boundRecord === undefined) continue;
      out.set(cellKey(p, group[0]!.basis), {
        ...(circuit ? { circuit } : {}),
        ...(boundRecord ? { bound: { lowerBound: boundRecord.lowerBound, from: boundRecord.problem, record: boundRecord } } : {}),
      });
    }
  }
  return out;
}

/** The entry of {@link npnClassEvidence} for one cell. */
export function classEvidenceOf(evidence: ReadonlyMap<string, ClassEvidence>, problem: string, basis: BasisName): ClassEvidence | undefined {
  return evidence.get(cellKey(problem, basis));
}
