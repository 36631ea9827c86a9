/**
 * The table researchers put in papers: the minimum circuit size of each
 * problem instance (rows, grouped by family) in each basis (columns), every
 * cell marked proven optimal, best found with its proven lower bound, or
 * timed out with its lower bound. A pure function of the records; the
 * formatters in format-table.ts turn it into Markdown, LaTeX, CSV or JSON.
 */
import { BASES, type BasisName } from '../core/basis.js';
import { ValidationError } from '../errors.js';
import { PROBLEM_FAMILIES } from '../problems/families.js';
import { problemItemMatches, type ProblemItem } from '../problems/parse-problem.js';
import type { InstanceStatus, StoreRecord } from '../store/types.js';
import { classEvidenceOf, npnClassEvidence, type ClassEvidence } from './npn-class.js';
import { provenanceOf, type Provenance } from './provenance.js';

/** What a table knows about one problem in one basis, merged over every record (encoder) of that pair. */
export interface TableCell {
  readonly status: InstanceStatus;
  /** Smallest verified circuit over the records (absent when none found one). */
  readonly size?: number;
  /** Largest proven lower bound over the records. */
  readonly lowerBound: number;
  /** Wall time of the fastest record that reached this status, seconds. */
  readonly seconds: number;
  /** Encoders of the records merged into this cell, sorted. */
  readonly encoders: readonly string[];
  /** When `size` comes from an NPN-equivalent instance (its circuit transformed to this one and re-simulated): that instance. */
  readonly sizeFrom?: string;
  /** When `lowerBound` comes from an NPN-equivalent instance's proof: that instance. */
  readonly boundFrom?: string;
  /** Distinct per-instance time limits of the merged records, seconds, ascending (records without a limit add none). */
  readonly timeoutsSeconds: readonly number[];
}

/** One problem instance. */
export interface TableRow {
  readonly family: string;
  readonly problem: string;
  readonly params: readonly number[];
  readonly inputs: number;
  readonly outputs: number;
  /** One cell per basis that has records for this problem; a basis without one is a missing cell. */
  readonly cells: Readonly<Partial<Record<BasisName, TableCell>>>;
  /** Distinct per-instance time limits of every record in the row, seconds, ascending: each row states its own limit. */
  readonly timeoutsSeconds: readonly number[];
}

/** The whole table. */
export interface ResultTable {
  /** Column order. */
  readonly bases: readonly BasisName[];
  /** Rows grouped by family, in the family registry's order, then by parameters. */
  readonly rows: readonly TableRow[];
  readonly provenance: Provenance;
}

/** Which records a table shows. */
export interface ResultTableQuery {
  /** Only this family (case-insensitive). */
  readonly family?: string;
  /** Only instances selected by one of these `--problem` items (families, families with leading parameters, full names). */
  readonly problems?: readonly ProblemItem[];
  /** Only these bases, in this column order (default: every basis present, in the registry's order). */
  readonly bases?: readonly BasisName[];
  /** Only this encoder (default: all, merged per cell). */
  readonly encoder?: string;
}

const FAMILY_ORDER: readonly string[] = Object.keys(PROBLEM_FAMILIES);
const BASIS_ORDER: readonly BasisName[] = Object.keys(BASES) as BasisName[];

function familyRank(f: string): number {
  const i = FAMILY_ORDER.indexOf(f);
  return i < 0 ? FAMILY_ORDER.length : i;
}

function compareRows(a: TableRow, b: TableRow): number {
  const byFamily = familyRank(a.family) - familyRank(b.family) || a.family.localeCompare(b.family);
  if (byFamily) return byFamily;
  for (let i = 0; i < Math.min(a.params.length, b.params.length); i++) {
    const d = a.params[i]! - b.params[i]!;
    if (d) return d;
  }
  return a.params.length - b.params.length || a.problem.localeCompare(b.problem);
}

/**
 * Records in table order (family, parameters, basis, encoder): the order of
 * the published text export, so that a rerun that adds records gives a small diff.
 */
export function sortRecords(records: readonly StoreRecord[]): StoreRecord[] {
  const key = (r: StoreRecord): TableRow => ({ family: r.family, problem: r.problem, params: r.params, inputs: r.inputs, outputs: r.outputs, cells: {}, timeoutsSeconds: [] });
  return [...records].sort((a, b) => compareRows(key(a), key(b)) || BASIS_ORDER.indexOf(a.basis) - BASIS_ORDER.indexOf(b.basis) || a.encoder.localeCompare(b.encoder));
}

/** Distinct time limits of `records`, ascending. */
function timeLimitsOf(records: readonly StoreRecord[]): number[] {
  return [...new Set(records.flatMap((r) => (r.timeoutSeconds !== undefined ? [r.timeoutSeconds] : [])))].sort((a, b) => a - b);
}

const STATUS_RANK: Record<InstanceStatus, number> = { optimal: 0, feasible: 1, unknown: 2 };

