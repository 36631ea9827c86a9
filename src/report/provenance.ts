/**
 * Where a table's or plot's numbers came from: the waterloo versions,
 * solvers, encoders and time limits of its records, and when they were made.
 * Derived from the records alone (never from the clock), so regenerating a
 * table from the same records gives the same bytes.
 */
import type { StoreRecord } from '../store/types.js';

/** What produced a set of records. */
export interface Provenance {
  /** Number of records the table or plot was built from. */
  readonly records: number;
  /** Distinct waterloo versions, sorted. */
  readonly versions: readonly string[];
  /** Distinct SAT backends, sorted. */
  readonly solvers: readonly string[];
  /** Distinct encoders, sorted. */
  readonly encoders: readonly string[];
  /** Distinct per-instance time limits in seconds, ascending (empty when no run had one; absent when the source does not record them). */
  readonly timeoutsSeconds?: readonly number[];
  /** Date (YYYY-MM-DD) of the oldest record, or undefined when there are none. */
  readonly from?: string;
  /** Date (YYYY-MM-DD) of the newest record. */
  readonly to?: string;
}

const distinct = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/** The provenance of `records`. */
export function provenanceOf(records: readonly StoreRecord[]): Provenance {
  const dates = records.map((r) => r.createdAt.slice(0, 10)).sort();
  const timeouts = [...new Set(records.flatMap((r) => (r.timeoutSeconds !== undefined ? [r.timeoutSeconds] : [])))].sort((a, b) => a - b);
  return {
    records: records.length,
    versions: distinct(records.map((r) => r.version)),
    solvers: distinct(records.map((r) => r.solver)),
    encoders: distinct(records.map((r) => r.encoder)),
    timeoutsSeconds: timeouts,
    ...(dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : {}),
  };
}

/** Options of {@link formatProvenance}. */
export interface ProvenanceFormat {
  /** Include the time limits (false when each row of the table states its own). Default true. */
  readonly timeLimits: boolean;
}

/**
 * How a recorded version reads in a footer. A `-dirty` version was made from
 * a checkout with uncommitted changes, so its revision does not identify the
 * code: the footer says so in words instead of printing a revision that
 * cannot be checked out. Which files differed was not recorded with those
 * records (new published runs refuse a dirty tree, see `results regenerate`).
 */
export function describeVersion(v: string): string {
  return v.endsWith('-dirty') ? `uncommitted changes on ${v.slice(0, -'-dirty'.length)} (changed files not recorded)` : v;
}

/** One line of plain text: `waterloo 0.1.0+abc; solvers cadical; encoders ssv; time limit 60 s per instance; 12 records, 2026-11-25`. */
export function formatProvenance(p: Provenance, params: Partial<ProvenanceFormat> = {}): string {
  const list = (xs: readonly string[]): string => (xs.length ? xs.join(', ') : 'none');
  const withLimits = params.timeLimits ?? true;
  const parts = [
    `waterloo ${list(p.versions.map(describeVersion))}`,
    `solvers ${list(p.solvers)}`,
    `encoders ${list(p.encoders)}`,
    ...(p.timeoutsSeconds === undefined || !withLimits ? [] : [p.timeoutsSeconds.length ? `time limit ${p.timeoutsSeconds.map((t) => `${t} s`).join(', ')} per instance` : 'no time limit']),
    `${p.records} record${p.records === 1 ? '' : 's'}${p.from ? `, ${p.from === p.to ? p.from : `${p.from} to ${p.to}`}` : ''}`,
  ];
  return parts.join('; ');
}
