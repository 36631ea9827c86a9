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

/** One line of plain text: `waterloo 0.1.0+abc; solvers cadical; encoders ssv; time limit 60 s; 12 records, 2026-11-25`. */
export function formatProvenance(p: Provenance): string {
  const list = (xs: readonly string[]): string => (xs.length ? xs.join(', ') : 'none');
  const parts = [
    `waterloo ${list(p.versions)}`,
    `solvers ${list(p.solvers)}`,
    `encoders ${list(p.encoders)}`,
    ...(p.timeoutsSeconds === undefined ? [] : [p.timeoutsSeconds.length ? `time limit ${p.timeoutsSeconds.map((t) => `${t} s`).join(', ')} per instance` : 'no time limit']),
    `${p.records} record${p.records === 1 ? '' : 's'}${p.from ? `, ${p.from === p.to ? p.from : `${p.from} to ${p.to}`}` : ''}`,
  ];
  return parts.join('; ');
}