/**
 * The equivalent instance a cell's value came from when every record giving
 * it was derived from that instance's record (StoreRecord.derivedFrom: a sweep
 * answered this instance from its NPN class), else undefined.
 */
function derivedFrom(records: readonly StoreRecord[], gives: (r: StoreRecord) => boolean): string | undefined {
  const giving = records.filter(gives);
  const from = new Set(giving.map((r) => r.derivedFrom));
  return giving.length > 0 && from.size === 1 ? [...from][0] : undefined;
}

/**
 * Merges the records of one (problem, basis): every record's circuit is
 * verified and every lower bound proven, so the smallest size and the largest
 * bound together are the best statement; it is optimal when they meet.
 */
function mergeCell(records: readonly StoreRecord[], fromClass: ClassEvidence | undefined): TableCell {
  const sizes = records.flatMap((r) => (r.size !== undefined ? [r.size] : []));
  const ownSize = sizes.length ? Math.min(...sizes) : undefined;
  const ownBound = Math.max(...records.map((r) => r.lowerBound));
  // npnClassEvidence only reports what beats the instance's own records
  const size = fromClass?.circuit?.size ?? ownSize;
  const lowerBound = fromClass?.bound?.lowerBound ?? ownBound;
  if (size !== undefined && lowerBound > size) {
    const r = records[0]!;
    const via = fromClass?.circuit || fromClass?.bound ? ` (with the records of NPN-equivalent ${[fromClass.circuit?.from, fromClass.bound?.from].filter((x) => x !== undefined).join(', ')})` : '';
    throw new ValidationError(`records of ${r.problem} in ${r.basis} contradict each other${via}: a circuit of size ${size} and a lower bound of ${lowerBound}`, 'contradictory-records');
  }
  const status: InstanceStatus = size === undefined ? 'unknown' : size === lowerBound ? 'optimal' : 'feasible';
  const reached = records.filter((r) => STATUS_RANK[r.status] <= STATUS_RANK[status]);
  const seconds = Math.min(...(reached.length ? reached : records).map((r) => r.seconds));
  return {
    status,
    size,
    lowerBound,
    seconds,
    encoders: [...new Set(records.map((r) => r.encoder))].sort(),
    timeoutsSeconds: timeLimitsOf(records),
    ...(fromClass?.circuit ? { sizeFrom: fromClass.circuit.from } : derivedFrom(records, (r) => r.size === size) ? { sizeFrom: derivedFrom(records, (r) => r.size === size)! } : {}),
    ...(fromClass?.bound ? { boundFrom: fromClass.bound.from } : derivedFrom(records, (r) => r.lowerBound === lowerBound) ? { boundFrom: derivedFrom(records, (r) => r.lowerBound === lowerBound)! } : {}),
  };
}

/**
 * Builds the table from store records. A cell also uses the records of
 * NPN-equivalent instances in its basis (npn-class.ts), from every family,
 * not only the families shown; the cell then names the instance it took from.
 */
export function buildResultTable(records: readonly StoreRecord[], query: ResultTableQuery = {}): ResultTable {
  const fromClass = npnClassEvidence(query.encoder === undefined ? records : records.filter((r) => r.encoder === query.encoder));
  const family = query.family?.toLowerCase();
  const chosen = records.filter(
    (r) => (family === undefined || r.family === family) && (query.problems === undefined || query.problems.some((item) => problemItemMatches(item, r))) && (query.bases === undefined || query.bases.includes(r.basis)) && (query.encoder === undefined || r.encoder === query.encoder),
  );
  const byProblem = new Map<string, StoreRecord[]>();
  for (const r of chosen) {
    const list = byProblem.get(r.problem);
    if (list) list.push(r);
    else byProblem.set(r.problem, [r]);
  }
  const rows: TableRow[] = [];
  const borrowed = new Set<StoreRecord>();
  for (const [problem, list] of byProblem) {
    const first = list[0]!;
    const cells: Partial<Record<BasisName, TableCell>> = {};
    // Bases in registry order, so the JSON form does not depend on the order of the records.
    for (const basis of BASIS_ORDER) {
      const of = list.filter((r) => r.basis === basis);
      if (!of.length) continue;
      const ev = classEvidenceOf(fromClass, problem, basis);
      cells[basis] = mergeCell(of, ev);
      // the provenance covers the equivalent instances' records a cell took from
      if (ev?.circuit) borrowed.add(ev.circuit.record);
      if (ev?.bound) borrowed.add(ev.bound.record);
    }
    rows.push({ family: first.family, problem, params: first.params, inputs: first.inputs, outputs: first.outputs, cells, timeoutsSeconds: timeLimitsOf(list) });
  }
  rows.sort(compareRows);
  const present = new Set(chosen.map((r) => r.basis));
  const bases = query.bases ? [...query.bases] : BASIS_ORDER.filter((b) => present.has(b));
  return { bases, rows, provenance: provenanceOf([...new Set([...chosen, ...borrowed])]) };
}
